import NetKBTestSupport
import Testing
@testable import NetKBCore

/// A snippet's scan stops once its window is settled: the snippet must be exactly the one that
/// reading the whole text gives.
@Suite("SettledWindow")
struct SettledWindowTests {
    static let queries = [
        "소켓", "TCP", "혼잡 제어", "\"3 way handshake\"", "가상메모리", "TCP와", "망", "conn*", "소켓 -패킷",
        "라우터 스위치 허브", "handshake", "7계층",
    ]
    static let pieces = [
        "소켓", "소켓은", "소켓을", "패킷", "혼잡", "제어", "혼잡제어", "가상", "메모리", "가상메모리", "TCP", "TCP와",
        "UDP와", "망", "통신망", "3", "way", "handshake", "handshakes", "connection", "connect", "라우터", "스위치",
        "허브", "7계층", "계층", "이야기", "앞부분", "the", "a", "of", "and", "**굵게**", "`code`", "—", "😀",
    ]
    static let separators = [" ", " ", " ", "  ", "\n", "\n\n", ", ", ". ", "\t", ""]

    static func text(_ random: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...1_500, using: &random) {
            text += pieces.randomElement(using: &random)!
            text += separators.randomElement(using: &random)!
        }
        return text
    }

    @Test(arguments: 0..<12)
    func stoppingEarlyGivesTheSnippetOfTheWholeText(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for _ in 0..<40 {
            let text = Self.text(&random)
            let typed = Self.queries.randomElement(using: &random)!
            let query = SearchQuery(parsing: typed)
            let tokens = [1, 4, 12, 40, 40, 100].randomElement(using: &random)!
            let cutter = SnippetCutter(query: query)
            let early = cutter.snippet(of: text, tokens: tokens, stoppingWhenSettled: true)
            let whole = cutter.snippet(of: text, tokens: tokens, stoppingWhenSettled: false)
            #expect(Array(early.text.unicodeScalars) == Array(whole.text.unicodeScalars), "seed \(seed), query \(typed), tokens \(tokens)")
            #expect(early.highlights == whole.highlights, "seed \(seed), query \(typed), tokens \(tokens)")
        }
    }

    @Test func aWindowHoldingEveryWordSettlesTheScanSoonAfterIt() {
        let matcher = QueryMatcher(query: SearchQuery(parsing: "혼잡 제어"))
        var settled = SettledWindow(matcher: matcher, window: 30, tokens: 40)
        settled.add(QueryMatcher.Match(range: 0..<6, positions: 10...10, words: 0..<1))
        #expect(!settled.isSettled(at: 10_000), "one word of two is not enough")
        settled.add(QueryMatcher.Match(range: 100..<106, positions: 50...50, words: 1..<2))
        #expect(!settled.isSettled(at: 10_000), "40 positions apart: not in one window of 30")
        settled.add(QueryMatcher.Match(range: 110..<116, positions: 55...55, words: 0..<1))
        #expect(!settled.isSettled(at: 50 + 40 + settled.margin))
        #expect(settled.isSettled(at: 50 + 40 + settled.margin + 1))
    }

    @Test func aQueryWithNothingToMatchNeverSettles() {
        var settled = SettledWindow(matcher: QueryMatcher(query: SearchQuery(parsing: "—")), window: 30, tokens: 40)
        settled.add(QueryMatcher.Match(range: 0..<1, positions: 0...0, words: 0..<1))
        #expect(!settled.isSettled(at: 1_000_000))
    }
}
