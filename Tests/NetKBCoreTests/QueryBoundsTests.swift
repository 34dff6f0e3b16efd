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
