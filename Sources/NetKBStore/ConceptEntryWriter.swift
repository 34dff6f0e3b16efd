import Foundation
import GRDB

/// Writes the `concept_sections` rows of one transaction. Entries added and notes removed are
/// held until the notes move on to another bucket, or until ``flush(_:)``; then each concept's
/// row for the bucket is read once, loses the removed notes' entries, gains the added ones and
/// is written once. A full index saves notes in id order, so each row is written once; a
/// refresh of many notes of one bucket rewrites each of its rows once, not once a note (which
/// made updating 2,000 of 10,000 notes spend most of its time decoding and encoding rows).
final class ConceptEntryWriter {
    /// Entries not yet written, by concept, all of notes in ``bucket``.
    private var pending: [String: [ConceptSectionBucket.Entry]] = [:]
    /// Notes of ``bucket`` whose stored entries of a concept are to go, by concept.
    private var removing: [String: Set<Int64>] = [:]
    private var bucket: Int64?
    /// Where the entries removed are counted (those added are counted as they are tagged).
    private let recount: ConceptRecount

    init(recount: ConceptRecount) {
        self.recount = recount
    }

    /// Holds `entry` of `concept`, first writing what is held when it belongs to another bucket.
    func add(_ concept: String, _ entry: ConceptSectionBucket.Entry, db: Database) throws {
        try enter(ConceptSectionBucket.bucket(of: entry.noteID), db: db)
        pending[concept, default: []].append(entry)
    }

    /// Removes note `noteID`'s entries of each of `concepts`, from the rows when the bucket is
    /// written and from what is held at once.
    func remove(noteID: Int64, concepts: some Sequence<String>, db: Database) throws {
        try enter(ConceptSectionBucket.bucket(of: noteID), db: db)
        for concept in concepts {
            removing[concept, default: []].insert(noteID)
            if let held = pending[concept] {
                let kept = held.filter { $0.noteID != noteID }
                recount.add(concept, kept.count - held.count)
                pending[concept] = kept
            }
        }
    }

    /// Writes what is held when `next` is another bucket, and makes `next` the bucket held.
    private func enter(_ next: Int64, db: Database) throws {
        guard next != bucket else { return }
        try flush(db)
        bucket = next
    }

    /// Writes every change held.
    func flush(_ db: Database) throws {
        defer {
            pending.removeAll(keepingCapacity: true)
            removing.removeAll(keepingCapacity: true)
        }
        guard let bucket, !pending.isEmpty || !removing.isEmpty else { return }
        for concept in Set(pending.keys).union(removing.keys).sorted() {
            let stored = try Self.row(db, concept: concept, bucket: bucket)
            var row = stored ?? ConceptSectionBucket([])
            if let notes = removing[concept] {
                let kept = row.entries.filter { !notes.contains($0.noteID) }
                recount.add(concept, kept.count - row.entries.count)
                row = ConceptSectionBucket(kept)
            }
            if let added = pending[concept], !added.isEmpty { row = row.merging(added) }
            guard row != stored else { continue }
            try Self.write(db, concept: concept, bucket: bucket, row, existed: stored != nil)
        }
    }

    /// Forgets every change held (every row is being deleted).
    func discard() {
        pending.removeAll()
        removing.removeAll()
        bucket = nil
    }

    static func row(_ db: Database, concept: String, bucket: Int64) throws -> ConceptSectionBucket? {
        let data = try Data.fetchOne(
            db.cachedStatement(sql: "SELECT entries FROM concept_sections WHERE concept_id = ? AND bucket = ?"), arguments: [concept, bucket])
        return data.map { ConceptSectionBucket(encoded: [UInt8]($0)) }
    }

    /// Writes a row, or deletes it when it has no entries. A new row is inserted with `OR
    /// IGNORE`, which can never stop half done, so SQLite opens no statement savepoint for it
    /// (one would make FTS5 flush the terms it holds).
    static func write(_ db: Database, concept: String, bucket: Int64, _ row: ConceptSectionBucket, existed: Bool) throws {
        if row.entries.isEmpty {
            if existed {
                try db.cachedStatement(sql: "DELETE FROM concept_sections WHERE concept_id = ? AND bucket = ?").execute(arguments: [concept, bucket])
            }
            return
        }
        let blob = Data(row.encoded)
        if existed {
            try db.cachedStatement(sql: "UPDATE concept_sections SET entry_count = ?, entries = ? WHERE concept_id = ? AND bucket = ?")
                .execute(arguments: [row.entries.count, blob, concept, bucket])
        } else {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO concept_sections (concept_id, bucket, entry_count, entries) VALUES (?, ?, ?, ?)")
                .execute(arguments: [concept, bucket, row.entries.count, blob])
        }
    }
}
