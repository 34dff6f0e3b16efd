import Testing
@testable import NetKBCore

@Suite("SearchQuery")
struct SearchQueryTests {
    @Test(arguments: [
        ("소켓", #""소켓""#),
        ("혼잡 제어", #""혼잡" AND "제어""#),
        (#""3 way handshake""#, #""3 way handshake""#),
        ("TCP OR UDP", #"("TCP" OR "UDP")"#),
        ("TCP -QUIC", #""TCP" NOT "QUIC""#),
        ("hand*", #""hand"*"#),
        ("소켓 TCP OR UDP -QUIC -x", #""소켓" AND ("TCP" OR "UDP") NOT "QUIC" NOT "x""#),
        ("값", #""값"*"#),
        ("7계층", #"("7" AND "계층")"#),
        ("OSI 7계층", #""OSI" AND ("7" AND "계층")"#),
        ("TCP/IP", #""TCP/IP""#),
        (#"say "hi"#, #""say" AND "hi""#),
        ("AND OR (", #""AND" AND "OR""#),
        ("a OR", #""a" AND "OR""#),
        (#"x""y"#, #""x""""y""#),
    ])
    func translation(input: String, expected: String) {
        #expect(SearchQuery(parsing: input).matchExpression == expected)
    }

    @Test(arguments: ["", "   ", "*", "-", "( )", "\"", "-word", "-a -b"])
    func nothingToSearchFor(input: String) {
        let query = SearchQuery(parsing: input)
        #expect(query.isEmpty)
        #expect(query.matchExpression == nil)
    }

    @Test func quotesInsideWordsCannotBreakOut() {
        let expression = SearchQuery(parsing: #"a"b" OR NEAR(x"#).matchExpression
        #expect(expression == #"("a""b""" OR "NEAR(x")"#)
    }

    @Test func unclosedQuoteRunsToTheEnd() {
        let query = SearchQuery(parsing: #""TCP"#)
        #expect(query.required == [[SearchQuery.Term(text: "TCP", isPhrase: true)]])
    }

    @Test func adjacencyPhraseJoinsPlainWordsAsTyped() {
        #expect(SearchQuery(parsing: "혼잡 제어").adjacencyExpression == #""혼잡 제어""#)
        #expect(SearchQuery(parsing: "7계층").adjacencyExpression == #""7계층""#)
        #expect(SearchQuery(parsing: "소켓").adjacencyExpression == nil)
        #expect(SearchQuery(parsing: "TCP OR UDP").adjacencyExpression == nil)
    }

    @Test func longQueriesKeepTheirFirstWords() {
        let words = (0..<2000).map { "w\($0)" }.joined(separator: " ")
        let query = SearchQuery(parsing: words)
        #expect(query.required.count == SearchQuery.maximumTerms)
        #expect(query.droppedTerms == 2000 - SearchQuery.maximumTerms)
    }

    @Test func inputIsNormalisedToNFC() {
        let nfd = "소켓".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > 2)
        #expect(SearchQuery(parsing: nfd).matchExpression?.unicodeScalars.elementsEqual(#""소켓""#.unicodeScalars) == true)
    }

    /// Whether a section matches by holding any one phrase: what lets search count each
    /// phrase's sections among those it reads.
    @Test(arguments: [
        ("소켓", true), ("\"3 way handshake\"", true), ("TCP OR UDP", true), ("sock*", true), ("소", true),
        ("혼잡 제어", false), ("TCP와", false), ("소켓 -세션", false), ("TCP OR \"a b\" 버퍼", false), ("7계층", false),
    ])
    func everyPhraseMatchesAloneOnlyForOneGroupOfSinglePhrases(_ text: String, expected: Bool) {
        #expect(SearchQuery(parsing: text).phrasesMatchingAlone.allSatisfy { $0 } == expected, "\(text)")
    }

    /// A concept's other names are more phrases joined by OR: one word stays so, two words
    /// that name a concept do not (their typed form is both words).
    @Test(arguments: [("소켓", true), ("혼잡 제어", false), ("소켓 버퍼", false)])
    func otherNamesKeepOneWordAPhraseJoinedByOR(_ text: String, expected: Bool) {
        let names = ["소켓": ["socket", "Berkeley sockets"], "혼잡 제어": ["congestion control"]]
        let query = SearchQuery(parsing: text).expanded { words in
            names[words].map { SearchQuery.ConceptNames(conceptID: words, names: $0) }
        }
        #expect(!query.expansions.isEmpty, "\(text) is expanded")
        #expect(query.phrasesMatchingAlone.allSatisfy { $0 } == expected, "\(text)")
    }

    /// Which phrases a section matches by holding alone, one entry per phrase of the
    /// expression in FTS5's order, with concepts' other names and without.
    @Test(arguments: [
        ("소켓", [true, true, true]), ("혼잡 제어", [false, false, true]), ("TCP OR UDP", [true, true]),
        ("TCP와", [false, false]), ("소켓 -세션", [false, false, false, false]), ("소켓 버퍼", [false, false, false, false]),
        ("TCP OR \"a b\" 버퍼", [false, false, false]), ("\"3 way handshake\"", [true]), ("!!!", []),
    ])
    func phrasesMatchingAloneAreTheAlternativesOfTheirOwn(_ text: String, expected: [Bool]) {
        let names = ["소켓": ["socket", "Berkeley sockets"], "혼잡 제어": ["congestion control"]]
        let query = SearchQuery(parsing: text).expanded { words in
            names[words].map { SearchQuery.ConceptNames(conceptID: words, names: $0) }
        }
        #expect(query.phrasesMatchingAlone == expected, "\(text): \(query.matchExpression ?? "nil")")
        #expect(query.phrasesMatchingAlone.count == query.typedPhrases.phraseCount, "\(text): one entry per phrase")
    }
}
