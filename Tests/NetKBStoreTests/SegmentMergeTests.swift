import GRDB
import Testing
import NetKBCore
@testable import NetKBStore

/// Refreshes add a full-text segment each; merging keeps them few, and the index the same.
@Suite("Segment merging")
struct SegmentMergeTests {
    static func segments(_ store: NoteStore) throws -> Int {
        try store.update { try Int.fetchOne($0.db, sql: "SELECT COUNT(DISTINCT segid) FROM sections_fts_idx") ?? -1 }
    }

    /// 48 refreshes of one note each, merging after each or not.
    static func refreshed(merging: Bool) throws -> NoteStore {
        let store = try NoteStore.inMemory()
        try store.update { transaction in
            // Enough text that the merged segment spans many pages, as a real index's does.
            let body = (0..<200).map { "소켓 \($0) 통신의 끝점 word\($0) 혼잡 제어 흐름" }.joined(separator: " ")
            for number in 0..<100 {
                try transaction.save(LinkedNote(note("n/\(number).md", title: "노트 \(number)", [(["소켓"], "소켓 \(number)\n" + body)])), stamp: stamp)
            }
            try transaction.mergeFullTextSegments()
        }
        for edit in 0..<48 {
            try store.update { transaction in
                try transaction.save(LinkedNote(note("n/\(edit).md", title: "노트 \(edit)", [(["혼잡 제어"], "혼잡 제어 \(edit)\n혼잡제어와 흐름 제어")])), stamp: stamp)
                if merging { try transaction.mergeSmallSegments() }
            }
        }
        return store
    }

    @Test func refreshesLeaveFewSegments() throws {
        let merged = try Self.refreshed(merging: true)
        let unmerged = try Self.refreshed(merging: false)
        let (mergedCount, unmergedCount) = (try Self.segments(merged), try Self.segments(unmerged))
        #expect(unmergedCount > 4, "FTS5 alone leaves more: \(unmergedCount) against \(mergedCount)")
        #expect(mergedCount <= 3)
        for text in ["소켓", "혼잡 제어", "흐름제어", "노트"] {
            let query = SearchQuery(parsing: text)
            let filter = SearchFilter(limit: 50)
            #expect(try merged.search(query, filter: filter).map(\.path) == unmerged.search(query, filter: filter).map(\.path), "\(text)")
        }
    }
}
