/// What the index remembers of a note file to tell whether it changed.
public struct FileStamp: Hashable, Sendable {
    /// The file's change stamp (``changeStamp(modified:changed:inode:)``): its modification and
    /// status-change times and its inode, mixed into one number.
    public var changeStamp: Int64
    public var size: Int64
    /// A hash of the file's bytes (see ``ContentHash``).
    public var contentHash: UInt64

    public init(changeStamp: Int64, size: Int64, contentHash: UInt64) {
        self.changeStamp = changeStamp
        self.size = size
        self.contentHash = contentHash
    }

    /// Whether the file's change stamp and size are those recorded.
    public func matches(changeStamp: Int64, size: Int64) -> Bool {
        self.changeStamp == changeStamp && self.size == size
    }

    /// One number that changes whenever the file's modification time (nanoseconds), its
    /// status-change time (nanoseconds) or its inode does. The modification time alone misses
    /// a file replaced by another of the same size and time (`mv`, `cp -p`, `touch -r`, a
    /// symbolic link pointed elsewhere); the status-change time cannot be set back, and a
    /// replacement is another inode. Each part is mixed (SplitMix64's finalizer) before they
    /// are combined, so that two changes cannot cancel out in practice.
    public static func changeStamp(modified: Int64, changed: Int64, inode: UInt64) -> Int64 {
        func mix(_ value: UInt64) -> UInt64 {
            var z = value &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let stamp = mix(UInt64(bitPattern: modified) ^ mix(UInt64(bitPattern: changed) ^ mix(inode)))
        return Int64(bitPattern: stamp)
    }
}
