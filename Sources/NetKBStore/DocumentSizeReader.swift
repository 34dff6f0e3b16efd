import GRDBSQLite

/// Reads a row's size in tokens, all columns together, from an FTS5 table's `_docsize` table
/// through one incremental-blob handle moved from row to row: what FTS5's `xColumnSize(-1)`
/// answers, for about half the instructions (2,200 a row rather than 4,000). `xColumnSize`
/// runs a prepared statement for each row, and for a search that ranks 12,000 sections of
/// 100,000 notes that was 46% of its instructions.
///
/// A `_docsize` row holds one SQLite varint per column (FTS5's file format, which SQLite keeps
/// for every database ever written). Whatever does not read as that (no table, a missing row,
/// a short blob) answers nil, and the caller asks FTS5.
final class DocumentSizeReader {
    private let connection: OpaquePointer
    private let table: String
    /// How many columns the table has (FTS5's `xColumnCount`).
    var columns = 0
    // The three below are read and written once per row, never re-entrantly: no run-time
    // exclusivity checks.
    @exclusivity(unchecked) private var blob: OpaquePointer?
    /// Whether reading failed once: every later row is left to FTS5.
    @exclusivity(unchecked) private var failed = false
    @exclusivity(unchecked) private var buffer = [UInt8](repeating: 0, count: 64)

    /// A reader of `table`'s sizes (the FTS5 table's name).
    init(connection: OpaquePointer, table: String) {
        self.connection = connection
        self.table = table
    }

    deinit {
        if let blob { sqlite3_blob_close(blob) }
    }

    /// The size in tokens of row `rowid`; nil when it cannot be read here.
    func size(of rowid: Int64) -> Int? {
        guard !failed, columns > 0 else { return nil }
        var code: Int32
        if let blob {
            code = sqlite3_blob_reopen(blob, rowid)
        } else {
            code = sqlite3_blob_open(connection, "main", table + "_docsize", "sz", rowid, 0, &blob)
        }
        guard code == SQLITE_OK, let blob else { return fail() }
        let count = Int(sqlite3_blob_bytes(blob))
        guard count > 0, count <= buffer.count else { return fail() }
        let read = buffer.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32(count), 0) }
        guard read == SQLITE_OK else { return fail() }
        var offset = 0
        var total = 0
        for _ in 0..<columns {
            guard let (value, length) = Self.varint(buffer, from: offset, end: count) else { return fail() }
            total += Int(truncatingIfNeeded: value)
            offset += length
        }
        return total
    }

    private func fail() -> Int? {
        failed = true
        if let blob { sqlite3_blob_close(blob) }
        blob = nil
        return nil
    }

    /// An SQLite varint at `offset`: seven bits a byte, high bit set while more follow, the
    /// ninth byte all eight bits; nil when it runs past `end`.
    static func varint(_ bytes: [UInt8], from offset: Int, end: Int) -> (value: UInt64, length: Int)? {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset + index < end else { return nil }
            let byte = bytes[offset + index]
            if index == 8 { return (value << 8 | UInt64(byte), 9) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { return (value, index + 1) }
        }
        return nil
    }
}
