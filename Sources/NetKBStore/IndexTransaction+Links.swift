import Foundation
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
    ///
    /// `meanwhile`, when given, runs on this thread while the links are resolved on others
    /// (a full build builds its indexes then); at most `overlapLimit` links are held for that.
    @discardableResult
    public func resolveLinks(
        affectedKeys: Set<String>, repository: RepositoryURL?, meanwhile: (() throws -> Void)? = nil,
        overlapping overlapLimit: Int = IndexTransaction.overlappedLinks
    ) throws -> Int {
        let rules = Self.rules(repository)
        let rulesChanged = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'link-rules'") != rules
        if rulesChanged {
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES ('link-rules', ?)", arguments: [rules])
        }
        // The ids of the links to resolve; their rows are read, resolved and written a chunk at
        // a time, so memory stays bounded however many links there are.
        var pending: [Int64]
        if rulesChanged {
            pending = try Int64.fetchAll(db, sql: "SELECT id FROM links ORDER BY id")
        } else {
            pending = try Int64.fetchAll(db, sql: "SELECT id FROM links WHERE status IS NULL")
            if !affectedKeys.isEmpty {
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS affected_keys (key TEXT PRIMARY KEY) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM affected_keys")
                let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO affected_keys (key) VALUES (?)")
                for key in affectedKeys { try insert.execute(arguments: [key]) }
                pending += try Int64.fetchAll(db, sql: """
                    SELECT id FROM links
                    WHERE status IS NOT NULL AND (status = 'broken' OR target_key IN (SELECT key FROM affected_keys))
                    """)
            }
        }
        guard !pending.isEmpty else {
            try meanwhile?()
            return 0
        }
        let resolver = LinkResolver(catalog: try catalog(detailFor: relevantNotes(forLinks: pending)), repository: repository)
        let update = try BoundStatement(db, sql: """
            UPDATE links SET status = ?, broken_kind = ?, reason = ?, suggestion = ?, target_path = ?, target_section = ? WHERE id = ?
            """)
        // Every link is pending when the rules changed (always so in a new file): the first
        // ``overlappedLinks`` of them are then read through one cursor and resolved while
        // `meanwhile` runs; the rest, and all links otherwise, in chunks after it, so that
        // memory stays bounded however many links there are.
        let overlapped = meanwhile != nil && rulesChanged ? min(pending.count, max(1, overlapLimit)) : 0
        if let meanwhile, overlapped == 0 { try meanwhile() }
        var batches: [Range<Int>] = overlapped > 0 ? [0..<overlapped] : []
        batches += stride(from: overlapped, to: pending.count, by: 8_192).map { $0..<min(pending.count, $0 + 8_192) }
        for batch in batches {
            // When every link is pending, a batch is every id between its first and last.
            let work = rulesChanged
                ? try linksToResolve(between: pending[batch.lowerBound], and: pending[batch.upperBound - 1], count: batch.count)
                : try linksToResolve(Array(pending[batch]))
            // Resolving is pure and most of the work: it runs on every core, the writes after it.
            let verdicts: [LinkResolution]
            if let meanwhile, batch.lowerBound == 0, overlapped > 0 {
                let links = work.map { ($0.link, $0.path) }
                let result = ResolutionSlots(count: links.count)
                let group = DispatchGroup()
                DispatchQueue.global().async(group: group) { result.fill(0..<links.count, with: Self.resolveConcurrently(links, with: resolver)) }
                try meanwhile()
                group.wait()
                verdicts = result.values
            } else {
                verdicts = Self.resolveConcurrently(work.map { ($0.link, $0.path) }, with: resolver)
            }
            for (item, verdict) in zip(work, verdicts) {
                let id = item.id
                try update.run { values in
                    switch verdict {
                    case .external:
                        values.add("external"); for _ in 0..<5 { values.addNull() }
                    case .resolved(let resolved):
                        values.add("ok"); values.addNull(); values.addNull(); values.addNull()
                        values.add(resolved.path); values.add(resolved.sectionIndex)
                    case .broken(let broken):
                        values.add("broken"); values.add(broken.kind.rawValue); values.add(broken.reason)
                        values.add(broken.suggestion); values.addNull(); values.addNull()
                    }
                    values.add(id)
                }
            }
        }
        return pending.count
    }

    /// How many links a full build resolves while it builds its indexes; the rest are resolved
    /// afterwards, a chunk at a time. Sized for a 10,000-note vault's links at once.
    public static let overlappedLinks = 131_072

    /// The links with these ids, with the paths of their notes.
    func linksToResolve(_ ids: [Int64]) throws -> [(id: Int64, link: Link, path: String)] {
        try links(from: Row.fetchCursor(db, sql: """
            SELECT l.id, l.target, l.text, l.kind, l.line, l.col, n.path FROM links l JOIN notes n ON n.id = l.note_id
            WHERE l.id IN (\(databaseQuestionMarks(count: ids.count)))
            """, arguments: StatementArguments(ids)), expected: ids.count)
    }

    /// The `count` links whose ids are between `first` and `last`, with the paths of their notes.
    func linksToResolve(between first: Int64, and last: Int64, count: Int) throws -> [(id: Int64, link: Link, path: String)] {
        try links(from: Row.fetchCursor(db, sql: """
            SELECT l.id, l.target, l.text, l.kind, l.line, l.col, n.path FROM links l JOIN notes n ON n.id = l.note_id
            WHERE l.id BETWEEN ? AND ?
            """, arguments: [first, last]), expected: count)
    }

    private func links(from rows: RowCursor, expected: Int) throws -> [(id: Int64, link: Link, path: String)] {
        // Read through a cursor: the rows are turned into links one at a time, never all held.
        var links: [(id: Int64, link: Link, path: String)] = []
        links.reserveCapacity(expected)
        var path = ""
        while let row = try rows.next() {
            // A note's links come together: its path is made once.
            let rowPath: String = row["path"]
            if rowPath != path { path = rowPath }
            links.append((row["id"], Link(
                target: row["target"], text: row["text"], kind: LinkKind(rawValue: row["kind"]) ?? .markdown,
                location: SourceLocation(line: row["line"], column: row["col"]), sectionIndex: 0), path))
        }
        return links
    }

    /// Each link's verdict, in order, worked out on all cores in chunks.
    static func resolveConcurrently(_ links: [(Link, String)], with resolver: LinkResolver) -> [LinkResolution] {
        let chunk = 2_048
        let chunks = (links.count + chunk - 1) / chunk
        guard chunks > 1 else { return links.map { resolver.resolve($0.0, from: $0.1) } }
        let results = ResolutionSlots(count: links.count)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(links.count, (index + 1) * chunk)
            results.fill(range, with: range.map { resolver.resolve(links[$0].0, from: links[$0].1) })
        }
        return results.values
    }

    /// The rules links were resolved by: when they change, every link is resolved again.
    static func rules(_ repository: RepositoryURL?) -> String {
        "rules 1; repository \(repository.map { "\($0.owner)/\($0.name)/\($0.notesFolder)" } ?? "-")"
    }

    /// The notes whose headings and anchors resolving `links` can need: the notes that hold
    /// them and the notes whose names they look up; nil (every note) when that is most of them.
    func relevantNotes(forLinks links: [Int64]) throws -> Set<Int64>? {
        let notes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes") ?? 0
        guard links.count < 5_000, notes > 200 else { return nil }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS pending_links (id INTEGER PRIMARY KEY)")
        try db.execute(sql: "DELETE FROM pending_links")
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending_links (id) VALUES (?)")
        for id in links { try insert.execute(arguments: [id]) }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT note_id FROM links WHERE id IN (SELECT id FROM pending_links)
            UNION
            SELECT note_id FROM note_names WHERE key IN (SELECT target_key FROM links WHERE id IN (SELECT id FROM pending_links))
            """)
        return ids.count * 2 < notes ? Set(ids) : nil
    }

    /// What link resolution needs of every note and file, read from the index: every note's
    /// names, and the headings and anchors of the notes in `detailFor` (of all, when nil).
    func catalog(detailFor detailed: Set<Int64>? = nil) throws -> NoteCatalog {
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
        var slugs: [Int64: [String]] = [:]
        let sections = try Row.fetchCursor(db, sql: "SELECT note_id, ordinal, level, heading, slug FROM sections WHERE level > 0 ORDER BY note_id, ordinal")
        while let row = try sections.next() {
            let note: Int64 = row["note_id"]
            if let detailed, !detailed.contains(note) { continue }
            headings[note, default: []].append(NoteHeading(text: row["heading"], level: row["level"], sectionIndex: row["ordinal"]))
            slugs[note, default: []].append(row["slug"])
        }
        var notes: [CatalogNote] = []
        for row in try Row.fetchAll(db, sql: "SELECT id, path, title FROM notes") {
            let id: Int64 = row["id"]
            notes.append(CatalogNote(
                path: row["path"], title: row["title"], aliases: aliases[id] ?? [], headings: headings[id] ?? [],
                anchorIDs: anchors[id] ?? [], blockIDs: blocks[id] ?? [], slugs: slugs[id]))
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

/// Verdicts filled in by several threads, each into its own range.
private final class ResolutionSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [LinkResolution?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func fill(_ range: Range<Int>, with verdicts: [LinkResolution]) {
        lock.lock()
        defer { lock.unlock() }
        for (index, verdict) in zip(range, verdicts) { slots[index] = verdict }
    }

    var values: [LinkResolution] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
