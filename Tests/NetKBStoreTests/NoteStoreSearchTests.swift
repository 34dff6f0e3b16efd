import GRDB
import Foundation
import Testing
import NetKBCore
@testable import NetKBStore

@Suite("NoteStore search")
struct NoteStoreSearchTests {
    let index: TemporaryIndex
    let store: NoteStore

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        try store.update { transaction in
            try transaction.save(note("net/tcp.md", [
                (["TCP Handshake"], "TCP Handshake\nSYN, ACK, FIN 용어"),
                (["TCP Handshake", "3 Way Handshake - TCP 연결"], "3 Way Handshake - TCP 연결\n클라이언트는 서버에게 동기화 요청을 보냄"),
                (["TCP Handshake", "데이터 송수신"], "데이터 송수신\n흐름 제어 (Flow Control): 속도 조절\n혼잡제어는 네트워크 상태를 감지"),
            ]), stamp: stamp)
            try transaction.save(note("net/socket.md", tags: ["network"], [
                (["세션과 소켓의 관계"], "세션과 소켓의 관계\n소켓은 네트워크 통신의 끝점이다. 로드 밸런싱 이야기"),
            ]), stamp: stamp)
            try transaction.save(note("misc/scattered.md", [
                (["잡담"], "잡담\n혼잡한 길에서 차량을 제어하는 방법, handshakes everywhere"),
            ]), stamp: stamp)
        }
    }

    func headings(_ text: String, filter: SearchFilter = SearchFilter()) throws -> [String] {
        try store.search(SearchQuery(parsing: text), filter: filter).map(\.heading)
    }

    @Test func koreanWordsAreFoundInsideLongerWords() throws {
        let hits = try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter())
        #expect(hits.map(\.heading) == ["세션과 소켓의 관계"])
        #expect(hits[0].path == "net/socket.md")
        #expect(hits[0].snippet.highlightedParts.allSatisfy { $0 == "소켓" })
        #expect(hits[0].snippet.text.hasPrefix("소켓은 네트워크"), "the snippet leaves out the heading, shown beside it")
        #expect(hits[0].snippet.highlightedParts == ["소켓"])
    }

    @Test func spacingDoesNotMatterInEitherDirection() throws {
        #expect(try headings("흐름제어") == ["데이터 송수신"])
        #expect(try headings("혼잡 제어").first == "데이터 송수신")
        #expect(try headings("로드밸런싱") == ["세션과 소켓의 관계"])
    }

    @Test func wordsStandingTogetherRankAboveScatteredOnes() throws {
        // misc/scattered.md has 혼잡 and 제어 apart; the TCP note has 혼잡제어 together.
        let hits = try headings("혼잡 제어")
        #expect(hits == ["데이터 송수신", "잡담"])
    }

    @Test func englishInflectionDoesNotMatter() throws {
        // 잡담 says "handshakes"; 데이터 송수신 matches only through its parent heading, in a note
        // already shown by its own matches, so it is not a result of its own.
        let hits = try headings("handshake")
        #expect(Set(hits) == ["TCP Handshake", "3 Way Handshake - TCP 연결", "잡담"])
        #expect(Set(try headings("handshakes")) == Set(hits))
        #expect(try headings(#""3 way handshakes""#) == ["3 Way Handshake - TCP 연결"])
    }

    @Test func oneSyllableWordsMatch() throws {
        #expect(try headings("끝").contains("세션과 소켓의 관계"))
        #expect(try headings("점").contains("세션과 소켓의 관계"))
    }

    @Test func headingsRankAboveBodyText() throws {
        let hits = try headings("TCP")
        #expect(hits.first == "TCP Handshake" || hits.first == "3 Way Handshake - TCP 연결")
        // 데이터 송수신 has TCP only in its parent heading: its note is already there.
        #expect(hits.count == 2)
    }

    @Test func operatorsWork() throws {
        #expect(Set(try headings("소켓 OR 클라이언트")) == ["세션과 소켓의 관계", "3 Way Handshake - TCP 연결"])
        #expect(try headings("handshake -클라이언트").contains("3 Way Handshake - TCP 연결") == false)
        #expect(try headings("클라*") == ["3 Way Handshake - TCP 연결"])
    }

    @Test func filtersNarrowResults() throws {
        #expect(try headings("handshake", filter: SearchFilter(pathGlob: "misc/*")) == ["잡담"])
        #expect(try headings("소켓", filter: SearchFilter(tag: "#Network")) == ["세션과 소켓의 관계"])
        #expect(try headings("TCP", filter: SearchFilter(tag: "network")).isEmpty)
        #expect(try headings("TCP", filter: SearchFilter(limit: 1)).count == 1)
    }

    @Test(arguments: [#""TCP"#, "AND OR (", "NEAR(a b)", "a:b", "^x", "{col}: y", "\"\"\"", "tcp*  *"])
    func oddQueriesNeverFail(text: String) throws {
        _ = try store.search(SearchQuery(parsing: text), filter: SearchFilter())
    }

    @Test func aVeryLongQueryIsAnswered() throws {
        let text = String(repeating: "소켓 네트워크 TCP ", count: 1000)
        #expect(text.count > 10_000)
        #expect(try headings(text).isEmpty)
    }

    @Test func aSearchReadsThroughASmallPageCacheAndPutsTheStoresBack() throws {
        let before = try store.reading { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
        #expect(before == -32000, "a writer's connection keeps a large cache for its refreshes")
        let during = try store.reading { db in
            try NoteStore.withSearchPageCache(db) { try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        }
        #expect(during == NoteStore.searchCachePages)
        #expect(try headings("소켓") == ["세션과 소켓의 관계"])
        #expect(try store.reading { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == before)
    }
}

/// Issue 9: a two-syllable word is matched inside words only, never across a word break; a
/// compound of three or more syllables is found with or without one space anywhere in it.
@Suite("NoteStore search precision")
struct NoteStoreSearchPrecisionTests {
    let index: TemporaryIndex
    let store: NoteStore

    /// One note per sentence, named after the sentence's number.
    static let sentences = [
        "목적을 위해 시행하는 절차", "배열을 활용해 시간복잡도를 줄인다", "해시 테이블은 키를 해시한다",
        "칠면조 인터페이스 이야기", "두 테이블을 조인한다", "지속적인 증가 추세", "토큰으로 인증한다",
        "저장소에서 버그를 찾았다", "웹서버를 띄운다", "온라인 자산 관리", "함수에 인자를 넘긴다",
        "추가 설명을 붙인다", "로드 밸런싱을 한다", "가상 메모리를 쓴다", "페이지 교체 알고리즘",
        "운영 체제의 역할", "혼잡제어와 흐름 제어", "운영 방침 체제 정비",
    ]

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        try store.update { transaction in
            for (number, sentence) in Self.sentences.enumerated() {
                try transaction.save(note("s\(number).md", title: "노트", [(["제목"], "제목\n" + sentence)]), stamp: stamp)
            }
        }
    }

    @Test(arguments: [
        ("해시", [2]), ("조인", [4]), ("인증", [6]), ("서버", [8]), ("인자", [10]), ("가설", []), ("설명", [11]),
        ("로드밸런싱", [12]), ("로드 밸런싱", [12]), ("가상메모리", [13]), ("페이지교체", [14]), ("운영체제", [15]),
        ("웹서버", [8]), ("혼잡 제어", [16]), ("\"흐름제어\"", [16]), ("흐름제어", [16]),
    ])
    func wordsAreFoundOnlyWhereTheyStand(query: String, expected: [Int]) throws {
        let hits = try store.search(SearchQuery(parsing: query), filter: SearchFilter(limit: 100))
        #expect(Set(hits.map(\.path)) == Set(expected.map { "s\($0).md" }), "\(query)")
    }
}


@Suite("Sections that hold the words as typed")
struct TypedWordsRankingTests {
    let index: TemporaryIndex
    let store: NoteStore
    static let names: [String: SearchQuery.ConceptNames] = [
        "소켓": .init(conceptID: "socket", names: ["socket", "네트워크 소켓"]),
    ]

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        try store.update { transaction in
            // The English name three times ranks above the Korean word once, but for the boost.
            try transaction.save(note("en.md", [(["Sockets"], "Sockets\nsocket socket socket in English")]), stamp: stamp)
            try transaction.save(note("ko.md", [(["끝점"], "끝점\n소켓은 통신의 끝점이다, 길게 설명하는 문장 하나 더 있다")]), stamp: stamp)
            try transaction.save(note("both.md", [(["둘 다"], "둘 다\n소켓 socket")]), stamp: stamp)
        }
    }

    @Test func sectionsWithTheTypedWordsAreMarkedAndRankFirst() throws {
        let query = SearchQuery(parsing: "소켓").expanded { Self.names[$0] }
        #expect(query.searchesOtherNames)
        let hits = try store.search(query, filter: SearchFilter())
        #expect(Set(hits.prefix(2).map(\.path)) == ["ko.md", "both.md"])
        #expect(hits.map(\.path).last == "en.md")
        #expect(Dictionary(uniqueKeysWithValues: hits.map { ($0.path, $0.matchesTypedWords) }) == ["ko.md": true, "both.md": true, "en.md": false])
    }

    /// A new index holding `notes`, and ten notes with neither word, for bm25's document
    /// frequencies to mean something; and what `소켓` (expanded) ranks there, by either ranking.
    static func ranking(_ notes: [Note], phraseRanking: Bool) throws -> (store: NoteStore, index: TemporaryIndex, query: SearchQuery, ranked: [(id: Int64, rank: Double, typedMatch: Bool)]) {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update { transaction in
            for note in notes { try transaction.save(note, stamp: stamp) }
            for number in 0..<10 {
                try transaction.save(note("other\(number).md", [(["라우터 \(number)"], "라우터 \(number)\n패킷을 전달한다")]), stamp: stamp)
            }
        }
        let query = SearchQuery(parsing: "소켓").expanded { names[$0] }
        let ranked = try store.reading { db in
            try store.rankedSections(
                db, query: query, expression: query.matchExpression!, typed: query.typedPhrases, filter: SearchFilter(),
                phraseRanking: phraseRanking)
        }
        return (store, index, query, ranked)
    }

    static let longText = "소켓으로 " + String(repeating: "여러 문장으로 길게 설명하는 본문이 이어진다 ", count: 40)

    /// However much better another name's section scores, the sections with the words as
    /// typed come first, by either ranking (FTS5's `bm25()` and netkb's own).
    @Test(arguments: [true, false])
    func typedWordsComeFirstWhateverTheScores(phraseRanking: Bool) throws {
        let (store, index, query, ranked) = try Self.ranking([
            note("long.md", [(["프로그래밍"], "프로그래밍\n" + Self.longText)]),
            note("short.md", [(["Socket"], "Socket\nsocket socket socket socket")]),
        ], phraseRanking: phraseRanking)
        defer { withExtendedLifetime(index) {} }
        #expect(ranked.map(\.typedMatch) == [true, false])
        // The section on another name scores higher even with the boost: only its tier puts it second.
        #expect(ranked[1].rank < ranked[0].rank)
        let hits = try store.search(query, filter: SearchFilter())
        #expect(hits.map(\.path) == ["long.md", "short.md"])
        #expect(hits[1].score > hits[0].score)
    }

    /// A section whose context (here its parent heading) holds the words as typed, and whose
    /// own text holds only another name, does not count as holding them: every section of a
    /// note on 소켓 has that in its context.
    @Test(arguments: [true, false])
    func typedWordsInTheContextAloneDoNotCount(phraseRanking: Bool) throws {
        let (store, index, query, ranked) = try Self.ranking([
            note("sockets.md", title: "Notes", [
                (["소켓 프로그래밍"], "소켓 프로그래밍\n" + Self.longText),
                (["소켓 프로그래밍", "끝점"], "끝점\nsocket socket socket socket"),
            ]),
        ], phraseRanking: phraseRanking)
        defer { withExtendedLifetime(index) {} }
        let hits = try store.search(query, filter: SearchFilter())
        #expect(hits.map(\.line) == [1, 11])
        #expect(hits.map(\.matchesTypedWords) == [true, false])
        #expect(ranked.map(\.typedMatch) == [true, false])
    }

    @Test func withAnotherPhraseCountEverySectionCountsAsTyped() throws {
        // What the function says when the numbering it was given does not fit the expression.
        let flags = try store.reading { db in
            try Int.fetchAll(db, sql: """
                SELECT netkb_typed(sections_fts, ?, ?) FROM sections_fts WHERE sections_fts MATCH ? ORDER BY rowid
                """, arguments: ["0", 5, #"("소켓" OR "socket")"#])
        }
        #expect(flags == [1, 1, 1])
        let right = try store.reading { db in
            try Int.fetchAll(db, sql: """
                SELECT netkb_typed(sections_fts, ?, ?) FROM sections_fts JOIN sections s ON s.id = sections_fts.rowid JOIN notes n ON n.id = s.note_id
                WHERE sections_fts MATCH ? ORDER BY n.path
                """, arguments: ["0", 2, #"("소켓" OR "socket")"#])
        }
        #expect(right == [1, 0, 1])  // both.md, en.md, ko.md
    }
}
