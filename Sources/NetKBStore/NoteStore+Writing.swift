import Foundation
import GRDB
import GRDBSQLite
import NetKBCore

extension NoteStore {
    /// The files the index holds with what it recorded of each, in path byte order, packed.
    /// Rows are read in table order with SQLite's own calls and sorted here only if they are
    /// out of order: walking the path index instead would look each row up in the table.
    /// `expected` (how many files, how many bytes of paths) sizes the list at once, so that
    /// 100,000 rows are not copied into ever larger arrays.
    public func indexedFileList(expected: (count: Int, pathBytes: Int) = (0, 0)) throws -> IndexedFileList {
        try reading { db in
            var files = IndexedFileList()
            files.reserveCapacity(expected.count, pathBytes: expected.pathBytes)
            let statement = try db.makeStatement(sql: "SELECT path, modified, size, content_hash FROM notes")
            let handle = statement.sqliteStatement
            defer { sqlite3_reset(handle) }
            while try Self.step(handle, db: db, statement: statement) {
                // The text first, then its length (SQLite's rule for the two calls).
                let text = sqlite3_column_text(handle, 0)
                let length = Int(sqlite3_column_bytes(handle, 0))
                let stamp = FileStamp(
                    changeStamp: sqlite3_column_int64(handle, 1), size: sqlite3_column_int64(handle, 2),
                    contentHash: UInt64(bitPattern: sqlite3_column_int64(handle, 3)))
                files.append(path: UnsafeBufferPointer(start: text, count: text == nil ? 0 : length), stamp: stamp)
            }
            files.sortByPath()
            return files
        }
    }

    /// Runs `changes` in one transaction: all of them are saved, or (on a thrown error) none.
    public func update<T>(_ changes: (IndexTransaction) throws -> T) throws -> T {
        do {
            return try writer.write { db in try IndexTransaction.run(in: db, changes) }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path ?? ":memory:")
        }
    }

    /// The file a full build writes before it is moved into place: `<index>.building`.
    public static func buildingPath(forIndex path: String) -> String { path + ".building" }

    /// Removes what a killed full build left beside the index, if netkb can tell it wrote it.
    /// The caller holds the ``IndexLock``, so no build is under way.
    public static func removeLeftovers(ofIndex path: String) throws {
        let building = buildingPath(forIndex: path)
        for leftover in [building, building + "-journal"] where FileManager.default.fileExists(atPath: leftover) {
            guard IndexFileIdentity.isLeftoverOfOurs(leftover) else {
                throw StoreError.foreign(path: leftover, reason: "netkb builds its index under this name, and cannot tell that it wrote this file")
            }
            guard unlink(leftover) == 0 || errno == ENOENT else {
                throw StoreError.notWritable(path: path, reason: "cannot remove \(leftover): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// The names SQLite gives an index's journals: `<index>-journal`, `-wal` and `-shm`.
    static let journalSuffixes = ["-journal", "-wal", "-shm"]

    /// Fails when a file (or a symbolic link) has the name of a journal of an index not yet
    /// written at `path`: with no netkb index there, netkb did not make it, and SQLite, taking
    /// it for the new index's own, would read it into the index and delete it.
    static func checkNoJournals(ofIndex path: String) throws {
        for suffix in journalSuffixes {
            var status = stat()
            if lstat(path + suffix, &status) == 0 { throw StoreError.inTheWay(path: path + suffix, index: path) }
        }
    }

    /// Writes a whole new index with `changes` into `<index>.building`, then moves it into
    /// place at `path` and opens it. Much faster than ``update(_:)`` for a first or full
    /// build. If `changes` throws, or the process is killed, the index at `path` stays as it
    /// was. The cache of external link checks is carried over from the index being replaced.
    /// The caller has checked ``ownership(of:)`` and holds the ``IndexLock``.
    public static func build<T>(at path: String, _ changes: (IndexTransaction) throws -> T) throws -> (NoteStore, T) {
        let replacing = try ownership(of: path)
        if !replacing { try checkNoJournals(ofIndex: path) }
        try removeLeftovers(ofIndex: path)
        let linkChecks = replacing ? linkChecksToCarryOver(fromIndex: path) : []
        let building = buildingPath(forIndex: path)
        func removeBuilding() {
            for suffix in ["", "-journal"] { unlink(building + suffix) }
        }
        InterruptCleanup.removeOnInterrupt(building)
        defer { InterruptCleanup.clear() }
        let result: T
        do {
            let queue = try DatabaseQueue(path: sqliteFileName(building), configuration: configuration(.bulk))
            try migrator.migrate(queue)
            result = try queue.write { db in
                try insert(linkChecks, into: db)
                return try IndexTransaction.run(in: db, changes)
            }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE")
            }
            try queue.close()
        } catch let error as DatabaseError {
            removeBuilding()
            throw StoreError(error, path: building)
        } catch {
            removeBuilding()
            throw error
        }
        // The old index's journals (a killed run's, or an older netkb's write-ahead log) would
        // be read as the new file's: they go first. The old index is proven netkb's (with no
        // old index, `checkNoJournals` found none).
        for suffix in journalSuffixes where replacing && unlink(path + suffix) != 0 && errno != ENOENT {
            let reason = String(cString: strerror(errno))
            removeBuilding()
            throw StoreError.notWritable(path: path, reason: "cannot remove \(path + suffix): \(reason)")
        }
        guard rename(building, path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeBuilding()
            throw StoreError.notWritable(path: path, reason: reason)
        }
        guard case .current(let store) = try openForWriting(at: path) else {
            throw StoreError.unusable(path: path, reason: "the index just built cannot be opened")
        }
        return (store, result)
    }
}

/// The changes of one indexing run, inside its transaction.
public struct IndexTransaction {
    let db: Database
    /// The concepts whose counts ``recountConcepts()`` must bring up to date.
    let recount = ConceptRecount()
    /// The concept entries written, held until a bucket of notes is done or the changes end
    /// (see ``run(in:_:)``).
    let conceptEntries: ConceptEntryWriter

    init(db: Database) {
        self.db = db
        conceptEntries = ConceptEntryWriter(recount: recount)
    }

    /// Runs `changes` on a transaction of `db`'s, then writes what it still holds.
    static func run<T>(in db: Database, _ changes: (IndexTransaction) throws -> T) throws -> T {
        let transaction = IndexTransaction(db: db)
        let result = try changes(transaction)
        try transaction.conceptEntries.flush(db)
        return result
    }

    /// Removes every note.
    public func removeAll() throws {
        try db.execute(sql: """
            INSERT INTO sections_fts(sections_fts) VALUES ('delete-all');
            DELETE FROM concept_sections; DELETE FROM note_topics;
            DELETE FROM tags; DELETE FROM note_references; DELETE FROM links; DELETE FROM sections;
            DELETE FROM note_names; DELETE FROM note_anchors; DELETE FROM notes;
            """)
        recount.all = true
        conceptEntries.discard()
    }

    /// Removes the note at `path`, if the index has it; returns the lookup keys it answered to
    /// (see ``LinkLookupKey``), whose links must be resolved again.
    @discardableResult
    public func remove(path: String) throws -> Set<String> {
        guard let id = try noteID(path: path) else { return [] }
        let keys = try self.keys(noteID: id)
        try removeContent(noteID: id)
        try db.execute(sql: "DELETE FROM notes WHERE id = ?", arguments: [id])
        return keys
    }

    /// The lookup keys the note answers to.
    func keys(noteID: Int64) throws -> Set<String> {
        Set(try String.fetchAll(db.cachedStatement(sql: "SELECT key FROM note_names WHERE note_id = ?"), arguments: [noteID]))
    }

    /// Records a new modification time and size for a note whose content did not change.
    public func touch(path: String, stamp: FileStamp) throws {
        try db.cachedStatement(sql: "UPDATE notes SET modified = ?, size = ?, content_hash = ? WHERE path = ?")
            .execute(arguments: [stamp.changeStamp, stamp.size, Int64(bitPattern: stamp.contentHash), path])
    }

    /// Adds a note, or replaces the one at the same path. Returns the lookup keys (see
    /// ``LinkLookupKey``) whose links must be resolved again: the note's old and new keys when
    /// it is new or its names, headings or anchors changed; none otherwise.
    /// `tags` are what the note's sections mention (see ``ConceptTagger``); nil leaves it untagged.
    @discardableResult
    public func save(_ note: Note, stamp: FileStamp, tags: NoteTags? = nil) throws -> Set<String> {
        try save(LinkedNote(note), stamp: stamp, tags: tags)
    }

    /// Adds a note whose link bookkeeping is already worked out (see ``LinkedNote``).
    @discardableResult
    /// `texts` are its sections' stored texts when they were made ahead (see ``StoredSectionText``).
    public func save(_ linked: LinkedNote, stamp: FileStamp, tags: NoteTags? = nil, texts: [StoredSectionText]? = nil) throws -> Set<String> {
        let note = linked.note
        let aliases = note.frontMatter.aliases.joined(separator: "\n")
        // Front-matter text besides the title is searched with every section, as the title is.
        let about = StoredSectionText.aboutText(of: note)
        let catalogEntry = linked.catalogEntry
        let namesHash = Int64(bitPattern: linked.namesHash)
        let noteID: Int64
        var affected = LinkLookupKey.of(catalogEntry)
        // When what other notes see of this note is unchanged, so is every verdict on a link it
        // keeps: those are carried over, and only its new links wait to be resolved.
        var keptVerdicts: [String: Row] = [:]
        if let existing = try self.noteID(path: note.path) {
            let oldHash = try Int64.fetchOne(db.cachedStatement(sql: "SELECT names_hash FROM notes WHERE id = ?"), arguments: [existing])
            if oldHash == namesHash {
                affected = []
                for row in try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT kind, target, status, broken_kind, reason, suggestion, target_path, target_section
                    FROM links WHERE note_id = ? AND status IS NOT NULL
                    """), arguments: [existing]) {
                    keptVerdicts[Self.verdictKey(kind: row["kind"], target: row["target"])] = row
                }
            } else {
                affected.formUnion(try keys(noteID: existing))
            }
            try removeContent(noteID: existing)
            try db.cachedStatement(sql: """
                UPDATE notes SET title = ?, aliases = ?, about = ?, modified = ?, size = ?, content_hash = ?, names_hash = ?, dominant_layer = ? WHERE id = ?
                """).execute(arguments: [
                    note.title, aliases, about, stamp.changeStamp, stamp.size, Int64(bitPattern: stamp.contentHash), namesHash,
                    tags?.dominantLayer?.rawValue, existing,
                ])
            noteID = existing
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO notes (path, title, aliases, about, modified, size, content_hash, names_hash, dominant_layer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    note.path, note.title, aliases, about, stamp.changeStamp, stamp.size, Int64(bitPattern: stamp.contentHash), namesHash,
                    tags?.dominantLayer?.rawValue,
                ])
            noteID = db.lastInsertedRowID
        }
        let nameInsert = try BoundStatement(db, sql: "INSERT INTO note_names (note_id, kind, name, key) VALUES (?, ?, ?, ?)")
        func insertName(_ kind: String, _ name: String, _ key: String) throws {
            try nameInsert.run { $0.add(noteID); $0.add(kind); $0.add(name); $0.add(key) }
        }
        try insertName("file", String(NotePath.fileName(of: note.path)), LinkLookupKey.ofFile(note.path))
        try insertName("title", note.title, LinkLookupKey.ofFile(note.title))
        for alias in note.frontMatter.aliases {
            try insertName("alias", alias, LinkLookupKey.ofFile(alias))
        }
        let insertAnchor = try db.cachedStatement(sql: "INSERT INTO note_anchors (note_id, kind, name) VALUES (?, ?, ?)")
        for anchor in note.anchorIDs { try insertAnchor.execute(arguments: [noteID, "id", anchor]) }
        for block in note.blockIDs { try insertAnchor.execute(arguments: [noteID, "block", block]) }
        let slugs = catalogEntry.slugs
        var slugOfSection: [Int: String] = [:]
        for (heading, slug) in zip(catalogEntry.headings, slugs) {
            if let index = heading.sectionIndex { slugOfSection[index] = slug }
        }

        let insertSection = try BoundStatement(db, sql: """
            INSERT INTO sections (note_id, ordinal, level, heading_path, start_line, end_line, heading, context, body, body_bytes, slug, text_map, layers, mentioned_layers, concepts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertText = try BoundStatement(db, sql: "INSERT INTO sections_fts (rowid, heading, context, body) VALUES (?, ?, ?, ?)")
        var sectionIDs: [Int64] = []
        sectionIDs.reserveCapacity(note.sections.count)
        for (ordinal, section) in note.sections.enumerated() {
            let headingPath = section.headingPath.joined(separator: HeadingPathCoding.separator)
            let stored = texts.flatMap { $0.indices.contains(ordinal) ? $0[ordinal] : nil }
                ?? StoredSectionText(section: section, noteTitle: note.title, about: about)
            let context = stored.context
            let sectionTags = tags.flatMap { $0.sections.indices.contains(ordinal) ? $0.sections[ordinal] : nil }
            try insertSection.run {
                $0.add(noteID); $0.add(ordinal); $0.add(section.level); $0.add(headingPath)
                $0.add(section.startLine); $0.add(section.endLine)
                $0.add(stored.heading); $0.add(context); $0.add(stored.body); $0.add(stored.body.utf8.count)
                $0.add(slugOfSection[ordinal] ?? ""); $0.add(blob: stored.map.encoded)
                $0.add(LayerMask.of(sectionTags?.layers ?? [])); $0.add(LayerMask.of(sectionTags?.mentionedLayers ?? []))
                $0.add(SectionConceptList.encode(sectionTags))
            }
            let sectionID = db.lastInsertedRowID
            sectionIDs.append(sectionID)
            try PretokenizedText.shared.offering(stored.tokens) {
                try insertText.run { $0.add(sectionID); $0.add(stored.heading); $0.add(context); $0.add(stored.body) }
            }
            if let sectionTags { try insertConcepts(sectionTags, section: sectionID, note: noteID) }
        }
        if let tags { try saveTopics(tags, noteID: noteID, path: note.path, savingDominantLayer: false) }
        func sectionID(_ index: Int) -> Int64? {
            sectionIDs.indices.contains(index) ? sectionIDs[index] : nil
        }

        let insertLink = try BoundStatement(db, sql: """
            INSERT INTO links (note_id, section_id, target, text, kind, line, col, target_key,
                               status, broken_kind, reason, suggestion, target_path, target_section)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (link, key) in zip(note.links, linked.linkKeys) {
            let kept = keptVerdicts.isEmpty ? nil : keptVerdicts[Self.verdictKey(kind: link.kind.rawValue, target: link.target)]
            try insertLink.run {
                $0.add(noteID); $0.add(sectionID(link.sectionIndex)); $0.add(link.target); $0.add(link.text)
                $0.add(link.kind.rawValue); $0.add(link.location.line); $0.add(link.location.column); $0.add(key)
                $0.add(kept?["status"] as String?); $0.add(kept?["broken_kind"] as String?); $0.add(kept?["reason"] as String?)
                $0.add(kept?["suggestion"] as String?); $0.add(kept?["target_path"] as String?); $0.add(kept?["target_section"] as Int64?)
            }
        }
        let insertReference = try BoundStatement(db, sql: """
            INSERT INTO note_references (note_id, section_id, url, label, description, line, col, normalized_url, domain, is_image,
                                         section_line, heading_path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for reference in note.references {
            let section = note.sections.indices.contains(reference.sectionIndex) ? note.sections[reference.sectionIndex] : nil
            try insertReference.run {
                $0.add(noteID); $0.add(sectionID(reference.sectionIndex)); $0.add(reference.url); $0.add(reference.label)
                $0.add(reference.description); $0.add(reference.location.line); $0.add(reference.location.column)
                $0.add(reference.normalizedURL); $0.add(reference.domain); $0.add(reference.isImage)
                $0.add(section?.startLine); $0.add(section.map { $0.headingPath.joined(separator: HeadingPathCoding.separator) })
            }
        }
        let insertTag = try BoundStatement(db, sql: "INSERT INTO tags (note_id, name, line) VALUES (?, ?, ?)")
        for tag in note.tags {
            try insertTag.run { $0.add(noteID); $0.add(tag.name); $0.add(tag.line) }
        }
        return affected
    }

    static func verdictKey(kind: String, target: String) -> String { kind + "\u{1F}" + target }

    func noteID(path: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM notes WHERE path = ?"), arguments: [path])
    }

    /// Removes a note's sections (and their full-text entries), links, references and tags.
    func removeContent(noteID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sections_fts (sections_fts, rowid, heading, context, body)
            SELECT 'delete', id, heading, context, body FROM sections WHERE note_id = ?
            """).execute(arguments: [noteID])
        // The entries are keyed by concept: each concept the note's sections mention, once.
        var mentioned = Set<String>()
        for list in try String.fetchAll(db.cachedStatement(sql: "SELECT concepts FROM sections WHERE note_id = ? AND concepts != ''"), arguments: [noteID]) {
            mentioned.formUnion(SectionConceptList.ids(in: list))
        }
        try conceptEntries.remove(noteID: noteID, concepts: mentioned.sorted(), db: db)
        for table in ["tags", "note_references", "links", "sections", "note_names", "note_anchors", "note_topics"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE note_id = ?").execute(arguments: [noteID])
        }
    }
}

/// How a heading path is kept in one column.
enum HeadingPathCoding {
    static let separator = "\u{1F}"

    static func decode(_ text: String) -> [String] {
        var text = text
        return text.withUTF8(decode)
    }

    /// The heading path whose stored text has these UTF-8 bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        decode(bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// The heading path whose stored text has these UTF-8 bytes, each heading's bytes made
    /// into a String by `heading`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, heading: (UnsafeBufferPointer<UInt8>) -> String) -> [String] {
        guard !bytes.isEmpty else { return [] }
        // Split on the byte, not through Foundation: `refs` decodes tens of thousands.
        var parts: [String] = []
        parts.reserveCapacity(bytes.reduce(1) { $1 == 0x1F ? $0 + 1 : $0 })
        var start = 0
        for index in bytes.indices where bytes[index] == 0x1F {
            parts.append(heading(UnsafeBufferPointer(rebasing: bytes[start..<index])))
            start = index + 1
        }
        parts.append(heading(UnsafeBufferPointer(rebasing: bytes[start...])))
        return parts
    }
}

extension NoteStore {
    /// How many notes, sections and links the index holds.
    public func totals() throws -> (notes: Int, sections: Int, links: Int) {
        try reading { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM notes) AS notes, (SELECT COUNT(*) FROM sections) AS sections,
                       (SELECT COUNT(*) FROM links) AS links
                """)!
            return (row["notes"], row["sections"], row["links"])
        }
    }
}
