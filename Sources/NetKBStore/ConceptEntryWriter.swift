import Foundation
import GRDB

/// Writes the `concept_sections` rows of one transaction. Entries are held until the notes
/// move on to another bucket, or until ``flush(_:)``, then each concept's are merged into its
/// row for the bucket. A full index saves notes in id order, so each row is written once.
final class ConceptEntryWriter {
    /// Entries not yet written, by concept, all of notes in ``bucket``.
    private var pending: [String: [ConceptSectionBucket.Entry]] = [:]
    private var bucket: Int64?

    /// Holds `entry` of `concept`, first writing what is held when it belongs to another bucket.
    func add(_ concept: String, _ entry: ConceptSectionBucket.Entry, db: Database) throws {
        let entryBucket = ConceptSectionBucket.bucket(of: entry.noteID)
        if entryBucket != bucket {
            try flush(db)
            bucket = entryBucket
        }
        pending[concept, default: []].append(entry)
    }

    /// Writes every entry held.
    func flush(_ db: Database) throws {
        defer { pending.removeAll(keepingCapacity: true) }
        guard let bucket, !pending.isEmpty else { return }
        for concept in pending.keys.sorted() {
            guard let added = pending[concept] else { continue }
            let stored = try Self.row(db, concept: concept, bucket: bucket)
            try Self.write(db, concept: concept, bucket: bucket, (stored ?? ConceptSectionBucket([])).merging(added), existed: stored != nil)
        }
    }

    /// Forgets every entry held (every row is being deleted).
    func discard() {
        pending.removeAll()
        bucket = nil
    }

    /// Removes note `noteID`'s entries of each of `concepts`; returns how many each lost.
    func remove(noteID: Int64, concepts: some Sequence<String>, db: Database) throws -> [String: Int] {
        let noteBucket = ConceptSectionBucket.bucket(of: noteID)
        if bucket == noteBucket { try flush(db) }
        var removed: [String: Int] = [:]
        for concept in concepts {
            guard let stored = try Self.row(db, concept: concept, bucket: noteBucket) else { continue }
            let kept = ConceptSectionBucket(stored.entries.filter { $0.noteID != noteID })
            guard kept.entries.count != stored.entries.count else { continue }
            removed[concept] = stored.entries.count - kept.entries.count
            try Self.write(db, concept: concept, bucket: noteBucket, kept, existed: true)
        }
        return removed
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
