import Foundation
import GRDB
import GRDBSQLite

/// A prepared insert run with SQLite's own bind calls, for the hundreds of thousands of rows a
/// full index writes: GRDB's `StatementArguments` box every value, which costs more than
/// SQLite's insert for small rows. Values are bound in order by ``Binder``.
struct BoundStatement {
    private let statement: Statement
    private let database: Database

    init(_ database: Database, sql: String) throws {
        self.database = database
        self.statement = try database.cachedStatement(sql: sql)
    }

    /// Binds the values `bind` adds, in order, and runs the statement once.
    func run(_ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            let message = database.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }

    /// Binds the parameters of one run, in order.
    struct Binder {
        fileprivate let handle: OpaquePointer
        private var index: Int32 = 1

        fileprivate init(handle: OpaquePointer) { self.handle = handle }

        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        mutating func add(_ value: Int64) {
            sqlite3_bind_int64(handle, index, value)
            index += 1
        }

        mutating func add(_ value: Int) { add(Int64(value)) }

        mutating func add(_ value: Bool) { add(Int64(value ? 1 : 0)) }

        mutating func add(_ value: Int64?) {
            if let value { add(value) } else { addNull() }
        }

        mutating func add(_ value: Int?) {
            if let value { add(Int64(value)) } else { addNull() }
        }

        mutating func add(_ value: String) {
            var value = value
            value.withUTF8 { bytes in
                // A non-null pointer even for "", which SQLite would otherwise store as NULL.
                let empty: UInt8 = 0
                if bytes.isEmpty {
                    withUnsafePointer(to: empty) { pointer in
                        _ = sqlite3_bind_text64(handle, index, UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self), 0, Self.transient, UInt8(SQLITE_UTF8))
                    }
                } else {
                    _ = sqlite3_bind_text64(handle, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), sqlite3_uint64(bytes.count), Self.transient, UInt8(SQLITE_UTF8))
                }
            }
            index += 1
        }

        mutating func add(_ value: String?) {
            if let value { add(value) } else { addNull() }
        }

        mutating func add(blob bytes: [UInt8]) {
            bytes.withUnsafeBytes { raw in
                let empty: UInt8 = 0
                if raw.isEmpty {
                    withUnsafePointer(to: empty) { pointer in
                        _ = sqlite3_bind_blob64(handle, index, pointer, 0, Self.transient)
                    }
                } else {
                    _ = sqlite3_bind_blob64(handle, index, raw.baseAddress, sqlite3_uint64(raw.count), Self.transient)
                }
            }
            index += 1
        }

        mutating func addNull() {
            sqlite3_bind_null(handle, index)
            index += 1
        }
    }
}
