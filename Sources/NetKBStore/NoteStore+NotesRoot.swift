import GRDB

/// The notes folder an index was written for, as the index keeps it: the folder's path with its
/// links followed, and its device, inode and birth time, so that a folder moved elsewhere is
/// still known, and a new folder given a deleted one's inode is not taken for it.
public struct StoredNotesRoot: Equatable, Sendable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64
    /// When the folder was made (nanoseconds since 1970); 0 where the file system does not say.
    public var birth: Int64

    public init(path: String, device: UInt64, inode: UInt64, birth: Int64) {
        self.path = path
        self.device = device
        self.inode = inode
        self.birth = birth
    }

    /// Whether `other` is the same folder: the same path, or the same folder moved (its
    /// device and inode, and its birth time when both say).
    public func isSameFolder(as other: StoredNotesRoot) -> Bool {
        guard path != other.path else { return true }
        return device == other.device && inode == other.inode && (birth == 0 || other.birth == 0 || birth == other.birth)
    }

    /// The settings value: `device:inode:birth:path`.
    var encoded: String { "\(device):\(inode):\(birth):\(path)" }

    init?(encoded: String) {
        let parts = encoded.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let device = UInt64(parts[0]), let inode = UInt64(parts[1]), let birth = Int64(parts[2]) else { return nil }
        self.init(path: String(parts[3]), device: device, inode: inode, birth: birth)
    }
}

extension IndexTransaction {
    /// The settings key of the notes folder the index is written for.
    static let notesRootKey = "notes-root"

    /// Records the notes folder this index is written for.
    public func recordNotesRoot(_ root: StoredNotesRoot) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [Self.notesRootKey, root.encoded])
    }
}

extension NoteStore {
    /// The notes folder the index was written for; nil for an index written before netkb kept it.
    public func notesRoot() throws -> StoredNotesRoot? {
        try reading { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [IndexTransaction.notesRootKey])
                .flatMap(StoredNotesRoot.init(encoded:))
        }
    }

    /// How many notes the index holds.
    public func noteCount() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes") ?? 0 }
    }
}
