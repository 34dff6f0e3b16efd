import Foundation
import GRDB
import GRDBSQLite
import NetKBCore

extension NoteStore {
    /// The best `limit` sections whose own heading or text holds a phrase of `expression`, as
    /// ``ranked(_:adjacency:typed:filter:own:noteColumns:notesOnly:inNotes:suffix:limit:)``
    /// ranks them, for a filter that narrows nothing.
    ///
    /// Each row's bm25 inputs are recorded as FTS5 reads the sections (``PhraseFrequencies``)
    /// and ranked by ``BM25``. `bm25()` first runs one more query over the whole table for each
    /// phrase, to count the rows that hold it (a query with a concept's 14 names runs 14); the
    /// phrases marked in `countedAmongRowsRead`, alternatives of their own (see
    /// ``NetKBCore/SearchQuery/phrasesMatchingAlone``), are counted among the rows read instead,
    /// and only the others by query. Ranks and order are those of the SQL ranking, bit for bit.
    /// Rows' sizes are read by ``DocumentSizeReader`` (not `bm25()`'s statement) unless `readingSizes` is
    /// false (then from FTS5, for tests to compare), and only for the rows that may rank among
    /// the best `limit`. `frequencies` records what was read (tests look at it).
    func rankedByPhraseFrequencies(
        _ db: Database, _ expression: String, adjacency: String?, typed: (groups: [[[Int]]], phraseCount: Int)?, limit: Int,
        countedAmongRowsRead: [Bool] = [], readingSizes: Bool = true,
        frequencies: PhraseFrequencies = PhraseFrequencies()
    ) throws -> [(id: Int64, rank: Double, typedMatch: Bool)]? {
        let boost = adjacency == nil ? "1.0" : Self.adjacencyFactor(parameter: ":adjacency")
        let typedMatch = typed == nil ? "1" : Self.typedMatch(groups: ":typed", phrases: ":phrases")
        // The function sees every matching row in WHERE and lets through those to rank, in
        // the order it recorded them.
        let statement = try db.makeStatement(sql: """
            SELECT sections_fts.rowid, \(boost), \(typedMatch) FROM sections_fts
            WHERE sections_fts MATCH :expression
              AND \(PhraseFrequenciesFunction.name)(sections_fts, :frequencies, \(InColumnsFunction.ownColumns), \(Self.rankWeights)) = 1
            """)
        let handle = statement.sqliteStatement
        frequencies.countedAmongRowsRead = countedAmongRowsRead
        if readingSizes, let connection = db.sqliteConnection {
            frequencies.sizeReader = DocumentSizeReader(connection: connection, table: "sections_fts")
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        func bind(_ name: String, _ text: String) {
            let index = sqlite3_bind_parameter_index(handle, name)
            if index > 0 { _ = sqlite3_bind_text(handle, index, text, -1, transient) }
        }
        bind(":expression", expression)
        if let adjacency { bind(":adjacency", adjacency) }
        if let typed {
            bind(":typed", TypedWordsFunction.encode(typed.groups))
            sqlite3_bind_int64(handle, sqlite3_bind_parameter_index(handle, ":phrases"), Int64(typed.phraseCount))
        }
        var rows: [(id: Int64, boost: Double, typedMatch: Bool)] = []
        try withExtendedLifetime(frequencies) {
            sqlite3_bind_pointer(
                handle, sqlite3_bind_parameter_index(handle, ":frequencies"),
                Unmanaged.passUnretained(frequencies).toOpaque(), PhraseFrequenciesFunction.pointerType, nil)
            defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
            while try Self.step(handle, db: db, statement: statement) {
                rows.append((sqlite3_column_int64(handle, 0), sqlite3_column_double(handle, 1), sqlite3_column_int(handle, 2) != 0))
            }
        }
        // Each row is the one recorded in its place; should SQLite ever run the function in
        // another order, the SQL ranking answers instead.
        guard rows.count == frequencies.ranked.count,
              rows.indices.allSatisfy({ rows[$0].id == frequencies.ranked[$0].rowid }) else { return nil }
        let bm25 = BM25(frequencies)
        func boosted(_ value: Double, ofRow index: Int) -> Double {
            let rank = value * rows[index].boost
            return typed == nil ? rank : rank * (rows[index].typedMatch ? Self.typedWordsBoost : 1.0)
        }
        // The best `limit`, kept in order as the rows go by: most rows rank below the last
        // kept one and cost one comparison.
        var best: [(id: Int64, rank: Double, typedMatch: Bool)] = []
        best.reserveCapacity(min(limit, rows.count) + 1)
        // Sections with the words as typed come first (see `ranked`'s `ORDER BY`).
        func precedes(_ typedMatch: Bool, _ rank: Double, _ id: Int64, _ other: (id: Int64, rank: Double, typedMatch: Bool)) -> Bool {
            if typedMatch != other.typedMatch { return typedMatch }
            return rank < other.rank || (rank == other.rank && id < other.id)
        }
        func keep(_ rank: Double, ofRow index: Int) {
            let id = rows[index].id, typedMatch = rows[index].typedMatch
            if best.count == limit, let last = best.last, !precedes(typedMatch, rank, id, last) { return }
            var position = best.count
            while position > 0, precedes(typedMatch, rank, id, best[position - 1]) { position -= 1 }
            best.insert((id, rank, rows[index].typedMatch), at: position)
            if best.count > limit { best.removeLast() }
        }
        guard let sizes = frequencies.sizeReader else {
            for index in rows.indices { keep(boosted(bm25.value(ofRow: index), ofRow: index), ofRow: index) }
            return best
        }
        // Sizes are read only for the rows that may rank among the best. A row ranks no better
        // than it would with no tokens at all (its bound): rows go in the order of their
        // bounds, and once a bound cannot beat the last one kept, no later row can.
        let bounds = rows.indices.map { boosted(bm25.value(ofRow: $0, size: 0), ofRow: $0) }
        let order = rows.indices.sorted {
            if rows[$0].typedMatch != rows[$1].typedMatch { return rows[$0].typedMatch }
            return bounds[$0] < bounds[$1] || (bounds[$0] == bounds[$1] && rows[$0].id < rows[$1].id)
        }
        for index in order {
            if best.count == limit, let last = best.last, !precedes(rows[index].typedMatch, bounds[index], rows[index].id, last) { break }
            // A size that cannot be read here leaves the ranking to SQL.
            guard let size = sizes.size(of: rows[index].id) else { return nil }
            frequencies.sizesRead += 1
            keep(boosted(bm25.value(ofRow: index, size: size), ofRow: index), ofRow: index)
        }
        return best
    }
}
