import GRDB
import GRDBSQLite
import NetKBCore

extension NoteStore {
    /// Column weights for bm25: a section's own heading, its context (note title, front matter,
    /// parent headings), its text.
    static let rankWeights = "8.0, 0.5, 1.0"
    /// How much better a section ranks when the query's words stand together in it, as typed.
    static let adjacencyBoost = 2.0
    /// How much higher the score of a section is when it has the query's words as typed, not
    /// only other names of the concepts they name. Such sections also come first whatever
    /// their scores (a short section saying `로드 밸런서` twice has three times the bm25 of the
    /// long one on `로드 밸런싱` that a search for `로드밸런싱` is after).
    static let typedWordsBoost = 3.0
    /// How many tokens a snippet holds.
    static let snippetTokens = 40
    /// A section's own heading and text, as an FTS5 column filter.
    static let ownColumns = "{heading body}"

    /// What a search finds, best first, at most `filter.limit` results:
    ///
    /// 1. sections whose own heading or text holds the words (with their context: the note's
    ///    title, front matter and parent headings), by bm25;
    /// 2. then notes whose title or front matter alone holds them, each one result for all the
    ///    sections that match only so;
    /// 3. then, when fewer sections than the limit match, notes whose sections hold all the
    ///    words between them, each with the best section for each word.
    ///
    /// An empty query matches nothing.
    public func search(_ query: SearchQuery, filter: SearchFilter) throws -> [SearchHit] {
        guard let expression = query.matchExpression, filter.limit > 0 else { return [] }
        return try reading { db in
            try Self.withSearchPageCache(db) {
                try search(db, query: query, expression: expression, filter: filter)
            }
        }
    }

    /// How many pages SQLite's page cache holds during a search (256 KB at 4 KB a page).
    ///
    /// A search reads a few hundred pages, most of them once (the leaves of its terms). With the
    /// default cache (2 MB) each gets a buffer of its own, in memory the process has not touched
    /// yet, and a fresh page of memory costs a virtual machine like the benchmark's about 2 µs to
    /// fault in and zero (populating it up front costs as much). A small cache reuses the
    /// buffers of pages already read: on the 10,000-note benchmark, `"3 way handshake"` faults
    /// in 556 pages instead of 752 and reads 306 instead of 286. Busy queries read more again
    /// (`TCP`: 534 reads instead of 312), which still costs less than the memory did.
    static let searchCachePages = 64

    /// Runs `work` with the page cache at ``searchCachePages``, then puts it back as it was
    /// (a writer's large cache stays for its refreshes to come).
    static func withSearchPageCache<T>(_ db: Database, _ work: () throws -> T) throws -> T {
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try executeDirectly(db, "PRAGMA cache_size = \(searchCachePages)")
        defer { try? executeDirectly(db, "PRAGMA cache_size = \(cacheSize)") }
        return try work()
    }

    /// ``search(_:filter:)`` on an open read transaction.
    private func search(_ db: Database, query: SearchQuery, expression: String, filter: SearchFilter) throws -> [SearchHit] {
        let parts = query.parts
        if !filter.concepts.isEmpty { ConceptSectionIDsFunction.register(db) }
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let snippets = Snippets(query: query)
        let ranked = try rankedSections(db, query: query, expression: expression, typed: typed, filter: filter)
        var hits = try sectionHits(db, ranked, snippets: snippets)
        var shownNotes = Set(hits.map(\.path))
        if hits.count < filter.limit {
            let titles = try titleHits(
                db, expression: expression, filter: filter, limit: filter.limit - hits.count, skipping: shownNotes, snippets: snippets)
            hits += titles
            shownNotes.formUnion(titles.map(\.path))
        }
        if hits.count < filter.limit, parts.count > 1 {
            hits += try noteHits(
                db, parts: parts, exclusion: query.exclusionExpression, filter: filter,
                limit: filter.limit - hits.count, skipping: shownNotes, snippets: snippets)
        }
        return hits
    }

    /// The best sections whose own heading or text matches, by bm25 (boosted), best first.
    /// `phraseRanking` false always ranks with SQL's `bm25()`, for tests to compare against.
    func rankedSections(
        _ db: Database, query: SearchQuery, expression: String, typed: (groups: [[[Int]]], phraseCount: Int)?,
        filter: SearchFilter, phraseRanking: Bool = true
    ) throws -> [(id: Int64, rank: Double, typedMatch: Bool)] {
        if phraseRanking, !filter.narrows,
           let ranked = try rankedByPhraseFrequencies(
               db, expression, adjacency: query.adjacencyExpression, typed: typed, limit: filter.limit,
               countedAmongRowsRead: query.phrasesMatchingAlone) {
            return ranked
        }
        return try Array(Row.fetchCursor(db, ranked(
            expression, adjacency: query.adjacencyExpression, typed: typed, filter: filter, own: true,
            suffix: "ORDER BY typed_match DESC, rank, id LIMIT ?", limit: filter.limit)).map { row -> (id: Int64, rank: Double, typedMatch: Bool) in
                (row["id"], row["rank"], row["typed_match"])
            })
    }

    /// The snippet cutters of one search: marking the words as typed, or also the other names.
    struct Snippets {
        let typed: SnippetCutter
        let all: SnippetCutter

        init(query: SearchQuery) {
            typed = SnippetCutter(query: query)
            all = SnippetCutter(query: query, includingOtherNames: true)
        }

        func cutter(typedMatch: Bool) -> SnippetCutter { typedMatch ? typed : all }
    }

    /// A section's row as results show it.
    struct SectionRow {
        var id: Int64
        var noteID: Int64
        var ordinal: Int
        var level: Int
        var path: String
        var title: String
        var about: String
        var line: Int
        var headingPath: [String]
        var body: String
        var layers: Int64
        /// The concepts the section mentions, most mentioned first (see ``SectionConceptList``).
        var conceptIDs: [String]

        init(_ row: Row) {
            id = row["id"]
            noteID = row["note_id"]
            ordinal = row["ordinal"]
            level = row["level"]
            path = row["path"]
            title = row["title"]
            about = row["about"]
            line = row["start_line"]
            headingPath = HeadingPathCoding.decode(row["heading_path"])
            body = row["body"]
            layers = row["layers"]
            conceptIDs = SectionConceptList.ids(in: row["concepts"])
        }

        static let columns = "s.id, s.note_id, s.ordinal, s.level, n.path, n.title, n.about, s.start_line, s.heading_path, s.body, s.layers, s.concepts"
    }

    /// The rows of sections `ids`, by id.
    func sectionRows(_ db: Database, ids: [Int64]) throws -> [Int64: SectionRow] {
        guard !ids.isEmpty else { return [:] }
        var rows: [Int64: SectionRow] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT \(SectionRow.columns) FROM sections s JOIN notes n ON n.id = s.note_id
            WHERE s.id IN (\(sqlParameterList(count: ids.count)))
            """, arguments: StatementArguments(ids))
        while let row = try cursor.next() {
            let section = SectionRow(row)
            rows[section.id] = section
        }
        return rows
    }

    /// Ranked sections as results, in the order given.
    func sectionHits(_ db: Database, _ ranked: [(id: Int64, rank: Double, typedMatch: Bool)], snippets: Snippets) throws -> [SearchHit] {
        let rows = try sectionRows(db, ids: ranked.map(\.id))
        let concepts = try concepts(db, of: rows.values)
        return try ranked.compactMap { hit in
            guard let row = rows[hit.id] else { return nil }
            let found = concepts[hit.id] ?? []
            return SearchHit(
                path: row.path, line: row.line, headingPath: row.headingPath,
                snippet: try snippet(db, of: row, cutter: snippets.cutter(typedMatch: hit.typedMatch)),
                score: -hit.rank, noteTitle: row.title, concepts: found.map(\.id), conceptLabels: found.map(\.label),
                layers: LayerMask.osiLayers(row.layers), matchesTypedWords: hit.typedMatch)
        }
    }

    /// The snippet of a section: its text around the best match; for a section with no text
    /// of its own (a heading over sub-sections), the first sub-section's heading and text; then
    /// its heading; then the note's title. Never empty unless all of those are.
    func snippet(_ db: Database, of row: SectionRow, cutter: SnippetCutter) throws -> HighlightedText {
        let own = cutter.snippet(of: row.body, tokens: Self.snippetTokens)
        guard own.text.isEmpty else { return own }
        if row.level > 0 {
            // A note's sections are written together in order, so the next 16 are the next
            // 16 ids: read by row id, one at a time, stopping at the first with text.
            let next = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT level, heading, body FROM sections WHERE id > ? AND id <= ? AND note_id = ? ORDER BY id
                """), arguments: [row.id, row.id + 16, row.noteID])
            while let sub = try next.next() {
                let level: Int = sub["level"]
                guard level > row.level else { break }
                let body: String = sub["body"]
                guard body.contains(where: { !$0.isWhitespace }) else { continue }
                let heading: String = sub["heading"]
                return cutter.snippet(of: heading.isEmpty ? body : heading + ": " + body, tokens: Self.snippetTokens)
            }
        }
        let heading = cutter.snippet(of: row.headingPath.last ?? "", tokens: Self.snippetTokens)
        return heading.text.isEmpty ? cutter.snippet(of: row.title, tokens: Self.snippetTokens) : heading
    }

    /// Notes whose sections match only through their title, front matter or parent headings:
    /// one result each, showing the first such section (or the front matter, when it holds a word).
    func titleHits(
        _ db: Database, expression: String, filter: SearchFilter, limit: Int, skipping shown: Set<String>, snippets: Snippets
    ) throws -> [SearchHit] {
        // Grouped here: SQLite cannot run bm25() under an aggregate.
        struct Group { var rank: Double; var sections: Int; var ordinal: Int }
        var groups: [Int64: Group] = [:]
        let rows = try Row.fetchCursor(db, ranked(expression, adjacency: nil, typed: nil, filter: filter, own: false, noteColumns: true))
        while let row = try rows.next() {
            let note: Int64 = row["note_id"]
            let rank: Double = row["rank"], ordinal: Int = row["ordinal"]
            if var group = groups[note] {
                group.rank = min(group.rank, rank)
                group.sections += 1
                group.ordinal = min(group.ordinal, ordinal)
                groups[note] = group
            } else {
                groups[note] = Group(rank: rank, sections: 1, ordinal: ordinal)
            }
        }
        var hits: [SearchHit] = []
        for (note, group) in groups.sorted(by: { ($0.value.rank, $0.key) < ($1.value.rank, $1.key) }) where hits.count < limit {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT \(SectionRow.columns) FROM sections s JOIN notes n ON n.id = s.note_id WHERE s.note_id = ? AND s.ordinal = ?
                """), arguments: [note, group.ordinal]).map(SectionRow.init) else { continue }
            guard !shown.contains(row.path) else { continue }
            // The words as typed, or only other names of their concepts: what the context says.
            let context = ([row.title] + row.headingPath + [row.about]).concatenated(separator: "\n")
            let typedMatch = !snippets.typed.snippet(of: context, tokens: Self.snippetTokens).highlights.isEmpty
            let cutter = snippets.cutter(typedMatch: typedMatch)
            let about = cutter.snippet(of: row.about, tokens: Self.snippetTokens)
            let snippet = about.highlights.isEmpty ? try snippet(db, of: row, cutter: cutter) : about
            let found = try concepts(db, of: [row])[row.id] ?? []
            var hit = SearchHit(
                path: row.path, line: row.line, headingPath: row.headingPath, snippet: snippet, score: -group.rank,
                noteTitle: row.title, concepts: found.map(\.id), conceptLabels: found.map(\.label),
                layers: LayerMask.osiLayers(row.layers), matchesTypedWords: typedMatch)
            hit.match = .title
            hit.sectionCount = group.sections
            hits.append(hit)
        }
        return hits
    }

    /// Notes none of whose sections holds all the parts, but whose sections hold them between
    /// them (each in a section's own heading or text), best first: the sum of each part's best
    /// bm25 rank. Each shows the best section for each part, once, in the note's order.
    func noteHits(
        _ db: Database, parts: [SearchQuery.Part], exclusion: String?, filter: SearchFilter, limit: Int,
        skipping shown: Set<String>, snippets: Snippets
    ) throws -> [SearchHit] {
        // The notes that hold every part (each in some section's own heading or text), found
        // without ranking; then each part's best section in those notes only.
        let own = parts.map { "\(Self.ownColumns) : (\($0.expression))" }
        var running: Set<Int64>?
        for expression in own {
            var notes = Set<Int64>()
            let rows = try Int64.fetchCursor(db, ranked(expression, adjacency: nil, typed: nil, filter: filter, notesOnly: true))
            while let note = try rows.next() {
                if running?.contains(note) ?? true { notes.insert(note) }
            }
            running = notes
            if notes.isEmpty { return [] }
        }
        if let exclusion, var notes = running {
            notes.subtract(try Int64.fetchAll(db, sql: """
                SELECT DISTINCT s.note_id FROM sections_fts JOIN sections s INDEXED BY sections_by_id ON s.id = sections_fts.rowid WHERE sections_fts MATCH ?
                """, arguments: [exclusion]))
            running = notes
        }
        var candidates = Array(running ?? []).sorted()
        if !shown.isEmpty, !candidates.isEmpty {
            var hidden = Set<Int64>()
            let paths = try Row.fetchCursor(db, sql: "SELECT id, path FROM notes WHERE id IN (\(sqlParameterList(count: candidates.count)))", arguments: StatementArguments(candidates))
            while let row = try paths.next() {
                if shown.contains(row["path"] as String) { hidden.insert(row["id"]) }
            }
            candidates.removeAll { hidden.contains($0) }
        }
        guard !candidates.isEmpty else { return [] }
        var best: [Int64: [(id: Int64, rank: Double)]] = [:]
        for (index, expression) in own.enumerated() {
            var found: [Int64: (id: Int64, rank: Double)] = [:]
            for chunk in stride(from: 0, to: candidates.count, by: 10_000).map({ Array(candidates[$0..<min($0 + 10_000, candidates.count)]) }) {
                let rows = try Row.fetchCursor(db, ranked(expression, adjacency: nil, typed: nil, filter: filter, inNotes: chunk))
                while let row = try rows.next() {
                    let note: Int64 = row["note_id"]
                    let rank: Double = row["rank"]
                    if let current = found[note], current.rank <= rank { continue }
                    found[note] = (row["id"], rank)
                }
            }
            for (note, place) in found where index == 0 || best[note]?.count == index {
                best[note, default: []].append(place)
            }
        }
        best = best.filter { $0.value.count == own.count }
        // One section holding every part would have been a section result: not a note match.
        let notes = best.filter { Set($0.value.map(\.id)).count > 1 }
            .map { (note: $0.key, places: $0.value, rank: $0.value.reduce(0) { $0 + $1.rank }) }
            .sorted { ($0.rank, $0.note) < ($1.rank, $1.note) }
        var hits: [SearchHit] = []
        for candidate in notes where hits.count < limit {
            let ids = candidate.places.map(\.id)
            let rows = try sectionRows(db, ids: ids)
            guard let first = rows.values.first, !shown.contains(first.path) else { continue }
            var words: [Int64: [String]] = [:]
            for (part, place) in zip(parts, candidate.places) { words[place.id, default: []].append(part.words) }
            let ordered = Set(ids).compactMap { rows[$0] }.sorted { $0.ordinal < $1.ordinal }
            var places: [SearchHit.Place] = []
            var typedMatch = true
            for row in ordered {
                var snippet = try snippet(db, of: row, cutter: snippets.typed)
                if snippet.highlights.isEmpty {
                    typedMatch = false
                    snippet = try self.snippet(db, of: row, cutter: snippets.all)
                }
                places.append(SearchHit.Place(line: row.line, headingPath: row.headingPath, snippet: snippet, words: words[row.id] ?? []))
            }
            let concepts = try concepts(db, of: ordered)
            var seen = Set<String>()
            let found = ordered.flatMap { concepts[$0.id] ?? [] }.filter { seen.insert($0.id).inserted }
            let lead = ordered[0]
            var hit = SearchHit(
                path: lead.path, line: lead.line, headingPath: lead.headingPath, snippet: places[0].snippet, score: -candidate.rank,
                noteTitle: lead.title, concepts: found.map(\.id), conceptLabels: found.map(\.label),
                layers: LayerMask.osiLayers(ordered.reduce(0) { $0 | $1.layers }), matchesTypedWords: typedMatch)
            hit.match = .note
            hit.places = places
            hits.append(hit)
        }
        return hits
    }

    /// The concepts each of `rows` mentions, most mentioned first, with the labels lists show.
    func concepts(_ db: Database, of rows: some Collection<SectionRow>) throws -> [Int64: [(id: String, label: String)]] {
        var named = Set<String>()
        for row in rows { named.formUnion(row.conceptIDs) }
        guard !named.isEmpty else { return [:] }
        var labels: [String: String] = [:]
        labels.reserveCapacity(named.count)
        // One prepared lookup a concept, read with SQLite's own calls: a statement of a hundred
        // parameters, decoded row by row through GRDB, cost a tenth of a search.
        let statement = try db.cachedStatement(sql: "SELECT name, abbreviations FROM concepts WHERE id = ?")
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        defer { sqlite3_reset(handle); sqlite3_clear_bindings(handle) }
        for id in named {
            sqlite3_reset(handle)
            sqlite3_bind_text(handle, 1, id, -1, transient)
            guard try Self.step(handle, db: db, statement: statement) else { continue }
            // As ``IndexedConcept/label``.
            let abbreviations = Self.text(handle, 1).map(Self.lines) ?? []
            labels[id] = Concept.label(name: Self.text(handle, 0) ?? "", abbreviations: abbreviations)
        }
        var concepts: [Int64: [(id: String, label: String)]] = [:]
        for row in rows where !row.conceptIDs.isEmpty {
            concepts[row.id] = row.conceptIDs.compactMap { id in labels[id].map { (id, $0) } }
        }
        return concepts
    }

    /// The factor a section's bm25 value is multiplied by: ``adjacencyBoost`` when it holds
    /// the adjacency expression bound at `parameter` (the query's words together as typed),
    /// else 1. Both rankings use this one expression, so that their ranks stay equal.
    static func adjacencyFactor(parameter: String) -> String {
        "(CASE WHEN sections_fts.rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH \(parameter)) THEN \(adjacencyBoost) ELSE 1.0 END)"
    }

    /// Whether the section holds the words as typed (``TypedWordsFunction``), with the
    /// encoded groups and the phrase count bound at `groups` and `phrases`.
    static func typedMatch(groups: String, phrases: String) -> String {
        "\(TypedWordsFunction.name)(sections_fts, \(groups), \(phrases))"
    }

    /// The statement ranking the sections that match `expression` under `filter`: columns
    /// `id`, `rank` (bm25, lower is better) and `typed_match`; with `own`, only the sections
    /// whose own heading or text holds a phrase of the expression (true) or none (false); with `noteColumns` the
    /// section's `note_id` and `ordinal`; with `notesOnly`, only the distinct `note_id`s;
    /// `inNotes` keeps the sections of those notes. Without filters or note columns, ranking
    /// reads the full-text index alone. `suffix` (and its `limit`) ends the statement.
    func ranked(
        _ expression: String, adjacency: String?, typed: (groups: [[[Int]]], phraseCount: Int)?, filter: SearchFilter, own: Bool? = nil, noteColumns: Bool = false,
        notesOnly: Bool = false, inNotes notes: [Int64]? = nil, suffix: String = "", limit: Int? = nil
    ) -> SQLRequest<Row> {
        var arguments: StatementArguments = []
        var boost = "1.0"
        if let adjacency {
            boost = Self.adjacencyFactor(parameter: "?")
            _ = arguments.append(contentsOf: [adjacency])
        }
        var typedMatch = "1"
        if let typed {
            // Sections with the words as typed rank above those with only a concept's other
            // names (the boost is applied by the outer query below, so that each section is
            // looked at once).
            typedMatch = Self.typedMatch(groups: "?", phrases: "?")
            _ = arguments.append(contentsOf: [TypedWordsFunction.encode(typed.groups), typed.phraseCount])
        }
        _ = arguments.append(contentsOf: [expression])
        var join = ""
        var columns = ""
        let noteColumns = noteColumns || notesOnly || notes != nil
        if noteColumns || filter.pathGlob != nil || filter.tag != nil {
            // The note and ordinal of a section from a small index, not from its row.
            join = "JOIN sections s INDEXED BY sections_by_id ON s.id = sections_fts.rowid"
            if filter.pathGlob != nil || filter.tag != nil { join += " JOIN notes n ON n.id = s.note_id" }
        }
        if noteColumns { columns = ", s.note_id AS note_id, s.ordinal AS ordinal" }
        var conditions = ""
        if let glob = filter.pathGlob {
            conditions += " AND n.path GLOB ?"
            _ = arguments.append(contentsOf: [glob])
        }
        if let tag = filter.tag {
            conditions += " AND n.id IN (SELECT note_id FROM tags WHERE name = ?)"
            _ = arguments.append(contentsOf: [tag.hasPrefix("#") ? String(tag.dropFirst()) : tag])
        }
        // The filters' section ids are tested with `+rowid`, which SQLite does not offer the
        // full-text table as a constraint: offered, it ran the whole MATCH again for each id of
        // the list (`search --layer 4 이 가` over 7,000 sections took 127 s, now 0.06 s).
        if !filter.concepts.isEmpty {
            conditions += " AND " + ConceptSectionIDsFunction.condition(
                column: "+sections_fts.rowid", concepts: "(\(sqlParameterList(count: filter.concepts.count)))")
            _ = arguments.append(contentsOf: StatementArguments(filter.concepts))
        }
        if !filter.layers.isEmpty {
            conditions += " AND +sections_fts.rowid IN (SELECT id FROM sections INDEXED BY sections_by_layers WHERE layers & ? != 0)"
            _ = arguments.append(contentsOf: [LayerMask.of(filter.layers)])
        }
        if let own {
            // Whether some phrase of the expression stands in the section's own heading or
            // text; when none does, the section matches only through its context.
            conditions += " AND \(InColumnsFunction.name)(sections_fts, \(InColumnsFunction.ownColumns)) = \(own ? 1 : 0)"
        }
        if let notes {
            conditions += " AND s.note_id IN (\(sqlParameterList(count: notes.count)))"
            _ = arguments.append(contentsOf: StatementArguments(notes))
        }
        let selected = notesOnly
            ? "DISTINCT s.note_id AS note_id"
            : "sections_fts.rowid AS id, bm25(sections_fts, \(Self.rankWeights)) * \(boost) AS rank, \(typedMatch) AS typed_match\(columns)"
        var sql = """
            SELECT \(selected)
            FROM sections_fts \(join)
            WHERE sections_fts MATCH ?\(conditions)
            """
        if typed != nil, !notesOnly {
            // `LIMIT -1` keeps SQLite from flattening the inner query into this one (both have
            // a LIMIT), which would copy its `typed_match` and look the typed words up twice;
            // unflattened, it runs as a co-routine, row by row, with nothing stored.
            sql = """
                SELECT id, rank * (CASE WHEN typed_match THEN \(Self.typedWordsBoost) ELSE 1.0 END) AS rank, typed_match\(noteColumns ? ", note_id, ordinal" : "")
                FROM (\(sql) LIMIT -1)
                """
        }
        if !suffix.isEmpty { sql += "\n" + suffix }
        if let limit { _ = arguments.append(contentsOf: [limit]) }
        return SQLRequest<Row>(sql: sql, arguments: arguments)
    }
}
