import GRDB

/// The notes folder an index was written for, as the index keeps it: the folder's path with its
/// links followed, and its device and inode, so that a folder moved elsewhere is still known.
public struct StoredNotesRoot: Equatable, Sendable {
    public var path: String
    public var device: UInt64
    public var inode: UInt64

    public init(path: String, device: UInt64, inode: UInt64) {
        self.path = path
        self.device = device
        self.inode = inode
    }

    /// Whether `other` is the same folder: the same path, or the same folder moved.
    public func isSameFolder(as other: StoredNotesRoot) -> Bool {
        path == other.path || (device == other.device && inode == other.inode)
    }

    /// The settings value: `device:inode:path`.
    var encoded: String { "\(device):\(inode):\(path)" }

    init?(encoded: String) {
        let parts = encoded.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        self.init(path: String(parts[2]), device: device, inode: inode)
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
