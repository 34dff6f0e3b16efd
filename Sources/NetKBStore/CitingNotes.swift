import GRDB
import GRDBSQLite
import NetKBCore

/// The notes that citations read by ``NoteStore/citedReferences(_:)`` come from: each note's
/// path and title, read once, and the order in which the citations go (path, line, column).
struct CitingNotes {
    private var positions: [Int64: Int32] = [:]
    private var ids: [Int64] = []
    private var paths: [String] = []
    private var titles: [String] = []
    private var found: [Bool] = []
    /// The positions of the notes found, in the order read, and whether their paths came in order.
    private var readOrder: [Int] = []
    private var readInPathOrder = true

    /// Below this many notes, each is looked up by its id instead of reading the table.
    private static let lookupLimit = 256

    /// The note's position among those asked for, a new one the first time.
    mutating func position(of id: Int64) -> Int32 {
        if let known = positions[id] { return known }
        let position = Int32(ids.count)
        positions[id] = position
        ids.append(id)
        return position
    }

    /// Reads the path and title of every note asked for so far.
    mutating func read(_ db: Database) throws {
        paths = Array(repeating: "", count: ids.count)
        titles = paths
        found = Array(repeating: false, count: ids.count)
        let lookUp = ids.count < Self.lookupLimit
        let statement = try db.makeStatement(sql: "SELECT id, path, title FROM notes" + (lookUp ? " WHERE id = ?" : ""))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        for id in lookUp ? ids : [-1] {
            if lookUp {
                sqlite3_reset(handle)
                sqlite3_bind_int64(handle, 1, id)
            }
            while try NoteStore.step(handle, db: db, statement: statement) {
                guard let position = positions[sqlite3_column_int64(handle, 0)].map(Int.init) else { continue }
                paths[position] = NoteStore.text(handle, 1) ?? ""
                titles[position] = NoteStore.text(handle, 2) ?? ""
                found[position] = true
                if let last = readOrder.last, !ByteOrder.precedes(paths[last], paths[position]) { readInPathOrder = false }
                readOrder.append(position)
            }
        }
    }

    /// Gives each citation its note's path and title (`notes` holds each one's position), drops
    /// those whose note is gone, and puts them in path, line and column order (citations of
    /// one place keep theirs), which they are in already unless a refresh saved a note again.
    func arrange(_ citations: inout [CitedReference], notes: [Int32]) {
        // Each note's rank in the byte order of paths, as SQLite's BINARY collation sorts them:
        // the order they were read in, unless a refresh added notes since the index was built.
        var order = readOrder
        if !readInPathOrder { order.sort { ByteOrder.precedes(paths[$0], paths[$1]) } }
        var rank = [Int32](repeating: 0, count: ids.count)
        for (index, position) in order.enumerated() { rank[position] = Int32(index) }

        // A citation's place as two numbers: note rank and line, column and position read.
        var keys: [(UInt64, UInt64)] = []
        keys.reserveCapacity(citations.count)
        var inOrder = true
        var missing = false
        citations.withUnsafeMutableBufferPointer { citations in
            for index in citations.indices {
                let position = Int(notes[index])
                guard found[position] else {
                    missing = true
                    continue
                }
                citations[index].path = paths[position]
                citations[index].noteTitle = titles[position]
                let key = (UInt64(rank[position]) << 32 | UInt64(UInt32(truncatingIfNeeded: citations[index].line)),
                           UInt64(UInt32(truncatingIfNeeded: citations[index].column)) << 32 | UInt64(keys.count))
                if let last = keys.last, key < last { inOrder = false }
                keys.append(key)
            }
        }
        if missing {
            citations = citations.indices.filter { found[Int(notes[$0])] }.map { citations[$0] }
        }
        guard !inOrder else { return }
        keys.sort { $0 < $1 }
        InPlacePermutation.apply(keys.map { Int($0.1 & 0xFFFF_FFFF) }, to: &citations)
    }
}
