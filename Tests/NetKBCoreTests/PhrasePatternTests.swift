@testable import NetKBCore
import Testing

@Suite("Phrases that hold other phrases")
struct PhrasePatternTests {
    @Test(arguments: [
        // (longer, shorter, whether every match of the longer is a match of the shorter)
        ("네트워크 소켓", "소켓", true),
        ("소켓 API", "소켓", true),
        ("TCP 프로토콜", "TCP", true),
        ("socket programming", "socket", true),
        ("소켓", "네트워크 소켓", false),
        // Not inflections: `sockets` is left to the stemmer, which the core does not run.
        ("Berkeley sockets", "socket", false),
        // Three syllables accept the spaced form of each bigram (`로드 밸`), two do not.
        ("로드밸런싱", "로드", false),
        ("로드 밸런싱", "밸런싱", true),
        ("로드밸런싱", "밸런싱", true),
        ("전송 제어 프로토콜", "제어", true),
        ("", "소켓", false),
        ("소켓", "", false),
        ("!!!", "!!!", false),
    ])
    func holds(_ longer: String, _ shorter: String, _ expected: Bool) {
        #expect(PhrasePattern(longer).holds(PhrasePattern(shorter)) == expected)
    }

    @Test func namesThatHoldTheTypedWordsOrAShorterNameAreNotSearched() {
        let names: [String: SearchQuery.ConceptNames] = [
            "소켓": .init(conceptID: "socket", names: [
                "소켓", "Socket", "네트워크 소켓", "socket API", "BSD socket", "Berkeley sockets", "버클리 소켓",
            ]),
            "혼잡 제어": .init(conceptID: "congestion-control", names: ["TCP 혼잡 제어", "congestion control", "TCP congestion control"]),
        ]
        let socket = SearchQuery(parsing: "소켓").expanded { names[$0] }
        // Users still see every other name; the index is asked only for what can add a match.
        #expect(socket.expansions[0].added == ["Socket", "네트워크 소켓", "socket API", "BSD socket", "Berkeley sockets", "버클리 소켓"])
        #expect(socket.expansions[0].searched == ["Socket", "Berkeley sockets"])
        #expect(socket.matchExpression == #"("소켓" OR "Socket" OR "Berkeley sockets")"#)
        #expect(socket.searchesOtherNames)
        // Words typed apart are each held by the name: `TCP 혼잡 제어` adds nothing.
        let congestion = SearchQuery(parsing: "혼잡 제어").expanded { names[$0] }
        #expect(congestion.expansions[0].searched == ["congestion control"])
        #expect(congestion.matchExpression == #"(("혼잡" AND "제어") OR "congestion control")"#)
    }

    @Test func aQueryWhoseOtherNamesAllHoldItSearchesAsTyped() {
        let names: [String: SearchQuery.ConceptNames] = ["TCP": .init(conceptID: "tcp", names: ["TCP 프로토콜", "TCP protocol"])]
        let query = SearchQuery(parsing: "TCP").expanded { names[$0] }
        #expect(query.expansions[0].added == ["TCP 프로토콜", "TCP protocol"])
        #expect(query.expansions[0].searched.isEmpty)
        #expect(!query.searchesOtherNames)
        #expect(query.matchExpression == query.typed.matchExpression)
    }

    @Test func aLoneSyllableIsHeldByANameWithThatSyllable() {
        // `망` is searched as a prefix; a name holding the syllable `망` matches only where it does.
        let names: [String: SearchQuery.ConceptNames] = ["망": .init(conceptID: "network", names: ["망 관리", "통신망", "network"])]
        let query = SearchQuery(parsing: "망").expanded { names[$0] }
        #expect(query.expansions.first?.searched == ["통신망", "network"])
    }
}

@Suite("Where the typed words stand among a query's phrases")
struct TypedPhrasesTests {
    /// The quoted strings of an FTS5 expression, in order.
    static func phrases(_ expression: String) -> [String] {
        var result: [String] = []
        var current: String?
        var scalars = Array(expression.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\"" else { current?.unicodeScalars.append(scalar); continue }
            if current == nil { current = ""; continue }
            if scalars.first == "\"" { current?.unicodeScalars.append(scalar); scalars.removeFirst(); continue }
            result.append(current!)
            current = nil
        }
        return result
    }

    @Test(arguments: [
        "소켓", "혼잡 제어 socket -UDP", "TCP와 소켓", "\"3 way handshake\" 망", "TCP OR UDP 소켓", "a\"\"b 소켓",
    ])
    func typedGroupsPointAtTheTypedPhrases(_ text: String) throws {
        let names: [String: SearchQuery.ConceptNames] = [
            "소켓": .init(conceptID: "socket", names: ["Socket", "네트워크 소켓", "Berkeley sockets"]),
            "혼잡 제어": .init(conceptID: "congestion-control", names: ["congestion control"]),
            "socket": .init(conceptID: "socket", names: ["소켓"]),
            "3 way handshake": .init(conceptID: "three-way-handshake", names: ["Three-way handshake"]),
        ]
        let query = SearchQuery(parsing: text).expanded { names[$0] }
        let expression = try #require(query.matchExpression)
        let written = Self.phrases(expression)
        let (groups, count) = query.typedPhrases
        #expect(count == written.count, "\(expression)")
        #expect(groups.count == query.required.count)
        // Each group's alternatives are the typed terms' own phrases, in the expression's numbering.
        for (group, terms) in zip(groups, query.required) {
            #expect(group.count == terms.count)
            for (phrases, term) in zip(group, terms) {
                #expect(phrases.map { written[$0] } == Self.phrases(SearchQuery.expression(for: term)), "\(expression)")
            }
        }
    }

    @Test func aQuotedStringWithoutTokensIsNoPhrase() {
        #expect(SearchQuery.phraseCount(in: #""TCP" AND "!!!" OR "a""b""#) == 2)
    }
}
