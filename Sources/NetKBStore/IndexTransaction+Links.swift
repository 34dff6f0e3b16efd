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
    /// (a full build builds its indexes and merges its full-text segments then); at most
    /// `overlapLimit` links are held for that.
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
        // The links to resolve, in batches whose rows are read, resolved and written one at a
        // time, so memory stays bounded however many links there are. Every link is pending when
        // the rules changed (always so in a new file): the first ``overlappedLinks`` of them are
        // then resolved while `meanwhile` runs; the rest, and all links otherwise, after it.
        let batches: [LinkBatch]
        let detailed: Set<Int64>?
        if rulesChanged {
            let overlapped = meanwhile != nil ? max(1, overlapLimit) : 0
            batches = try everyLink(firstBatch: overlapped)
            let count = batches.reduce(0) { $0 + $1.count }
            detailed = count < Self.fewLinks ? try relevantNotes(forLinks: Int64.fetchAll(db, sql: "SELECT id FROM links")) : nil
        } else {
            var pending = try Int64.fetchAll(db, sql: "SELECT id FROM links WHERE status IS NULL")
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
            batches = stride(from: 0, to: pending.count, by: Self.chunk).map {
                .ids(Array(pending[$0..<min(pending.count, $0 + Self.chunk)]))
            }
            detailed = pending.isEmpty ? nil : try relevantNotes(forLinks: pending)
        }
        guard !batches.isEmpty else {
            try meanwhile?()
            return 0
        }
        let resolver = LinkResolver(catalog: try catalog(detailFor: detailed), repository: repository)
        let update = try BoundStatement(db, sql: """
            UPDATE links SET status = ?, broken_kind = ?, reason = ?, suggestion = ?, target_path = ?, target_section = ? WHERE id = ?
            """)
        let overlapsFirst = meanwhile != nil && rulesChanged
        if let meanwhile, !overlapsFirst { try meanwhile() }
        for (number, batch) in batches.enumerated() {
            let work: [LinkToResolve]
            switch batch {
            case .range(let first, let last, let count): work = try linksToResolve(between: first, and: last, count: count)
            case .ids(let ids): work = try linksToResolve(ids)
            }
            // Resolving is pure and most of the work: it runs on every core, the writes after it.
            let verdicts = ResolutionSlots(count: work.count)
            if let meanwhile, overlapsFirst, number == 0 {
                let group = DispatchGroup()
                DispatchQueue.global().async(group: group) { Self.resolveConcurrently(work, with: resolver, into: verdicts) }
                try meanwhile()
                group.wait()
            } else {
                Self.resolveConcurrently(work, with: resolver, into: verdicts)
            }
            for (item, verdict) in zip(work, verdicts.take()) {
                try update.run { values in
                    switch verdict! {
                    case .external:
                        values.add("external"); for _ in 0..<5 { values.addNull() }
                    case .ok(let path, let section):
                        values.add("ok"); values.addNull(); values.addNull(); values.addNull()
                        values.add(path); values.add(section)
                    case .broken(let broken):
                        values.add("broken"); values.add(broken.kind.rawValue); values.add(broken.reason)
                        values.add(broken.suggestion); values.addNull(); values.addNull()
                    }
                    values.add(item.id)
                }
            }
        }
        return batches.reduce(0) { $0 + $1.count }
    }

    /// How many links a full build resolves while it builds its indexes; the rest are resolved
    /// afterwards, a chunk at a time. Sized for a 10,000-note vault's links at once.
    public static let overlappedLinks = 131_072

    /// How many links are read, resolved and written at a time otherwise.
    static let chunk = 8_192

    /// Fewer links than this are resolved with the headings of the notes they can reach only.
    static let fewLinks = 5_000

    /// Every link, in id order: `firstBatch` links (when more than 0), then ``chunk`` at a time.
    func everyLink(firstBatch: Int) throws -> [LinkBatch] {
        var batches: [LinkBatch] = []
        var size = firstBatch > 0 ? firstBatch : Self.chunk
        var first: Int64?
        var last: Int64 = 0
        var count = 0
        let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM links ORDER BY id")
        while let id = try ids.next() {
            if first == nil { first = id }
            last = id
            count += 1
            if count == size {
                batches.append(.range(first: first!, last: last, count: count))
                (first, count, size) = (nil, 0, Self.chunk)
            }
        }
        if let first { batches.append(.range(first: first, last: last, count: count)) }
        return batches
    }

    /// The links with these ids, with the paths of their notes.
    func linksToResolve(_ ids: [Int64]) throws -> [LinkToResolve] {
        try links(from: Row.fetchCursor(db, sql: """
            SELECT l.id, l.target, l.kind, n.path FROM links l JOIN notes n ON n.id = l.note_id
            WHERE l.id IN (\(sqlParameterList(count: ids.count)))
            """, arguments: StatementArguments(ids)), expected: ids.count)
    }

    /// The `count` links whose ids are between `first` and `last`, with the paths of their notes.
    func linksToResolve(between first: Int64, and last: Int64, count: Int) throws -> [LinkToResolve] {
        try links(from: Row.fetchCursor(db, sql: """
            SELECT l.id, l.target, l.kind, n.path FROM links l JOIN notes n ON n.id = l.note_id
            WHERE l.id BETWEEN ? AND ?
            """, arguments: [first, last]), expected: count)
    }

    private func links(from rows: RowCursor, expected: Int) throws -> [LinkToResolve] {
        // Read through a cursor: the rows are turned into links one at a time, never all held.
        var links: [LinkToResolve] = []
        links.reserveCapacity(expected)
        var path = ""
        while let row = try rows.next() {
            // A note's links come together: its path is made once.
            let rowPath: String = row["path"]
            if rowPath != path { path = rowPath }
            links.append(LinkToResolve(
                id: row["id"], target: row["target"], kind: LinkKind(rawValue: row["kind"]) ?? .markdown, path: path))
        }
        return links
    }

    /// Each link's verdict, worked out on all cores in chunks, into `slots` in order.
    private static func resolveConcurrently(_ links: [LinkToResolve], with resolver: LinkResolver, into slots: ResolutionSlots) {
        let chunk = 2_048
        let chunks = (links.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            let range = (index * chunk)..<min(links.count, (index + 1) * chunk)
            slots.fill(range, with: range.map { StoredVerdict(resolver.resolve(links[$0].link, from: links[$0].path)) })
        }
    }

    /// The rules links were resolved by: when they change, every link is resolved again.
    static func rules(_ repository: RepositoryURL?) -> String {
        "rules 1; repository \(repository.map { "\($0.owner)/\($0.name)/\($0.notesFolder)" } ?? "-")"
    }

    /// The notes whose headings and anchors resolving `links` can need: the notes that hold
    /// them and the notes whose names they look up; nil (every note) when that is most of them.
    func relevantNotes(forLinks links: [Int64]) throws -> Set<Int64>? {
        let notes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes") ?? 0
        guard links.count < Self.fewLinks, notes > 200 else { return nil }
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
        let aliasRows = try Row.fetchCursor(db, sql: "SELECT note_id, name FROM note_names WHERE kind = 'alias'")
        while let row = try aliasRows.next() {
            aliases[row["note_id"], default: []].append(row["name"])
        }
        var anchors: [Int64: Set<String>] = [:]
        var blocks: [Int64: Set<String>] = [:]
        let anchorRows = try Row.fetchCursor(db, sql: "SELECT note_id, kind, name FROM note_anchors")
        while let row = try anchorRows.next() {
            if row["kind"] as String == "block" { blocks[row["note_id"], default: []].insert(row["name"]) }
            else { anchors[row["note_id"], default: []].insert(row["name"]) }
        }
        var ids: [Int64] = []
        var paths: [String] = []
        var titles: [String] = []
        let noteRows = try Row.fetchCursor(db, sql: "SELECT id, path, title FROM notes ORDER BY id")
        while let row = try noteRows.next() {
            ids.append(row["id"])
            paths.append(row["path"])
            titles.append(row["title"])
        }
        var notes = [CatalogNote?](repeating: nil, count: ids.count)
        func entry(_ position: Int, headings: [NoteHeading] = [], slugs: [String]? = nil) -> CatalogNote {
            let id = ids[position]
            return CatalogNote(
                path: paths[position], title: titles[position], aliases: aliases[id] ?? [], headings: headings,
                anchorIDs: anchors[id] ?? [], blockIDs: blocks[id] ?? [], slugs: slugs)
        }
        // The headings are read in the order they were written, which keeps each note's together
        // and in order; each note's are packed into its entry as soon as they are all read, so
        // that no more than one note's are ever held as separate strings. A note whose headings
        // come apart (never written so) has them put together and in order again.
        var current: (position: Int, headings: [NoteHeading], slugs: [String])?
        func finish() {
            guard let (position, read, readSlugs) = current else { return }
            current = nil
            var (headings, slugs) = (read, readSlugs)
            if let earlier = notes[position] {
                headings = earlier.headings + headings
                slugs = earlier.slugs + slugs
            }
            if zip(headings, headings.dropFirst()).contains(where: { ($0.sectionIndex ?? 0) > ($1.sectionIndex ?? 0) }) {
                let order = headings.indices.sorted { (headings[$0].sectionIndex ?? 0) < (headings[$1].sectionIndex ?? 0) }
                headings = order.map { headings[$0] }
                slugs = order.map { slugs[$0] }
            }
            notes[position] = entry(position, headings: headings, slugs: slugs)
        }
        // With no note to detail, no heading is read at all.
        let sections = try Row.fetchCursor(
            db, sql: "SELECT note_id, ordinal, level, heading, slug FROM sections WHERE level > 0 AND ? ORDER BY id",
            arguments: [detailed?.isEmpty != true])
        while let row = try sections.next() {
            let note: Int64 = row["note_id"]
            if let detailed, !detailed.contains(note) { continue }
            if current.map({ ids[$0.position] }) != note {
                finish()
                guard let position = Self.position(of: note, in: ids) else { continue }
                current = (position, [], [])
            }
            current!.headings.append(NoteHeading(text: row["heading"], level: row["level"], sectionIndex: row["ordinal"]))
            current!.slugs.append(row["slug"])
        }
        finish()
        return NoteCatalog(
            notes: notes.indices.map { notes[$0] ?? entry($0) }, otherFiles: try String.fetchAll(db, sql: "SELECT path FROM files"))
    }

    /// Where `id` is in `ids`, sorted.
    private static func position(of id: Int64, in ids: [Int64]) -> Int? {
        var low = 0
        var high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id ? low : nil
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
    private var slots: [StoredVerdict?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func fill(_ range: Range<Int>, with verdicts: [StoredVerdict]) {
        lock.lock()
        defer { lock.unlock() }
        for (index, verdict) in zip(range, verdicts) { slots[index] = verdict }
    }

    /// The verdicts, every slot filled; the slots are left empty.
    func take() -> [StoredVerdict?] {
        lock.lock()
        defer { lock.unlock() }
        defer { slots = [] }
        return slots
    }
}
