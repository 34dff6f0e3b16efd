#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        // References are read in table order, which is path and line order but for the notes
        // a refresh saved again (their references come last), and sorted here only if they
        // are out of order: walking an index in that order instead costs a lookup in the table
        // for every reference, four times what the reading costs. A site or a URL is looked
        // up in its index.
        var sql: SQL = """
            SELECT r.note_id, r.line, r.col, r.url, r.normalized_url, r.domain, r.label, r.description, r.is_image,
                   r.section_id, r.section_line, r.heading_path
            FROM note_references r
            WHERE 1
            """
        if !filter.includeImages { sql += " AND r.is_image = 0" }
        if let domain = filter.domain { sql += " AND r.domain = \(domain)" }
        if let url = filter.normalizedURL { sql += " AND r.normalized_url = \(url)" }
        if !filter.concepts.isEmpty {
            sql += " AND "
            sql += SQL(
                sql: ConceptSectionIDsFunction.condition(column: "r.section_id", concepts: "(\(sqlParameterList(count: filter.concepts.count)))"),
                arguments: StatementArguments(filter.concepts))
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
        return try reading { db in
            if !filter.concepts.isEmpty { ConceptSectionIDsFunction.register(db) }
            // One pass over every reference gains nothing from the large page cache a writer
            // keeps (after a refresh), and pays for its memory: SQLite's default for the scan.
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            try db.execute(sql: "PRAGMA cache_size = -2000")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
            var citations: [CitedReference] = []
            /// The note of each citation, as a position in `notes`.
            var citationNotes: [Int32] = []
            var notes = CitingNotes()
            // Columns are read with SQLite's own calls: tens of thousands of rows, where GRDB's
            // row values cost more than the query. URLs (as written and normalised), sites and
            // labels repeat: each distinct one is made into a String once. A section's heading
            // path is decoded when the section changes (its references come together).
            let statement = try SQLRequest<Row>(literal: sql).makePreparedRequest(db, forSingleResult: false).statement
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            var note: (id: Int64, position: Int32) = (-1, -1)
            var section: (id: Int64, headingPath: [String]) = (-1, [])
            var texts = InternedTexts()
            while try Self.step(handle, db: db, statement: statement) {
                let noteID = sqlite3_column_int64(handle, 0)
                if noteID != note.id { note = (noteID, notes.position(of: noteID)) }
                var headingPath: [String] = []
                if sqlite3_column_type(handle, 9) != SQLITE_NULL {
                    let id = sqlite3_column_int64(handle, 9)
                    if id != section.id {
                        section = (id, texts.headingPath(handle, 11) ?? [])
                    }
                    headingPath = section.headingPath
                }
                let line = Int(sqlite3_column_int64(handle, 1))
                let citation = CitedReference(
                    path: "", noteTitle: "", line: line, column: Int(sqlite3_column_int64(handle, 2)),
                    sectionLine: sqlite3_column_type(handle, 10) == SQLITE_NULL ? line : Int(sqlite3_column_int64(handle, 10)),
                    headingPath: headingPath, url: texts.text(handle, 3) ?? "", normalizedURL: texts.text(handle, 4) ?? "",
                    domain: texts.text(handle, 5) ?? "", label: texts.text(handle, 6), description: Self.text(handle, 7),
                    isImage: sqlite3_column_int64(handle, 8) != 0)
                citations.append(consume citation)
                citationNotes.append(note.position)
            }
            guard !citations.isEmpty else { return [] }
            try notes.read(db)
            notes.arrange(&citations, notes: citationNotes)
            return citations
        }
    }
}

extension NoteStore {
    /// The text of a column of the current row; nil for NULL.
    static func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        bytes(handle, column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a text column of the current row, valid until the next step; nil for NULL.
    static func bytes(_ handle: OpaquePointer, _ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// Steps `handle` (the statement `statement` of `db`): true on a row, false when done.
    static func step(_ handle: OpaquePointer, db: Database, statement: Statement) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }, sql: statement.sql)
    }
}
