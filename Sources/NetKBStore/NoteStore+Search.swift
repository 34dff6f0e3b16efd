import GRDB
import NetKBCore

extension NoteStore {
    /// Column weights for bm25: a section's own heading, its note title and parent headings, its text.
    static let rankWeights = "8.0, 0.5, 1.0"
    /// How much better a section ranks when the query's words stand together in it, as typed.
    static let adjacencyBoost = 2.0
    /// How much better a section ranks when it has the query's words as typed, not only other
    /// names of the concepts they name.
    static let typedWordsBoost = 3.0
    /// How many tokens a snippet holds (FTS5 allows at most 64).
    static let snippetTokens = 40
    /// Sections longer than this many bytes get their snippet from ``SnippetCutter``, in linear
    /// time; FTS5's `snippet()` takes time that grows with the square of the matches.
    static let longSectionBytes = 16_384

    /// The sections that match `query`, best first. An empty query matches nothing.
    public func search(_ query: SearchQuery, filter: SearchFilter) throws -> [SearchHit] {
        guard let expression = query.matchExpression, filter.limit > 0 else { return [] }
        return try reading { db in
            let typed = query.expansions.isEmpty ? nil : query.typed.matchExpression
            let ranked = try rankedSections(db, expression: expression, adjacency: query.adjacencyExpression, typed: typed, filter: filter)
            guard !ranked.isEmpty else { return [] }
            let ids = ranked.map(\.id)
            let placeholders = databaseQuestionMarks(count: ids.count)
            let idArguments = StatementArguments(ids)

            var details: [Int64: Row] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.id, n.path, n.title, s.start_line, s.heading_path, s.body_bytes, s.layers
                FROM sections s JOIN notes n ON n.id = s.note_id
                WHERE s.id IN (\(placeholders))
                """, arguments: idArguments) {
                details[row["id"]] = row
            }
            let long = details.values.filter { $0["body_bytes"] as Int > Self.longSectionBytes }.map { $0["id"] as Int64 }
            let short = ids.filter { !long.contains($0) }
            var snippets: [Int64: HighlightedText] = [:]
            // Sections with the words as typed have those marked; the others, the names that found them.
            let typedIDs = Set(ranked.filter(\.typedMatch).map(\.id))
            for (snippetExpression, group) in [(typed ?? expression, short.filter { typedIDs.contains($0) }), (expression, short.filter { !typedIDs.contains($0) })] where !group.isEmpty {
                let snippetRows = try Row.fetchCursor(db, sql: """
                    SELECT rowid, snippet(sections_fts, 2, char(\(HighlightedText.openMarker.value)), char(\(HighlightedText.closeMarker.value)), '…', \(Self.snippetTokens)) AS snippet
                    FROM sections_fts WHERE sections_fts MATCH ? AND rowid IN (\(databaseQuestionMarks(count: group.count)))
                    """, arguments: [snippetExpression] + StatementArguments(group))
                while let row = try snippetRows.next() {
                    snippets[row["rowid"]] = HighlightedText(marked: row["snippet"])
                }
            }
            if !long.isEmpty {
                let cutter = SnippetCutter(query: query)
                for id in long {
                    let body = try String.fetchOne(db, sql: "SELECT body FROM sections WHERE id = ?", arguments: [id]) ?? ""
                    snippets[id] = cutter.snippet(of: body, tokens: Self.snippetTokens)
                }
            }
            var concepts: [Int64: [(id: String, label: String)]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT sc.section_id, sc.concept_id, c.name, c.abbreviations FROM section_concepts sc JOIN concepts c ON c.id = sc.concept_id
                WHERE sc.section_id IN (\(placeholders)) ORDER BY sc.section_id, sc.count DESC, sc.first_line, sc.concept_id
                """, arguments: idArguments) {
                let abbreviations: String = row["abbreviations"]
                let label = abbreviations.split(separator: "\n").first.map(String.init) ?? row["name"]
                concepts[row["section_id"], default: []].append((row["concept_id"], label))
            }
            return ranked.compactMap { hit in
                guard let row = details[hit.id] else { return nil }
                let found = concepts[hit.id] ?? []
                return SearchHit(
                    path: row["path"], line: row["start_line"], headingPath: HeadingPathCoding.decode(row["heading_path"]),
                    snippet: snippets[hit.id] ?? HighlightedText(text: "", highlights: []), score: -hit.rank, noteTitle: row["title"],
                    concepts: found.map(\.id), conceptLabels: found.map(\.label), layers: LayerMask.osiLayers(row["layers"]),
                    matchesTypedWords: hit.typedMatch)
            }
        }
    }

    /// The best sections' ids and bm25 ranks (lower is better). Without filters, ranking reads
    /// the full-text index alone; the sections' rows are read for the winners only.
    func rankedSections(_ db: Database, expression: String, adjacency: String?, typed: String? = nil, filter: SearchFilter) throws -> [(id: Int64, rank: Double, typedMatch: Bool)] {
        var arguments: StatementArguments = []
        var boost = "1.0"
        if let adjacency {
            boost = "(CASE WHEN sections_fts.rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?) THEN \(Self.adjacencyBoost) ELSE 1.0 END)"
            _ = arguments.append(contentsOf: [adjacency])
        }
        var typedMatch = "1"
        if let typed {
            // Sections with the words as typed rank above those with only a concept's other names.
            typedMatch = "(sections_fts.rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?))"
            boost += " * (CASE WHEN \(typedMatch) THEN \(Self.typedWordsBoost) ELSE 1.0 END)"
            _ = arguments.append(contentsOf: [typed, typed])
        }
        _ = arguments.append(contentsOf: [expression])
        var join = ""
        var conditions = ""
        if filter.pathGlob != nil || filter.tag != nil {
            join = "JOIN sections s ON s.id = sections_fts.rowid JOIN notes n ON n.id = s.note_id"
        }
        if let glob = filter.pathGlob {
            conditions += " AND n.path GLOB ?"
            _ = arguments.append(contentsOf: [glob])
        }
        if let tag = filter.tag {
            conditions += " AND n.id IN (SELECT note_id FROM tags WHERE name = ?)"
            _ = arguments.append(contentsOf: [tag.hasPrefix("#") ? String(tag.dropFirst()) : tag])
        }
        if !filter.concepts.isEmpty {
            conditions += " AND sections_fts.rowid IN (SELECT section_id FROM section_concepts WHERE concept_id IN (\(databaseQuestionMarks(count: filter.concepts.count))))"
            _ = arguments.append(contentsOf: StatementArguments(filter.concepts))
        }
        if !filter.layers.isEmpty {
            conditions += " AND sections_fts.rowid IN (SELECT id FROM sections INDEXED BY sections_by_layers WHERE layers & ? != 0)"
            _ = arguments.append(contentsOf: [LayerMask.of(filter.layers)])
        }
        _ = arguments.append(contentsOf: [filter.limit])
        return try Row.fetchAll(db, sql: """
            SELECT sections_fts.rowid, bm25(sections_fts, \(Self.rankWeights)) * \(boost) AS rank, \(typedMatch) AS typed_match
            FROM sections_fts \(join)
            WHERE sections_fts MATCH ?\(conditions)
            ORDER BY rank, sections_fts.rowid
            LIMIT ?
            """, arguments: arguments).map { ($0["rowid"], $0["rank"], $0["typed_match"]) }
    }
}
