import Foundation
import GRDB
import Testing
import NetKBCore
@testable import NetKBStore

/// The shortcuts of a full index (tokens made ahead, indexes built at the end) give the same
/// index as the plain way.
@Suite("Bulk loading")
struct BulkLoadTests {
    let notes: [Note] = [
        Note(path: "a.md", title: "소켓 정리", sections: [
            Section(headingPath: [], level: 0, startLine: 1, endLine: 2, text: "서문: 소켓은 TCP handshakes를 쓴다."),
            Section(headingPath: ["흐름 제어"], level: 2, startLine: 3, endLine: 9,
                    text: "흐름 제어\n혼잡제어와 흐름 제어는 다르다. Sliding windows, ACKs, 3-way handshake. 가상 메모리"),
            Section(headingPath: ["흐름 제어", ""], level: 3, startLine: 10, endLine: 10, text: ""),
        ]),
        Note(path: "b/영어.md", title: "English", sections: [
            Section(headingPath: ["Routers"], level: 1, startLine: 1, endLine: 4,
                    text: "Routers\nA router forwards packets; 라우터는 패킷을 전달한다. Café naïve ÀÉ 😀 \u{1F}"),
        ]),
    ]

    /// Every (term, row, column, offset) the full-text index holds.
    func instances(_ store: NoteStore) throws -> [String] {
        try store.update { transaction in
            let db = transaction.db
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, sections_fts, 'instance')")
            return try Row.fetchAll(db, sql: "SELECT term, doc, col, offset FROM temp.vocab ORDER BY term, doc, col, offset")
                .map { "\($0["term"] as String) \($0["doc"] as Int64) \($0["col"] as String) \($0["offset"] as Int64)" }
        }
    }

    func index(_ texts: (Note) -> [StoredSectionText]?) throws -> NoteStore {
        let store = try NoteStore.inMemory()
        try store.update { transaction in
            for note in notes { try transaction.save(LinkedNote(note), stamp: stamp, texts: texts(note)) }
        }
        return store
    }

    @Test func tokensMadeAheadGiveTheSameFullTextIndex() throws {
        let plain = try instances(index { _ in nil })
        #expect(plain.count > 40)
        let ahead = try index { StoredSectionText.of($0, tokenizer: KoreanAwareTokenizer()) }
        #expect(try instances(ahead) == plain)
        // The texts made ahead are what is stored.
        let search = try ahead.search(SearchQuery(parsing: "흐름제어"), filter: SearchFilter(limit: 5))
        #expect(!search.isEmpty && Set(search.map(\.path)) == ["a.md"])
    }

    @Test func tokensOfAnotherTextAreNeverReplayed() throws {
        let plain = try instances(index { _ in nil })
        // Each section's streams swapped for those of other text: the tokenizer sees that the
        // text is not theirs and tokenizes it itself.
        let wrong = try index { note in
            StoredSectionText.of(note, tokenizer: KoreanAwareTokenizer()).map { text in
                var text = text
                text.tokens = ["전혀 다른 글", "other", "다른 본문 text"].compactMap { TokenStream(recording: $0) }
                return text
            }
        }
        #expect(try instances(wrong) == plain)
    }

    @Test func suspendedIndexesComeBackAsTheyWere() throws {
        let store = try NoteStore.inMemory()
        let before = try store.indexStatements()
        #expect(before.count > 10)
        try store.update { transaction in
            let suspended = try transaction.suspendSecondaryIndexes()
            #expect(try store.readingInTransaction(transaction) == 0)
            for note in notes { try transaction.save(LinkedNote(note), stamp: stamp) }
            try transaction.restore(suspended)
        }
        #expect(try store.indexStatements() == before)
        // The unique index on note paths stayed: a second save of a path replaces the note.
        _ = try store.update { transaction in try transaction.save(LinkedNote(notes[1]), stamp: stamp) }
        #expect(try store.totals().notes == 2)
    }
}

extension BulkLoadTests {
    /// A full build makes its indexes again in three steps around link resolution: between
    /// them, every index once, the one on what resolving writes last.
    @Test func thePhasesOfAFullBuildRestoreEveryIndexOnce() throws {
        let store = try NoteStore.inMemory()
        let before = try store.indexStatements()
        try store.update { transaction in
            let phases = try transaction.suspendSecondaryIndexes().byPhase
            let names = [phases.beforeResolving, phases.whileResolving, phases.afterResolving].map { $0.indexes.map(\.name) }
            #expect(names.joined().count == before.count)
            #expect(Set(names.joined()).count == before.count)
            #expect(names[2] == ["links_by_target"])
            #expect(!names[0].isEmpty && phases.beforeResolving.indexes.allSatisfy { ["links", "note_references"].contains($0.table) })
            #expect(!names[1].isEmpty && phases.whileResolving.indexes.allSatisfy { !["links", "note_references"].contains($0.table) })
            for note in notes { try transaction.save(LinkedNote(note), stamp: stamp) }
            try transaction.restore(phases.beforeResolving)
            try transaction.restore(phases.whileResolving)
            try transaction.restore(phases.afterResolving)
        }
        #expect(try store.indexStatements() == before)
    }

    /// While a new file is loaded FTS5 merges nothing (each transaction here leaves a segment
    /// of its own); the final merge makes one and lets FTS5 merge as it goes again.
    @Test func mergesWaitForTheEndOfABuild() throws {
        // Enough text that each segment spans many pages: FTS5 merges by pages written.
        let body = (0..<1_000).map { "소켓 \($0) 통신의 끝점 word\($0) 혼잡 제어 흐름" }.joined(separator: " ")
        let copies = (0..<12).map { note("n/\($0).md", title: "노트 \($0)", [(["소켓"], "소켓 \($0)\n" + body)]) }
        func automerge(_ store: NoteStore) throws -> Int? {
            try store.update { try Int.fetchOne($0.db, sql: "SELECT v FROM sections_fts_config WHERE k = 'automerge'") }
        }
        func segments(_ store: NoteStore) throws -> Int {
            try store.update { try Int.fetchOne($0.db, sql: "SELECT COUNT(DISTINCT segid) FROM sections_fts_idx") ?? -1 }
        }
        func loaded(holding: Bool) throws -> NoteStore {
            let store = try NoteStore.inMemory()
            if holding { try store.update { try $0.holdFullTextMerges() } }
            for note in copies {
                _ = try store.update { transaction in try transaction.save(LinkedNote(note), stamp: stamp) }
            }
            return store
        }
        let held = try loaded(holding: true)
        #expect(try automerge(held) == 0)
        #expect(try segments(held) == copies.count)
        #expect(try segments(loaded(holding: false)) < copies.count, "FTS5 merges as it goes by default")
        try held.update { try $0.mergeFullTextSegments() }
        #expect(try segments(held) == 1)
        #expect(try automerge(held) == IndexTransaction.defaultAutomerge)
    }

    /// Merging leaves one segment and the same index: every instance, and the same answers.
    @Test func mergedSegmentsHoldTheSameIndex() throws {
        let store = try NoteStore.inMemory()
        // Each note in a transaction of its own: a segment each.
        for note in notes + notes.map({ Note(path: "copy/" + $0.path, title: $0.title, sections: $0.sections) }) {
            _ = try store.update { transaction in try transaction.save(LinkedNote(note), stamp: stamp) }
        }
        func segments() throws -> Int {
            try store.update { try Int.fetchOne($0.db, sql: "SELECT COUNT(DISTINCT segid) FROM sections_fts_idx") ?? -1 }
        }
        let before = try instances(store)
        let found = try store.search(SearchQuery(parsing: "흐름제어"), filter: SearchFilter(limit: 5)).map(\.path)
        #expect(try segments() > 1)
        try store.update { try $0.mergeFullTextSegments() }
        #expect(try segments() == 1)
        #expect(try instances(store) == before)
        #expect(try store.search(SearchQuery(parsing: "흐름제어"), filter: SearchFilter(limit: 5)).map(\.path) == found)
    }
}

extension NoteStore {
    /// The `CREATE INDEX` statements of the schema, by index name.
    func indexStatements() throws -> [String] {
        try reading { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        }
    }

    /// How many secondary indexes the schema has, seen from inside `transaction`.
    func readingInTransaction(_ transaction: IndexTransaction) throws -> Int {
        try Int.fetchOne(transaction.db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL") ?? -1
    }
}
