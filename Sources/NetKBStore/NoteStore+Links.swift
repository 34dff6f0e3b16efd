import GRDB
import NetKBCore

/// A link as the index recorded and resolved it.
public struct IndexedLink: Hashable, Sendable {
    /// The linking note's path.
    public var path: String
    public var line: Int
    public var column: Int
    /// The target as written.
    public var target: String
    public var text: String
    public var kind: LinkKind
    /// Where it leads, if it resolved to a note or file.
    public var targetPath: String?
    /// The heading it leads to, if any.
    public var targetHeading: String?
    /// Why it is broken, if it is.
    public var broken: BrokenLink?
    /// Whether it points outside the notes (the web, mail).
    public var isExternal: Bool
}

extension NoteStore {
    /// Every broken internal link, in path, line and column order, and how many internal links
    /// were checked.
    public func brokenLinks() throws -> (checked: Int, broken: [IndexedLink]) {
        try reading { db in
            let checked = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM links WHERE status IN ('ok', 'broken')") ?? 0
            let links = try Array(Row.fetchCursor(db, sql: """
                SELECT \(Self.linkColumns) FROM links l JOIN notes n ON n.id = l.note_id
                WHERE l.status = 'broken'
                """).map(Self.indexedLink)).sorted { a, b in
                if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
                return (a.line, a.column) < (b.line, b.column)
            }
            return (checked, links)
        }
    }

    /// The links written in the note at `path`, in order.
    public func outgoingLinks(of path: String) throws -> [IndexedLink] {
        try reading { db in
            try Array(Row.fetchCursor(db, sql: """
                SELECT \(Self.linkColumns) FROM links l JOIN notes n ON n.id = l.note_id
                WHERE n.path = ? ORDER BY l.line, l.col
                """, arguments: [path]).map(Self.indexedLink))
        }
    }

    /// The links in other notes (and in the note itself) that lead to the note at `path`.
    public func backlinks(to path: String) throws -> [IndexedLink] {
        try reading { db in
            try Array(Row.fetchCursor(db, sql: """
                SELECT \(Self.linkColumns) FROM links l JOIN notes n ON n.id = l.note_id
                WHERE l.target_path = ? AND l.status = 'ok' ORDER BY n.path, l.line, l.col
                """, arguments: [path]).map(Self.indexedLink))
        }
    }

    /// The notes no other note links to, by path.
    public func orphans() throws -> [String] {
        try reading { db in
            try String.fetchAll(db, sql: """
                SELECT n.path FROM notes n
                WHERE NOT EXISTS (
                    SELECT 1 FROM links l JOIN notes source ON source.id = l.note_id
                    WHERE l.target_path = n.path AND l.status = 'ok' AND source.id != n.id)
                ORDER BY n.path
                """)
        }
    }

    /// Which of `paths` are paths of notes in the index: a lookup that needs no catalog.
    public func notePaths(among paths: [String]) throws -> Set<String> {
        guard !paths.isEmpty else { return [] }
        return try reading { db in
            Set(try String.fetchAll(db, sql: "SELECT path FROM notes WHERE path IN (\(sqlParameterList(count: paths.count)))",
                                    arguments: StatementArguments(paths)))
        }
    }

    /// The catalog of every note's names (path, title, aliases) and of the other files, without
    /// headings: enough to find a note by name, at a fraction of ``catalog()``'s cost.
    public func nameCatalog() throws -> NoteCatalog {
        try reading { db in try IndexTransaction(db: db).catalog(detailFor: []) }
    }

    /// The names (path, title, aliases) of the notes one of whose names has lookup key `key`
    /// (``LinkLookupKey``), without headings or other files. A name resolves through it to
    /// the note it resolves to through ``nameCatalog()``: no other note can answer to it.
    public func nameCatalog(forKey key: String) throws -> NoteCatalog {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT n.id, n.path, n.title, a.name AS alias FROM notes n
                LEFT JOIN note_names a ON a.note_id = n.id AND a.kind = 'alias'
                WHERE n.id IN (SELECT note_id FROM note_names WHERE key = ?)
                ORDER BY n.id, a.rowid
                """, arguments: [key])
            var notes: [(id: Int64, path: String, title: String, aliases: [String])] = []
            for row in rows {
                let id: Int64 = row["id"]
                if notes.last?.id != id { notes.append((id, row["path"], row["title"], [])) }
                if let alias: String = row["alias"] { notes[notes.count - 1].aliases.append(alias) }
            }
            return NoteCatalog(notes: notes.map { CatalogNote(path: $0.path, title: $0.title, aliases: $0.aliases) })
        }
    }

    /// The catalog of every note and file, for looking a note up by name.
    public func catalog() throws -> NoteCatalog {
        try reading { db in try IndexTransaction(db: db).catalog() }
    }

    static let linkColumns = """
        n.path, l.line, l.col, l.target, l.text, l.kind, l.status, l.broken_kind, l.reason, l.suggestion, l.target_path,
        (SELECT s.heading FROM sections s JOIN notes t ON t.id = s.note_id WHERE t.path = l.target_path AND s.ordinal = l.target_section) AS target_heading
        """

    static func indexedLink(_ row: Row) -> IndexedLink {
        var broken: BrokenLink?
        if row["status"] as String? == "broken" {
            broken = BrokenLink(
                kind: BrokenLinkKind(rawValue: row["broken_kind"] ?? "") ?? .file, reason: row["reason"] ?? "", suggestion: row["suggestion"])
        }
        return IndexedLink(
            path: row["path"], line: row["line"], column: row["col"], target: row["target"], text: row["text"],
            kind: LinkKind(rawValue: row["kind"]) ?? .markdown, targetPath: row["target_path"], targetHeading: row["target_heading"],
            broken: broken, isExternal: row["status"] as String? == "external")
    }
}
