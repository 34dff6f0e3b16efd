import Foundation
import GRDB
import NetKBCore
import NetKBTestSupport
import Testing
@testable import NetKBStore

/// A concept's entries packed by bucket of notes: the encoding, merging, and what a
/// transaction writes, moves between buckets and removes.
@Suite("ConceptSectionBucket")
struct ConceptSectionBucketTests {
    typealias Entry = ConceptSectionBucket.Entry

    static func randomEntries(_ random: inout SeededGenerator, count: Int) -> [Entry] {
        var entries: [Entry] = []
        var note = Int64.random(in: 1...1_000, using: &random)
        for _ in 0..<count {
            note += Int64.random(in: 0...2, using: &random)
            // A note saved again has section ids above those of the notes after it.
            entries.append(Entry(
                noteID: note, sectionID: Int64.random(in: 1...5_000_000, using: &random),
                count: Int.random(in: 1...40, using: &random), firstLine: Int.random(in: 1...100_000, using: &random)))
        }
        return entries.sorted { $0.precedes($1) }
    }

    @Test(arguments: 0..<5)
    func readsBackWhatItWrites(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let bucket = ConceptSectionBucket(Self.randomEntries(&random, count: Int.random(in: 0...400, using: &random)))
        #expect(ConceptSectionBucket(encoded: bucket.encoded) == bucket)
    }

    @Test func damagedBytesGiveTheEntriesBeforeTheDamage() {
        let entries = [Entry(noteID: 3, sectionID: 10, count: 2, firstLine: 5), Entry(noteID: 4, sectionID: 7, count: 1, firstLine: 300)]
        let bytes = ConceptSectionBucket(entries).encoded
        #expect(ConceptSectionBucket(encoded: Array(bytes.dropLast())).entries == [entries[0]])
        #expect(ConceptSectionBucket(encoded: []).entries.isEmpty)
        #expect(ConceptSectionBucket(encoded: [0xFF]).entries.isEmpty)
        #expect(ConceptSectionBucket(encoded: [0x7F, 0x01]).entries.isEmpty, "a count larger than the entries that follow")
    }

    @Test func mergingReplacesASectionsEntryAndKeepsOrder() {
        let stored = ConceptSectionBucket([
            Entry(noteID: 1, sectionID: 1, count: 1, firstLine: 1), Entry(noteID: 2, sectionID: 5, count: 1, firstLine: 9),
        ])
        let merged = stored.merging([Entry(noteID: 2, sectionID: 5, count: 3, firstLine: 2), Entry(noteID: 1, sectionID: 9, count: 1, firstLine: 4)])
        #expect(merged.entries == [
            Entry(noteID: 1, sectionID: 1, count: 1, firstLine: 1), Entry(noteID: 1, sectionID: 9, count: 1, firstLine: 4),
            Entry(noteID: 2, sectionID: 5, count: 3, firstLine: 2),
        ])
    }

    @Test func bucketsHoldConsecutiveNoteIDs() {
        #expect(ConceptSectionBucket.bucket(of: 0) == 0 && ConceptSectionBucket.bucket(of: 255) == 0)
        #expect(ConceptSectionBucket.bucket(of: 256) == 1 && ConceptSectionBucket.bucket(of: 1_000_000) == 3_906)
    }

    static func tags(_ concepts: [(String, Int, Int)]) -> SectionTags {
        SectionTags(concepts: concepts.map { SectionConcept(conceptID: $0.0, count: $0.1, line: $0.2) })
    }

    /// Entries of notes in several buckets, written by transactions as a full index and a
    /// refresh write them, read back per concept in note order, and removed note by note.
    @Test(arguments: 0..<3)
    func transactionsWriteMoveAndRemoveEntries(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let store = try NoteStore.inMemory()
        let concepts = ["tcp", "udp", "소켓", "ip"]
        var expected: [String: [Entry]] = [:]
        var section: Int64 = 0
        func write(notes: some Sequence<Int64>, in transaction: IndexTransaction) throws {
            for note in notes {
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    section += 1
                    let chosen = concepts.filter { _ in Bool.random(using: &random) }
                    let mentions = chosen.map { ($0, Int.random(in: 1...5, using: &random), Int.random(in: 1...50, using: &random)) }
                    try transaction.insertConcepts(Self.tags(mentions), section: section, note: note)
                    for (concept, count, line) in mentions {
                        expected[concept, default: []].append(Entry(noteID: note, sectionID: section, count: count, firstLine: line))
                    }
                }
            }
        }
        func check(_ label: String) throws {
            try store.reading { db in
                for concept in concepts {
                    let read = try NoteStore.conceptEntries(db, concept: concept)
                    let wanted = (expected[concept] ?? []).sorted { $0.precedes($1) }
                    #expect(read == wanted, "\(label): \(concept)")
                    let counted = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(entry_count), 0) FROM concept_sections WHERE concept_id = ?", arguments: [concept])
                    #expect(counted == wanted.count, "\(label): \(concept) counted")
                }
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM concept_sections WHERE entry_count = 0") == 0, "\(label): no empty rows")
            }
        }
        // A full index: notes in id order over four buckets, written as it moves on and at commit.
        try store.update { try write(notes: 1...900, in: $0) }
        try check("full")
        // A refresh: notes removed from several buckets, one saved again with newer sections,
        // new notes after the last.
        var removed = Set<Int64>()
        while removed.count < 40 { removed.insert(Int64.random(in: 1...900, using: &random)) }
        try store.update { transaction in
            let before = expected.mapValues(\.count)
            for note in removed.sorted() {
                try transaction.conceptEntries.remove(noteID: note, concepts: concepts, db: transaction.db)
                for concept in concepts { expected[concept]?.removeAll { $0.noteID == note } }
            }
            // Removals are written, and counted, bucket by bucket.
            try transaction.conceptEntries.flush(transaction.db)
            for concept in concepts {
                #expect((transaction.recount.change[concept] ?? 0) == (expected[concept]?.count ?? 0) - (before[concept] ?? 0), "\(concept)")
            }
            try write(notes: [Int64(removed.sorted()[0])], in: transaction)
            try write(notes: 901...960, in: transaction)
        }
        try check("refreshed")
        // A note removed and saved again within one bucket, the bucket not yet written, and a
        // note saved then removed before its bucket is written: counted once each.
        try store.update { transaction in
            let note = Int64(removed.sorted()[1])
            let before = expected.mapValues(\.count)
            try transaction.conceptEntries.remove(noteID: note, concepts: concepts, db: transaction.db)
            for concept in concepts { expected[concept]?.removeAll { $0.noteID == note } }
            try write(notes: [note, 961], in: transaction)
            try transaction.conceptEntries.remove(noteID: 961, concepts: concepts, db: transaction.db)
            for concept in concepts { expected[concept]?.removeAll { $0.noteID == 961 } }
            try transaction.conceptEntries.flush(transaction.db)
            for concept in concepts {
                #expect((transaction.recount.change[concept] ?? 0) == (expected[concept]?.count ?? 0) - (before[concept] ?? 0), "again: \(concept)")
            }
        }
        try check("saved again")
        // A transaction that fails leaves the entries as they were.
        struct Failure: Error {}
        let kept = expected
        #expect(throws: Failure.self) {
            try store.update { transaction in
                try write(notes: 961...1_300, in: transaction)
                throw Failure()
            }
        }
        expected = kept
        try check("after a failed transaction")
    }

    @Test func theSQLFunctionListsASectionsIDsAsJSON() throws {
        let store = try NoteStore.inMemory()
        try store.update { transaction in
            try transaction.insertConcepts(Self.tags([("tcp", 1, 1)]), section: 7, note: 1)
            try transaction.insertConcepts(Self.tags([("tcp", 2, 3), ("udp", 1, 3)]), section: 8, note: 1)
            try transaction.insertConcepts(Self.tags([("tcp", 1, 1)]), section: 900, note: 300)
        }
        try store.reading { db in
            ConceptSectionIDsFunction.register(db)
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM (SELECT 7 AS id UNION SELECT 8 UNION SELECT 9 UNION SELECT 900) WHERE "
                + ConceptSectionIDsFunction.condition(column: "id", concepts: "(?)") + " ORDER BY id", arguments: ["tcp"])
            #expect(ids == [7, 8, 900])
            let udp = try String.fetchOne(db, sql: "SELECT \(ConceptSectionIDsFunction.name)(entries) FROM concept_sections WHERE concept_id = 'udp'")
            #expect(udp == "[8]")
            #expect(try String.fetchOne(db, sql: "SELECT \(ConceptSectionIDsFunction.name)(x'FF')") == "[]")
        }
    }
}
