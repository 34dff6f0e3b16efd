import GRDB

/// Why the index could not be used.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file at the index path is not a netkb index; netkb leaves it as it is.
    case foreign(path: String, reason: String)
    /// The index (or its folder) cannot be written: read-only, full disk, no permission.
    case notWritable(path: String, reason: String)
    /// There is no index yet.
    case missing(path: String)
    /// The index is ours but cannot be read as it is (older, empty).
    case unusable(path: String, reason: String)
    /// SQLite found the index damaged; it is rebuilt.
    case damaged(path: String, reason: String)
    /// Another process holds SQLite's lock for longer than netkb waits.
    case busy(path: String)
    /// A file netkb did not make has the name of a journal of the index it is about to write
    /// (`<index>-journal`, `-wal`, `-shm`): SQLite would take it for the index's own, and
    /// delete it. netkb leaves it as it is.
    case inTheWay(path: String, index: String)

    public var description: String {
        switch self {
        case .foreign(let path, let reason):
            "\(path) is not a netkb index: \(reason); netkb leaves it as it is: give --index a file name of its own"
        case .notWritable(let path, let reason): "cannot write the index at \(path): \(reason)"
        case .missing(let path): "no index at \(path): run `netkb index` first (or leave out --no-refresh)"
        case .unusable(let path, let reason): "cannot use the index at \(path): \(reason); run `netkb index`"
        case .damaged(let path, let reason):
            "the index at \(path) is damaged: \(reason); `netkb index --rebuild` writes it anew from the notes"
        case .busy(let path): "the index at \(path) is locked by another process"
        case .inTheWay(let path, let index):
            "\(path) is in the way: SQLite would take it for a journal of the index netkb is to write at \(index), "
                + "and there is no netkb index there that it could belong to; netkb leaves it as it is: "
                + "move it away, or give --index a file name of its own"
        }
    }

    /// The store error for an SQLite error on the index at `path`.
    init(_ error: DatabaseError, path: String) {
        let message = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            self = .damaged(path: path, reason: message)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL, .SQLITE_AUTH:
            self = .notWritable(path: path, reason: message)
        default:
            self = .unusable(path: path, reason: message)
        }
    }

    /// Whether the error means the index could not be written, though it may still be read.
    public var isWriteFailure: Bool {
        switch self {
        case .notWritable, .busy: true
        default: false
        }
    }
}
