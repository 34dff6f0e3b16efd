import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `netkb_in_columns(sections_fts, mask)`: 1 when some phrase of
/// the expression stands in the current row in a column whose bit is set in `mask` (bit 0 for
/// the first column), else 0. It stops at the first such instance, where `bm25()` with zero
/// weights for the other columns would read every instance and the row's size to say the same.
enum InColumnsFunction {
    static let name = "netkb_in_columns"

    /// The mask of a section's own heading and text (not its context).
    static let ownColumns: Int64 = 1 << 0 | 1 << 2

    /// Whether `column`'s bit (bit 0 for the first column) is set in `mask`.
    static func inMask(_ mask: Int64, column: Int32) -> Bool {
        column >= 0 && column < 63 && mask & (1 << Int64(column)) != 0
    }

    /// Registers the function on `db`.
    static func register(_ db: Database) {
        NoteStore.addFTS5Function(db, name: name) { InColumnsFunction.call($0, $1, $2, $3, $4) }
    }

    static func call(
        _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
        _ values: UnsafeMutablePointer<OpaquePointer?>?
    ) {
        guard let api, let fts, let values, count == 1 else {
            return sqlite3_result_error(context, "netkb_in_columns(table, mask) takes one argument after the table", -1)
        }
        let mask = sqlite3_value_int64(values[0])
        var instances: Int32 = 0
        var code = api.pointee.xInstCount(fts, &instances)
        var instance: Int32 = 0
        while code == SQLITE_OK, instance < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.pointee.xInst(fts, instance, &phrase, &column, &offset)
            if code == SQLITE_OK, inMask(mask, column: column) {
                return sqlite3_result_int(context, 1)
            }
            instance += 1
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        sqlite3_result_int(context, 0)
    }
}
