import GRDB
import NetKBCore

/// Which citations ``NoteStore/citedReferences(_:)`` returns.
public struct ReferenceFilter: Hashable, Sendable {
    /// Only sections whose heading, parent headings or note title match this query.
    public var topic: SearchQuery?
    /// Only references of this site (a ``NormalizedURL/domain``).
    public var domain: String?
    /// Only citations of this reference (a ``NormalizedURL/normalized``).
    public var normalizedURL: String?
    /// Images too (`![alt](https://…)`).
    public var includeImages: Bool

    public init(topic: SearchQuery? = nil, domain: String? = nil, normalizedURL: String? = nil, includeImages: Bool = false) {
        self.topic = topic
        self.domain = domain
        self.normalizedURL = normalizedURL
        self.includeImages = includeImages
    }
}

extension NoteStore {
    /// Every citation of an external reference that `filter` lets through, in path, line and
    /// column order. A topic query with nothing to search for matches nothing.
    ///
    /// ```swift
    /// let handshake = try store.citedReferences(ReferenceFilter(topic: SearchQuery(parsing: "handshake")))
    /// ```
    public func citedReferences(_ filter: ReferenceFilter) throws -> [CitedReference] {
        // Without a site or URL to look up, notes are read in path order and each note's
        // references in line order, both from indexes: no sort of every reference.
        let join: SQL = filter.domain == nil && filter.normalizedURL == nil
            ? "notes n CROSS JOIN note_references r ON r.note_id = n.id"
            : "note_references r JOIN notes n ON n.id = r.note_id"
        var sql: SQL = """
            SELECT n.path, n.title, r.line, r.col, r.url, r.normalized_url, r.domain, r.label, r.description, r.is_image,
                   r.section_id, r.section_line, r.heading_path, r.note_id
            FROM \(join)
            WHERE 1
            """
        if !filter.includeImages { sql += " AND r.is_image = 0" }
        if let domain = filter.domain { sql += " AND r.domain = \(domain)" }
        if let url = filter.normalizedURL { sql += " AND r.normalized_url = \(url)" }
        if let topic = filter.topic {
            guard let expression = topic.matchExpression else { return [] }
            // Headings and titles only: the heading column and the context column (note title
            // and parent headings), through the same tokenizer and query rules as search.
            let match = "{heading context} : (\(expression))"
            sql += " AND r.section_id IN (SELECT rowid FROM sections_fts WHERE sections_fts MATCH \(match))"
        }
        sql += " ORDER BY n.path, r.line, r.col"
        return try reading { db in
            // One pass over every reference gains nothing from the large page cache a writer
            // keeps (after a refresh), and pays for its memory: SQLite's default for the scan.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -2000")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var headingPaths: [Int64: [String]] = [:]
            var citations: [CitedReference] = []
            // A note's citations come together: its path and title are read once.
            var note: (id: Int64, path: String, title: String) = (-1, "", "")
            let rows = try SQLRequest<Row>(literal: sql).fetchCursor(db)
            while let row = try rows.next() {
                let noteID: Int64 = row[13]
                if noteID != note.id { note = (noteID, row[0], row[1]) }
                var headingPath: [String] = []
                if let section: Int64 = row[10] {
                    if let known = headingPaths[section] {
                        headingPath = known
                    } else {
                        headingPath = HeadingPathCoding.decode(row[12] ?? "")
                        headingPaths[section] = headingPath
                    }
                }
                citations.append(CitedReference(
                    path: note.path, noteTitle: note.title, line: row[2], column: row[3], sectionLine: row[11] ?? row[2],
                    headingPath: headingPath, url: row[4], normalizedURL: row[5], domain: row[6], label: row[7],
                    description: row[8], isImage: row[9]))
            }
            return citations
        }
    }
}
