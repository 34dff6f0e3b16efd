import Foundation
import GRDB
import NetKBCore

extension NoteStore {
    /// The files the index holds, with what it recorded of each.
    public func indexedFiles() throws -> [String: FileStamp] {
        try dbQueue.read { db in
            var files: [String: FileStamp] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, modified, size, content_hash FROM notes")
            while let row = try rows.next() {
                files[row[0]] = FileStamp(modified: row[1], size: row[2], contentHash: UInt64(bitPattern: row[3]))
            }
            return files
        }
    }

    /// Runs `changes` in one transaction: all of them are saved, or (on a thrown error) none.
    public func update<T>(_ changes: (IndexTransaction) throws -> T) throws -> T {
        try dbQueue.write { db in try changes(IndexTransaction(db: db)) }
    }

    /// Writes a whole new index with `changes` into a file beside this one, then moves it into
    /// place and returns the store to use from then on; this store is closed. Much faster than
    /// ``update(_:)`` for a first or full build. If `changes` throws, the index stays as it was.
    public func replacingAll<T>(_ changes: (IndexTransaction) throws -> T) throws -> (NoteStore, T) {
        let building = path + ".building"
        func removeBuilding() {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        }
        removeBuilding()
        let result: T
        do {
            let queue = try Self.makeQueue(path: building, mode: .bulk)
            try Self.migrator.migrate(queue)
            result = try queue.write { db in try changes(IndexTransaction(db: db)) }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL")
            }
            try queue.close()
        } catch {
            removeBuilding()
            throw error
        }
        // Empty the old index's write-ahead log so that nothing of it outlives the move.
        try dbQueue.writeWithoutTransaction { db in _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try dbQueue.close()
        guard rename(building, path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeBuilding()
            throw StoreError.notWritable(path: path, reason: reason)
        }
        return (try NoteStore.open(at: path), result)
    }
}

/// The changes of one indexing run, inside its transaction.
public struct IndexTransaction {
    let db: Database

    /// Removes every note.
    public func removeAll() throws {
        try db.execute(sql: """
            INSERT INTO sections_fts(sections_fts) VALUES ('delete-all');
            DELETE FROM tags; DELETE FROM note_references; DELETE FROM links; DELETE FROM sections; DELETE FROM notes;
            """)
    }

    /// Removes the note at `path`, if the index has it.
    public func remove(path: String) throws {
        guard let id = try noteID(path: path) else { return }
        try removeContent(noteID: id)
        try db.execute(sql: "DELETE FROM notes WHERE id = ?", arguments: [id])
    }

    /// Records a new modification time and size for a note whose content did not change.
    public func touch(path: String, stamp: FileStamp) throws {
        try db.cachedStatement(sql: "UPDATE notes SET modified = ?, size = ?, content_hash = ? WHERE path = ?")
            .execute(arguments: [stamp.modified, stamp.size, Int64(bitPattern: stamp.contentHash), path])
    }

    /// Adds a note, or replaces the one at the same path.
    public func save(_ note: Note, stamp: FileStamp) throws {
        let aliases = note.frontMatter.aliases.joined(separator: "\n")
        let noteID: Int64
        if let existing = try self.noteID(path: note.path) {
            try removeContent(noteID: existing)
            try db.cachedStatement(sql: """
                UPDATE notes SET title = ?, aliases = ?, modified = ?, size = ?, content_hash = ? WHERE id = ?
                """).execute(arguments: [note.title, aliases, stamp.modified, stamp.size, Int64(bitPattern: stamp.contentHash), existing])
            noteID = existing
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO notes (path, title, aliases, modified, size, content_hash) VALUES (?, ?, ?, ?, ?, ?)
                """).execute(arguments: [note.path, note.title, aliases, stamp.modified, stamp.size, Int64(bitPattern: stamp.contentHash)])
            noteID = db.lastInsertedRowID
        }

        let insertSection = try db.cachedStatement(sql: """
            INSERT INTO sections (note_id, ordinal, level, heading_path, start_line, end_line, heading, context, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertText = try db.cachedStatement(sql: "INSERT INTO sections_fts (rowid, heading, context, body) VALUES (?, ?, ?, ?)")
        var sectionIDs: [Int64] = []
        sectionIDs.reserveCapacity(note.sections.count)
        for (ordinal, section) in note.sections.enumerated() {
            let context = ([note.title] + section.headingPath.dropLast()).joined(separator: " › ")
            let headingPath = section.headingPath.joined(separator: HeadingPathCoding.separator)
            let body = String(section.body)
            try insertSection.execute(arguments: [
                noteID, ordinal, section.level, headingPath, section.startLine, section.endLine,
                section.heading, context, body,
            ])
            let sectionID = db.lastInsertedRowID
            sectionIDs.append(sectionID)
            try insertText.execute(arguments: [sectionID, section.heading, context, body])
        }
        func sectionID(_ index: Int) -> Int64? {
            sectionIDs.indices.contains(index) ? sectionIDs[index] : nil
        }

        let insertLink = try db.cachedStatement(sql: """
            INSERT INTO links (note_id, section_id, target, text, kind, line, col) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for link in note.links {
            try insertLink.execute(arguments: [
                noteID, sectionID(link.sectionIndex), link.target, link.text, link.kind.rawValue,
                link.location.line, link.location.column,
            ])
        }
        let insertReference = try db.cachedStatement(sql: """
            INSERT INTO note_references (note_id, section_id, url, label, description, line, col) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for reference in note.references {
            try insertReference.execute(arguments: [
                noteID, sectionID(reference.sectionIndex), reference.url, reference.label, reference.description,
                reference.location.line, reference.location.column,
            ])
        }
        let insertTag = try db.cachedStatement(sql: "INSERT INTO tags (note_id, name, line) VALUES (?, ?, ?)")
        for tag in note.tags {
            try insertTag.execute(arguments: [noteID, tag.name, tag.line])
        }
    }

    func noteID(path: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM notes WHERE path = ?"), arguments: [path])
    }

    /// Removes a note's sections (and their full-text entries), links, references and tags.
    func removeContent(noteID: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO sections_fts (sections_fts, rowid, heading, context, body)
            SELECT 'delete', id, heading, context, body FROM sections WHERE note_id = ?
            """).execute(arguments: [noteID])
        for table in ["tags", "note_references", "links", "sections"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE note_id = ?").execute(arguments: [noteID])
        }
    }
}

/// How a heading path is kept in one column.
enum HeadingPathCoding {
    static let separator = "\u{1F}"

    static func decode(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: separator)
    }
}

extension NoteStore {
    /// How many notes, sections and links the index holds.
    public func totals() throws -> (notes: Int, sections: Int, links: Int) {
        try dbQueue.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM notes), (SELECT COUNT(*) FROM sections), (SELECT COUNT(*) FROM links)
                """)!
            return (row[0], row[1], row[2])
        }
    }
}
