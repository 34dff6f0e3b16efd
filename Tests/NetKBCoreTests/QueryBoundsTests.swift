import Testing
@testable import NetKBCore

/// A query's size is bounded in tokens, whatever shape it takes: many words, long phrases, OR chains.
@Suite("Query bounds")
struct QueryBoundsTests {
    func tokenCount(_ query: SearchQuery) -> Int {
        let tokenizer = KoreanAwareTokenizer()
        // Positions: a spaced alternative (a colocated token) shares its bigram's position.
        return (query.required.joined() + query.excluded).reduce(0) { $0 + tokenizer.tokens(in: $1.text, mode: .query).filter { !$0.colocated }.count }
    }

    @Test(arguments: [
        "\"" + String(repeating: "word ", count: 200_000) + "\"",
        Array(repeating: "a", count: 100_000).joined(separator: " OR "),
        String(repeating: "가나다라마바사", count: 50_000),
        Array(repeating: "\"소켓 통신 프로그래밍\"", count: 10_000).joined(separator: " "),
    ])
    func aHugeQueryKeepsAtMostTheTokenBudget(input: String) {
        let query = SearchQuery(parsing: input)
        #expect(!query.isEmpty)
        #expect(tokenCount(query) <= SearchQuery.maximumTokens)
        #expect(query.required.joined().count + query.excluded.count <= SearchQuery.maximumTerms)
        #expect(query.droppedTerms > 0)
        #expect((query.matchExpression?.utf8.count ?? 0) < 20_000)
    }

    @Test func anOrdinaryQueryIsNotCut() {
        let query = SearchQuery(parsing: "소켓 \"3 way handshake\" TCP OR UDP -QUIC")
        #expect(query.droppedTerms == 0)
        #expect(query.matchExpression == #""소켓" AND "3 way handshake" AND ("TCP" OR "UDP") NOT "QUIC""#)
    }
}

/// Snippets of long sections, cut in one pass around the first match.
@Suite("SnippetCutter")
struct SnippetCutterTests {
    @Test func theFirstMatchIsHighlightedWithContextAroundIt() {
        let text = String(repeating: "앞부분 이야기 ", count: 5000) + "여기서 소켓을 연다 " + String(repeating: "소켓 ", count: 100_000)
        let snippet = SnippetCutter(query: SearchQuery(parsing: "소켓")).snippet(of: text)
        #expect(snippet.text.hasPrefix("…"))
        #expect(snippet.text.hasSuffix("…"))
        #expect(snippet.text.contains("여기서 소켓을 연다"))
        #expect(snippet.highlightedParts.first == "소켓")
        #expect(snippet.text.count < 400)
    }

    @Test func englishWordsMatchTheirInflections() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "handshake")).snippet(of: "Two handshakes happen here.")
        #expect(snippet.highlightedParts == ["handshakes"])
    }

    @Test func aOneSyllableWordMatchesTheStartOfARun() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "망")).snippet(of: "이것은 망이론 이야기")
        #expect(snippet.highlightedParts == ["망이"])
    }

    @Test func withoutAMatchTheTextStartIsShown() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "없음")).snippet(of: String(repeating: "단어 ", count: 1000))
        #expect(snippet.highlights.isEmpty)
        #expect(snippet.text.hasPrefix("단어 단어"))
        #expect(snippet.text.count < 450)
    }

    @Test func markersInTextCannotFakeAHighlight() {
        #expect(HighlightedText.withoutMarkers("a\u{02}b\u{03}c").unicodeScalars.map(\.value) == [0x61, 0xFFFD, 0x62, 0xFFFD, 0x63])
    }
}
