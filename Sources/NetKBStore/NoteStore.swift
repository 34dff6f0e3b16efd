import Foundation
import GRDB
import GRDBSQLite
import CSQLiteSettings
import NetKBCore

/// The SQLite index of a notes folder, opened for one command.
///
/// The store takes any GRDB writer, so tests can run on an in-memory database:
///
/// ```swift
/// let store = try NoteStore.inMemory()
/// let hits = try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter())
/// ```
///
/// On disk, an index is written only by a process holding its ``IndexLock``: incrementally with
/// ``update(_:)``, or as a whole new file moved into place with ``build(at:_:)``. netkb never
/// writes to or replaces a file it cannot prove it made (see ``ownership(of:)``).
public struct NoteStore: Sendable {
    let writer: any DatabaseWriter
    /// The file's path; nil in memory.
    public let path: String?

    /// A store over `writer`, whose schema must be current (see ``migrator``).
    init(_ writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    /// A new, empty index in memory.
    public static func inMemory() throws -> NoteStore {
        let queue = try DatabaseQueue(configuration: configuration(.readWrite))
        try migrator.migrate(queue)
        return NoteStore(queue, path: nil)
    }

    /// Whether netkb may write or replace the file at `path`: throws ``StoreError/foreign(path:reason:)``
    /// when it is not a netkb index (a note given as `--index` by mistake, another program's
    /// database, a FIFO), and says whether something is there.
    /// `path` spelled so that SQLite opens the file of that name: a relative path gets `./`, since
    /// SQLite reads `file:…` as a URI naming another file and `:memory:` as no file at all.
    static func sqliteFileName(_ path: String) -> String {
        path.hasPrefix("/") || path.hasPrefix("./") ? path : "./" + path
    }

    @discardableResult
    public static func ownership(of path: String) throws -> Bool {
        switch IndexFileIdentity.inspect(path) {
        case .absent:
            return false
        case .netkb:
            return true
        case .foreign(let reason):
            throw StoreError.foreign(path: path, reason: reason)
        case .unreadable(let reason):
            throw StoreError.unusable(path: path, reason: "it cannot be read (\(reason))")
        case .unmarkedSQLite:
            // The first netkb release set no application id; its migrations table names it.
            let isOurs = (try? DatabaseQueue(path: sqliteFileName(path), configuration: configuration(.readOnly)).read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains(firstMigration)
            }) ?? false
            guard isOurs else {
                throw StoreError.foreign(path: path, reason: "it is an SQLite database that netkb did not write")
            }
            return true
        }
    }

    /// What an existing index file holds, for a writer holding the lock.
    public enum State: Sendable {
        /// No index yet.
        case absent
        /// Usable as it is.
        case current(NoteStore)
        /// To be built anew, for the reason given (damaged, or written by another netkb version).
        case stale(reason: String)
    }

    /// Opens the index at `path` for writing, if it is current. The caller has checked
    /// ``ownership(of:)`` and holds the ``IndexLock``.
    public static func openForWriting(at path: String) throws -> State {
        guard try ownership(of: path) else { return .absent }
        do {
            let queue = try DatabaseQueue(path: sqliteFileName(path), configuration: configuration(.readWrite))
            switch try queue.read(schemaState) {
            case .current:
                // A hot journal left by a killed run is rolled back by the read above.
                return .current(NoteStore(queue, path: path))
            case .empty: return .stale(reason: "it is empty")
            case .older: return .stale(reason: "it was written by an older netkb")
            case .unusable(let problem): return .stale(reason: problem)
            }
        } catch let error as DatabaseError {
            switch StoreError(error, path: path) {
            case .damaged(_, let reason): return .stale(reason: "it is damaged (\(reason))")
            case let failure: throw failure
            }
        }
    }

    /// Opens an existing index for reading only: for `--no-refresh`, and for answering when
    /// the index cannot be written. Works in a read-only folder.
    public static func openForReading(at path: String) throws -> NoteStore {
        guard try ownership(of: path) else { throw StoreError.missing(path: path) }
        do {
            return try openReadOnly(at: path)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY && FileManager.default.fileExists(atPath: path + "-journal") {
            // A run killed while writing left a hot journal, which a read-only connection may not
            // roll back. Rolling it back restores the index as it was before that run; it needs
            // write access, and SQLite's own locks keep it safe beside other processes.
            do {
                let queue = try DatabaseQueue(path: sqliteFileName(path), configuration: configuration(.readWrite))
                _ = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master") }
                try queue.close()
            } catch {
                throw StoreError.unusable(
                    path: path,
                    reason: "a run killed while writing left \(path)-journal, which netkb must roll back and cannot here (no write access)")
            }
            do {
                return try openReadOnly(at: path)
            } catch let error as DatabaseError {
                throw StoreError(error, path: path)
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    static func openReadOnly(at path: String) throws -> NoteStore {
        let queue = try DatabaseQueue(path: sqliteFileName(path), configuration: configuration(.readOnly))
        switch try queue.read(schemaState) {
        case .current: return NoteStore(queue, path: path)
        case .empty: throw StoreError.unusable(path: path, reason: "it is empty")
        case .older: throw StoreError.unusable(path: path, reason: "it was written by an older netkb")
        case .unusable(let reason): throw StoreError.unusable(path: path, reason: reason)
        }
    }

    /// How a connection is used.
    enum ConnectionMode {
        case readOnly
        /// Incremental changes with a rollback journal: no `-wal` or `-shm` files, so that a
        /// read-only folder can still be read and nothing is left behind.
        case readWrite
        /// Writing a whole new index into a file no one else uses: no journal, no syncing.
        case bulk
    }

    /// Adds an FTS5 auxiliary function (`name(sections_fts, …)`) to `db`.
    static func addFTS5Function(_ db: Database, name: String, _ function: fts5_extension_function) {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        _ = api.pointee.xCreateFunction(api, name, nil, function, nil)
    }

    /// SQLite's process-wide settings, made once before the first connection opens:
    /// - no memory statistics (`SQLITE_CONFIG_MEMSTATUS`), which netkb never reads and which
    ///   take a mutex on each of SQLite's allocations and frees.
    /// Where SQLite was initialized already (a host that opened a database first), it stays as
    /// it was.
    static let processSettings: Void = {
        _ = netkb_sqlite3_disable_memory_statistics()
    }()

    static func configuration(_ mode: ConnectionMode) -> Configuration {
        Self.processSettings
        var configuration = Configuration()
        configuration.readonly = mode == .readOnly
        // A read-only connection never writes, so it has no foreign keys to enforce (and GRDB
        // then runs no `PRAGMA foreign_keys` as it opens it).
        if mode == .readOnly { configuration.foreignKeysEnabled = false }
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            KoreanAwareFTS5Tokenizer.register(db)
            TypedWordsFunction.register(db)
            InColumnsFunction.register(db)
            PhraseFrequenciesFunction.register(db)
            // Pages are read with read(2), not through a memory map: with a map, faulting the
            // pages in and tearing the map down cost more than copying (measured: 100,000
            // notes' `search 소켓` 34.3 -> 28.7 ms, `refs` on 10,000 195 -> 156 ms).
            switch mode {
            case .readOnly:
                // Sorts (refs by domain) in memory: a read-only folder may have no room for temp files.
                try Self.executeDirectly(db, "PRAGMA temp_store = MEMORY")
                Self.removeStatementAuthorizer(db)
            case .readWrite:
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
            case .bulk:
                try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY")
            }
        }
        return configuration
    }

    /// Takes GRDB's statement authorizer off a read-only connection, before it prepares any
    /// statement. GRDB registers one on every connection to learn, as each statement is
    /// prepared, which tables and columns it reads (for database observation), what it writes
    /// and whether it begins or ends a transaction (to notify transaction observers). A
    /// read-only connection of netkb's has no observers and never writes, and the callback
    /// builds a set for every column a statement reads: 89 calls and 0.83 M of the 21.8 M
    /// instructions of `search 혼잡 제어` on 10,000 notes. Transactions still begin and end the
    /// same way; SQLite and GRDB track them by the connection's autocommit state.
    static func removeStatementAuthorizer(_ db: Database) {
        sqlite3_set_authorizer(db.sqliteConnection, nil, nil)
    }

    /// Runs `sql`, statements without arguments or results, with SQLite's own `sqlite3_exec`
    /// rather than through GRDB's SQL literals: for the settings a connection or a search makes.
    static func executeDirectly(_ db: Database, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(db.sqliteConnection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message.map { String(cString: $0) }, sql: sql)
        }
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
        if !applied.isSubset(of: known) { return .unusable("it was written by a newer netkb") }
        return .older
    }

    /// Runs `work` on the store's database, turning SQLite's errors into ``StoreError``s.
    func reading<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(work)
        } catch let error as DatabaseError {
            throw StoreError(error, path: path ?? ":memory:")
        }
    }
}
