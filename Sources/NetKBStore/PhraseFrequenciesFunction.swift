import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `netkb_phrase_frequencies(sections_fts, frequencies, own, weights…)`:
/// records in `frequencies` (a ``PhraseFrequencies`` bound with `sqlite3_bind_pointer`) which
/// phrases the current row holds and, when one of them stands in a column whose bit is set in
/// `own`, what FTS5's `bm25()` reads of the row: each phrase's instances summed by column
/// weight, and the row's size in tokens. It answers 1 for such a row, else 0.
///
/// `bm25()` also counts, before its first row, the rows that hold each phrase, by running a
/// query for each phrase over the whole table. For a phrase that is an alternative of its own
/// (``PhraseFrequencies/countedAmongRowsRead``), the search reads every row that holds it, and
/// the count is in what this function records; for the others (`혼잡` and `제어` in `혼잡 제어`,
/// not the concept's other names) it runs the same queries on its first row. It also saves
/// `bm25()`'s reading of each ranked row's size through a prepared statement.
/// Called in `WHERE`, it sees every row the expression matches; the rows it answers 1 for come
/// out in the order it recorded them.
enum PhraseFrequenciesFunction {
    static let name = "netkb_phrase_frequencies"
    /// The type name the pointer is bound with: SQLite keeps the C string and compares it with
    /// strcmp, so it is made once and lives as long as the process.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("netkb-phrase-frequencies")!)

    /// Registers the function on `db`.
    static func register(_ db: Database) {
        NoteStore.addFTS5Function(db, name: name) { PhraseFrequenciesFunction.call($0, $1, $2, $3, $4) }
    }

    static func call(
        _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
        _ values: UnsafeMutablePointer<OpaquePointer?>?
    ) {
        guard let api, let fts, let values, count >= 1,
              let pointer = sqlite3_value_pointer(values[0], pointerType) else {
            return sqlite3_result_error(context, "netkb_phrase_frequencies(table, frequencies, own, weights…) takes a bound frequencies pointer", -1)
        }
        let frequencies = Unmanaged<PhraseFrequencies>.fromOpaque(pointer).takeUnretainedValue()
        var code = SQLITE_OK
        if frequencies.phraseCount < 0 {
            var rows: Int64 = 0, tokens: Int64 = 0
            code = api.pointee.xRowCount(fts, &rows)
            if code == SQLITE_OK { code = api.pointee.xColumnTotalSize(fts, -1, &tokens) }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            let weights = (2..<Int(max(count, 2))).map { sqlite3_value_double(values[$0]) }
            let phrases = Int(api.pointee.xPhraseCount(fts))
            frequencies.start(phraseCount: phrases, rows: rows, tokens: tokens, weights: weights)
            frequencies.sizeReader?.columns = Int(api.pointee.xColumnCount(fts))
            for phrase in 0..<phrases where frequencies.isCountedByQuery(phrase) {
                var holding: Int64 = 0
                code = api.pointee.xQueryPhrase(fts, Int32(phrase), &holding) { _, _, counter in
                    counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                }
                guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
                frequencies.countRows(holding: phrase, holding)
            }
        }
        let own = count >= 2 ? sqlite3_value_int64(values[1]) : 0
        frequencies.beginRow()
        var instances: Int32 = 0
        code = api.pointee.xInstCount(fts, &instances)
        var isOwn = false
        var instance: Int32 = 0
        while code == SQLITE_OK, instance < instances {
            var phrase: Int32 = 0, column: Int32 = 0, offset: Int32 = 0
            code = api.pointee.xInst(fts, instance, &phrase, &column, &offset)
            if code == SQLITE_OK {
                frequencies.addInstance(phrase: Int(phrase), column: Int(column))
                if InColumnsFunction.inMask(own, column: column) { isOwn = true }
            }
            instance += 1
        }
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        guard isOwn else {
            frequencies.endRow(ranked: nil)
            return sqlite3_result_int(context, 0)
        }
        let rowid = api.pointee.xRowid(fts)
        // With a size reader, sizes are read later, for only the rows that may rank among the
        // best (``PhraseFrequencies/sizeUnread``).
        var size = PhraseFrequencies.sizeUnread
        if frequencies.sizeReader == nil {
            var columnSize: Int32 = 0
            code = api.pointee.xColumnSize(fts, -1, &columnSize)
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
            size = Int(columnSize)
        }
        frequencies.endRow(ranked: (rowid, size))
        sqlite3_result_int(context, 1)
    }
}
