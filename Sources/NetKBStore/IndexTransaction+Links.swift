import GRDB
import NetKBCore

extension IndexTransaction {
    /// Records the non-note files under the notes root (images, PDFs), which links may point at;
    /// returns the lookup keys of the files that came or went.
    public func replaceFiles(with paths: [String]) throws -> Set<String> {
        let old = Set(try String.fetchAll(db, sql: "SELECT path FROM files"))
        let new = Set(paths)
        let gone = old.subtracting(new)
        let came = new.subtracting(old)
        let delete = try db.cachedStatement(sql: "DELETE FROM files WHERE path = ?")
        for path in gone { try delete.execute(arguments: [path]) }
        let insert = try db.cachedStatement(sql: "INSERT INTO files (path) VALUES (?)")
        for path in came { try insert.execute(arguments: [path]) }
        return Set(gone.union(came).map(LinkLookupKey.ofFile))
    }

    /// Resolves the links that need it: new links, links that look up one of `affectedKeys`,
    /// every broken link when any key changed (a new note may mend one), and all links when the
    /// rules changed (another `repository`, another netkb). Returns how many were resolved.
    @discardableResult
    public func resolveLinks(affectedKeys: Set<String>, repository: RepositoryURL?) throws -> Int {
        let rules = Self.rules(repository)
        let rulesChanged = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'link-rules'") != rules
        if rulesChanged {
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('link-rules', ?)", arguments: [rules])
        }
        var pending: [Row] = []
        let columns = "l.id, l.target, l.text, l.kind, l.line, l.col, n.path"
        if rulesChanged {
            pending = try Row.fetchAll(db, sql: "SELECT \(columns) FROM links l JOIN notes n ON n.id = l.note_id")
        } else {
            pending = try Row.fetchAll(db, sql: "SELECT \(columns) FROM links l JOIN notes n ON n.id = l.note_id WHERE l.status IS NULL")
            if !affectedKeys.isEmpty {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS affected_keys (key TEXT PRIMARY KEY) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM affected_keys")
                let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO affected_keys (key) VALUES (?)")
                for key in affectedKeys { try insert.execute(arguments: [key]) }
                pending += try Row.fetchAll(db, sql: """
                    SELECT \(columns) FROM links l JOIN notes n ON n.id = l.note_id
                    WHERE l.status IS NOT NULL AND (l.status = 'broken' OR l.target_key IN (SELECT key FROM affected_keys))
                    """)
            }
        }
        guard !pending.isEmpty else { return 0 }
        let resolver = LinkResolver(catalog: try catalog(), repository: repository)
        let update = try db.cachedStatement(sql: """
            UPDATE links SET status = ?, broken_kind = ?, reason = ?, suggestion = ?, target_path = ?, target_section = ? WHERE id = ?
            """)
        for row in pending {
            let link = Link(
                target: row["target"], text: row["text"], kind: LinkKind(rawValue: row["kind"]) ?? .markdown,
                location: SourceLocation(line: row["line"], column: row["col"]), sectionIndex: 0)
            let id: Int64 = row["id"]
            switch resolver.resolve(link, from: row["path"]) {
            case .external:
                try update.execute(arguments: ["external", nil, nil, nil, nil, nil, id])
            case .resolved(let resolved):
                try update.execute(arguments: ["ok", nil, nil, nil, resolved.path, resolved.sectionIndex, id])
            case .broken(let broken):
                try update.execute(arguments: ["broken", broken.kind.rawValue, broken.reason, broken.suggestion, nil, nil, id])
            }
        }
        return pending.count
    }

    /// The rules links were resolved by: when they change, every link is resolved again.
    static func rules(_ repository: RepositoryURL?) -> String {
        "rules 1; repository \(repository.map { "\($0.owner)/\($0.name)/\($0.notesFolder)" } ?? "-")"
    }

    /// What link resolution needs of every note and file, read from the index.
    func catalog() throws -> NoteCatalog {
        var aliases: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT note_id, name FROM note_names WHERE kind = 'alias'") {
            aliases[row["note_id"], default: []].append(row["name"])
        }
        var anchors: [Int64: Set<String>] = [:]
        var blocks: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT note_id, kind, name FROM note_anchors") {
            if row["kind"] as String == "block" { blocks[row["note_id"], default: []].insert(row["name"]) }
            else { anchors[row["note_id"], default: []].insert(row["name"]) }
        }
        var headings: [Int64: [NoteHeading]] = [:]
        let sections = try Row.fetchCursor(db, sql: "SELECT note_id, ordinal, level, heading FROM sections WHERE level > 0 ORDER BY note_id, ordinal")
        while let row = try sections.next() {
            headings[row["note_id"], default: []].append(NoteHeading(text: row["heading"], level: row["level"], sectionIndex: row["ordinal"]))
        }
        var notes: [CatalogNote] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, path, title FROM notes") {
            let id: Int64 = row["id"]
            notes.append(CatalogNote(
                path: row["path"], title: row["title"], aliases: aliases[id] ?? [], headings: headings[id] ?? [],
                anchorIDs: anchors[id] ?? [], blockIDs: blocks[id] ?? []))
        }
        return NoteCatalog(notes: notes, otherFiles: try String.fetchAll(db, sql: "SELECT path FROM files"))
    }
}

extension NoteStore {
    /// Whether a refresh with no note changed must still write: the other files changed, or the
    /// link rules (the repository) did.
    public func needsLinkWork(otherFiles: [String], repository: RepositoryURL?) throws -> Bool {
        try reading { db in
            let rules = IndexTransaction.rules(repository)
            guard try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'link-rules'") == rules else { return true }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") ?? 0
            guard count == otherFiles.count else { return true }
            guard count > 0 else { return false }
            return Set(try String.fetchAll(db, sql: "SELECT path FROM files")) != Set(otherFiles)
        }
    }
}
