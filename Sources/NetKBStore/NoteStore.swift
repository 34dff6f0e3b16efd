import Foundation
import GRDB
import NetKBCore

/// The SQLite index of a notes folder: one file, opened for one command.
///
/// ```swift
/// let store = try NoteStore.open(at: "index/netkb.sqlite")
/// let hits = try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter())
/// ```
public struct NoteStore: Sendable {
    let dbQueue: DatabaseQueue
    /// The file's path.
    public let path: String
    /// Why the index was started afresh when it was opened (damaged, or of another schema), if it was.
    public let rebuiltBecause: String?

    /// Opens the index at `path` for reading and writing, creating it (and its folder) when missing.
    /// A file that is not a netkb index, is damaged, or was written by another schema is replaced by
    /// an empty index, and ``rebuiltBecause`` says why.
    public static func open(at path: String) throws -> NoteStore {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.notWritable(path: path, reason: Self.reason(error))
            }
        }
        do {
            let queue = try makeQueue(path: path, mode: .readWrite)
            switch try queue.read(schemaState) {
            case .current:
                break
            case .empty, .older:
                try migrator.migrate(queue)
            case .unusable(let problem):
                try? queue.close()
                return try recreate(at: path, because: problem)
            }
            return NoteStore(dbQueue: queue, path: path, rebuiltBecause: nil)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            return try recreate(at: path, because: "it is damaged (\(error.message ?? "\(error.resultCode)"))")
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR].contains(error.resultCode) {
            throw StoreError.notWritable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// Opens an existing index for reading only, for `--no-refresh`.
    public static func openForReading(at path: String) throws -> NoteStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        do {
            let queue = try makeQueue(path: path, mode: .readOnly)
            switch try queue.read(schemaState) {
            case .current: return NoteStore(dbQueue: queue, path: path, rebuiltBecause: nil)
            case .empty: throw StoreError.unusable(path: path, reason: "it is empty")
            case .older: throw StoreError.unusable(path: path, reason: "its schema is older than this netkb's")
            case .unusable(let reason): throw StoreError.unusable(path: path, reason: reason)
            }
        } catch let error as DatabaseError {
            throw StoreError.unusable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// How a connection is used.
    enum ConnectionMode {
        case readOnly
        /// Incremental changes, in WAL mode so that readers are never blocked.
        case readWrite
        /// Writing a whole new index into a file no one else uses: no journal, no syncing.
        case bulk
    }

    static func makeQueue(path: String, mode: ConnectionMode) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            db.add(tokenizer: KoreanAwareFTS5Tokenizer.self)
            switch mode {
            case .readOnly:
                break
            case .readWrite:
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
            case .bulk:
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
            }
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// What an index file holds, compared with this netkb's schema.
    enum SchemaState {
        case empty, current, older
        case unusable(String)
    }

    /// Reads the schema state with one query of the migrations table, so that opening stays cheap.
    static func schemaState(_ db: Database) throws -> SchemaState {
        let hasMigrations = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'grdb_migrations')") ?? false
        guard hasMigrations else {
            let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
            return tables == 0 ? .empty : .unusable("it is not a netkb index of this version")
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let known = Set(migrator.migrations)
        if applied == known { return .current }
        if !applied.isSubset(of: known) { return .unusable("it was written by a newer netkb, or another program") }
        return .older
    }

    /// Replaces the file at `path` with a new, empty index.
    static func recreate(at path: String, because reason: String) throws -> NoteStore {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
        let queue = try makeQueue(path: path, mode: .readWrite)
        try migrator.migrate(queue)
        return NoteStore(dbQueue: queue, path: path, rebuiltBecause: reason)
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return (error as NSError).localizedDescription
    }
}

/// Why the index could not be opened.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case notWritable(path: String, reason: String)
    case missing(path: String)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notWritable(let path, let reason): "cannot write the index at \(path): \(reason)"
        case .missing(let path): "no index at \(path): run `netkb index` first (or leave out --no-refresh)"
        case .unusable(let path, let reason): "cannot use the index at \(path): \(reason); run `netkb index`"
        }
    }
}
