import GRDB
import GRDBSQLite
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
    /// Only sections that mention one of these concepts (ids).
    public var concepts: [String]
    /// Only sections at one of these OSI layers (see ``SectionTags/layers``).
    public var layers: [OSILayer]

    public init(topic: SearchQuery? = nil, domain: String? = nil, normalizedURL: String? = nil, includeImages: Bool = false,
                concepts: [String] = [], layers: [OSILayer] = []) {
        self.topic = topic
        self.domain = domain
        self.normalizedURL = normalizedURL
        self.includeImages = includeImages
        self.concepts = concepts
        self.layers = layers
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
        if !filter.concepts.isEmpty {
            sql += " AND r.section_id IN (SELECT section_id FROM section_concepts WHERE concept_id IN \(filter.concepts))"
        }
        if !filter.layers.isEmpty {
            sql += " AND r.section_id IN (SELECT id FROM sections INDEXED BY sections_by_layers WHERE layers & \(LayerMask.of(filter.layers)) != 0)"
        }
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
            // Columns are read with SQLite's own calls: tens of thousands of rows, where GRDB's
            // row values cost more than the query. A note's citations come together: its path
            // and title are read once; a site's name is made once per run of the same site.
            let statement = try SQLRequest<Row>(literal: sql).makePreparedRequest(db, forSingleResult: false).statement
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var note: (id: Int64, path: String, title: String) = (-1, "", "")
            var domain = ""
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }, sql: statement.sql)
                }
                let noteID = sqlite3_column_int64(handle, 13)
                if noteID != note.id { note = (noteID, Self.text(handle, 0) ?? "", Self.text(handle, 1) ?? "") }
                if !Self.column(handle, 6, equals: domain) { domain = Self.text(handle, 6) ?? "" }
                var headingPath: [String] = []
                if sqlite3_column_type(handle, 10) != SQLITE_NULL {
                    let section = sqlite3_column_int64(handle, 10)
                    if let known = headingPaths[section] {
                        headingPath = known
                    } else {
                        headingPath = HeadingPathCoding.decode(Self.text(handle, 12) ?? "")
                        headingPaths[section] = headingPath
                    }
                }
                let line = Int(sqlite3_column_int64(handle, 2))
                citations.append(CitedReference(
                    path: note.path, noteTitle: note.title, line: line, column: Int(sqlite3_column_int64(handle, 3)),
                    sectionLine: sqlite3_column_type(handle, 11) == SQLITE_NULL ? line : Int(sqlite3_column_int64(handle, 11)),
                    headingPath: headingPath, url: Self.text(handle, 4) ?? "", normalizedURL: Self.text(handle, 5) ?? "",
                    domain: domain, label: Self.text(handle, 7), description: Self.text(handle, 8),
                    isImage: sqlite3_column_int64(handle, 9) != 0))
            }
            return citations
        }
    }
}

extension NoteStore {
    /// The text of a column of the current row; nil for NULL.
    static func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Whether a text column of the current row is `value`, byte for byte.
    static func column(_ handle: OpaquePointer, _ column: Int32, equals value: String) -> Bool {
        guard let bytes = sqlite3_column_text(handle, column) else { return false }
        let count = Int(sqlite3_column_bytes(handle, column))
        var value = value
        return value.withUTF8 { own in own.count == count && own.elementsEqual(UnsafeBufferPointer(start: bytes, count: count)) }
    }
}
