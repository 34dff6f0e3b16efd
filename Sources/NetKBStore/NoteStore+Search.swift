import GRDB
import NetKBCore

extension NoteStore {
    /// Column weights for bm25: a section's own heading, its note title and parent headings, its text.
    static let rankWeights = "8.0, 0.5, 1.0"
    /// How much better a section ranks when the query's words stand together in it, as typed.
    static let adjacencyBoost = 2.0
    /// How many tokens a snippet holds (FTS5 allows at most 64).
    static let snippetTokens = 40

    /// The sections that match `query`, best first. An empty query matches nothing.
    public func search(_ query: SearchQuery, filter: SearchFilter) throws -> [SearchHit] {
        guard let expression = query.matchExpression, filter.limit > 0 else { return [] }
        return try dbQueue.read { db in
            var arguments: StatementArguments = [expression]
            var boost = "1.0"
            if let adjacency = query.adjacencyExpression {
                boost = "(CASE WHEN sections_fts.rowid IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?) THEN \(Self.adjacencyBoost) ELSE 1.0 END)"
                arguments = [adjacency, expression]
            }
            var conditions = ""
            if let glob = filter.pathGlob {
                conditions += " AND n.path GLOB ?"
                _ = arguments.append(contentsOf: [glob])
            }
            if let tag = filter.tag {
                conditions += " AND n.id IN (SELECT note_id FROM tags WHERE name = ?)"
                _ = arguments.append(contentsOf: [tag.hasPrefix("#") ? String(tag.dropFirst()) : tag])
            }
            _ = arguments.append(contentsOf: [filter.limit])
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, n.path, n.title, s.start_line, s.heading_path,
                       bm25(sections_fts, \(Self.rankWeights)) * \(boost) AS rank
                FROM sections_fts
                JOIN sections s ON s.id = sections_fts.rowid
                JOIN notes n ON n.id = s.note_id
                WHERE sections_fts MATCH ?\(conditions)
                ORDER BY rank, n.path, s.start_line
                LIMIT ?
                """, arguments: arguments)
            guard !rows.isEmpty else { return [] }

            let ids: [Int64] = rows.map { $0[0] }
            var snippets: [Int64: String] = [:]
            let snippetRows = try Row.fetchCursor(db, sql: """
                SELECT rowid, snippet(sections_fts, 2, char(2), char(3), '…', \(Self.snippetTokens))
                FROM sections_fts WHERE sections_fts MATCH ? AND rowid IN (\(databaseQuestionMarks(count: ids.count)))
                """, arguments: StatementArguments([expression] + ids.map { $0 as (any DatabaseValueConvertible) }))
            while let row = try snippetRows.next() {
                snippets[row[0]] = row[1]
            }
            return rows.map { row in
                let id: Int64 = row[0]
                let rank: Double = row[5]
                return SearchHit(
                    path: row[1], line: row[3], headingPath: HeadingPathCoding.decode(row[4]),
                    snippet: HighlightedText(marked: snippets[id] ?? ""), score: -rank, noteTitle: row[2])
            }
        }
    }
}
