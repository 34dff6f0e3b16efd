import Testing
import NetKBCore

@Suite("HighlightedText")
struct HighlightedTextTests {
    @Test func readsMarkersAsScalarOffsets() {
        let text = HighlightedText(marked: "…세션과 \u{02}소켓\u{03}의 관계\n- \u{02}소켓\u{03}: 끝점")
        #expect(text.text == "…세션과 소켓의 관계 - 소켓: 끝점")
        #expect(text.highlights == [5..<7, 14..<16])
        #expect(text.highlightedParts == ["소켓", "소켓"])
        #expect(text.rendered(open: "[", close: "]") == "…세션과 [소켓]의 관계 - [소켓]: 끝점")
    }

    @Test func adjacentHighlightsMerge() {
        let text = HighlightedText(marked: "\u{02}3\u{03}\u{02}way\u{03} x")
        #expect(text.highlights == [0..<4])
    }

    @Test func unbalancedMarkersDoNotCrash() {
        let text = HighlightedText(marked: "\u{03}a\u{02}b")
        #expect(text.text == "ab")
        #expect(text.highlights.isEmpty)
    }
}
