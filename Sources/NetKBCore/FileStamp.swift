/// What the index remembers of a note file to tell whether it changed.
public struct FileStamp: Hashable, Sendable {
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var size: Int64
    /// A hash of the file's bytes (see ``ContentHash``).
    public var contentHash: UInt64

    public init(modified: Int64, size: Int64, contentHash: UInt64) {
        self.modified = modified
        self.size = size
        self.contentHash = contentHash
    }

    /// Whether the file's modification time and size are those recorded.
    public func matches(modified: Int64, size: Int64) -> Bool {
        self.modified == modified && self.size == size
    }
}
