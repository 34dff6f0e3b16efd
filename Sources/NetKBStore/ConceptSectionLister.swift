import Foundation
import GRDB
import NetKBCore

/// Lists the sections that mention a concept, in path and line order, one concept at a time:
/// the notes' paths and the sections' lines and headings are read once, a concept's entries
/// when it is asked for. What `layers --format json` writes concept by concept, so that every
/// concept's sections (6.6 million at 100,000 notes) are never held at once.
final class ConceptSectionLister {
    private let db: Database
    private let notes: (ordered: [(path: String, title: String)], rank: [Int64: Int])
    private var sections: [Int64: (line: Int, heading: String, note: Int64)] = [:]

    init(_ db: Database) throws {
        self.db = db
        notes = try NoteStore.notesInPathOrder(db, ids: nil)
        let rows = try Row.fetchCursor(db, sql: "SELECT id, start_line, heading, note_id FROM sections WHERE concepts != ''")
        while let row = try rows.next() {
            sections[row["id"]] = (row["start_line"], row["heading"], row["note_id"])
        }
    }

    /// The sections that mention `concept`, by note path (bytes) and line.
    func sections(of concept: String) throws -> [SectionReference] {
        var listed: [(rank: Int, line: Int, section: SectionReference)] = []
        for entry in try NoteStore.conceptEntries(db, concept: concept) {
            guard let section = sections[entry.sectionID], let rank = notes.rank[section.note] else { continue }
            let note = notes.ordered[rank]
            listed.append((rank, section.line, SectionReference(
                path: note.path, line: entry.firstLine, heading: section.heading.isEmpty ? note.title : section.heading, count: entry.count)))
        }
        listed.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.line < $1.line }
        return listed.map(\.section)
    }
}

extension NoteStore {
    /// Runs `body` with a function that lists the sections mentioning a concept (by id), in
    /// note path and line order, read one concept at a time.
    public func withConceptSections<T>(_ body: (_ sections: (String) throws -> [SectionReference]) throws -> T) throws -> T {
        try reading { db in
            let lister = try ConceptSectionLister(db)
            return try body(lister.sections(of:))
        }
    }
}
