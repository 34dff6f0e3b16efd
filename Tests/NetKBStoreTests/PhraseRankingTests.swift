import GRDB
import NetKBTestSupport
import Testing
import NetKBCore
@testable import NetKBStore

/// Ranking a search of phrases joined by OR from what FTS5 reads of each row must give what
/// SQL's `bm25()` gives: the same sections, in the same order, with ranks equal bit for bit.
@Suite("Phrase ranking")
struct PhraseRankingTests {
    let index: TemporaryIndex
    let store: NoteStore

    static let words = [
        "소켓", "소켓은", "socket", "sockets", "Berkeley", "버퍼", "혼잡", "제어", "혼잡제어", "congestion", "control",
        "TCP", "UDP", "handshake", "3-way", "핸드셰이크", "라우터", "router", "세션", "연결", "수립", "the", "a", "통신",
    ]

    /// Notes of seeded random words, so that phrases appear in few and in most sections, in
    /// headings, titles and text, and sections differ in length.
    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        var random = SeededGenerator(state: 7)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
        }
        var notes: [Note] = []
        for number in 0..<60 {
            let sections = (0..<Int.random(in: 1...4, using: &random)).map { _ -> (heading: [String], text: String) in
                let heading = text(Int.random(in: 1...3, using: &random))
                return ([heading], heading + "\n" + text(Int.random(in: 0...40, using: &random)))
            }
            notes.append(note("n/\(number).md", title: text(2), sections))
        }
        try store.update { transaction in
            for note in notes { try transaction.save(note, stamp: stamp) }
        }
    }

    static let names: [String: [String]] = [
        "소켓": ["소켓", "socket", "Berkeley sockets"],
        "혼잡 제어": ["혼잡 제어", "congestion control"],
        "tcp": ["TCP", "전송 제어 프로토콜"],
        "3-way handshake": ["3-way handshake", "3-way 핸드셰이크", "연결 수립", "TCP handshake"],
    ]

    static func query(_ text: String) -> SearchQuery {
        SearchQuery(parsing: text).expanded { words in
            names[words.lowercased()].map { SearchQuery.ConceptNames(conceptID: words, names: $0) }
        }
    }

    /// Queries of phrases joined by OR: plain words, concept names, phrases, prefixes, OR.
    static let anyPhrase = ["소켓", "TCP", "socket", "\"3-way handshake\"", "라우터 OR router", "소*", "sock*", "the", "세션", "혼잡제어"]

    @Test(arguments: anyPhrase, [1, 5, 20, 1000])
    func ranksAsBM25Does(_ text: String, limit: Int) throws {
        let query = Self.query(text)
        #expect(query.matchesAnyPhrase, "\(text) is phrases joined by OR")
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let filter = SearchFilter(limit: limit)
        let (phraseRanked, reference) = try store.reading { db in
            (try store.rankedByPhraseFrequencies(db, expression, adjacency: query.adjacencyExpression, typed: typed, limit: limit),
             try store.rankedSections(db, query: query, expression: expression, typed: typed, filter: filter, phraseRanking: false))
        }
        let fast = try #require(phraseRanked, "\(text): the rows came out in the order the function recorded them")
        #expect(!reference.isEmpty, "\(text) finds sections")
        #expect(fast.map(\.id) == reference.map(\.id), "\(text): the same sections in the same order")
        #expect(fast.map(\.rank.bitPattern) == reference.map(\.rank.bitPattern), "\(text): the same ranks")
        #expect(fast.map(\.typedMatch) == reference.map(\.typedMatch), "\(text): the same typed matches")
    }

    @Test(arguments: ["소켓 버퍼", "혼잡 제어", "TCP와", "소켓 -세션", "TCP OR \"연결 수립\" 버퍼"])
    func otherQueriesAreNotPhrasesJoinedByOR(_ text: String) {
        #expect(!Self.query(text).matchesAnyPhrase)
    }
}
