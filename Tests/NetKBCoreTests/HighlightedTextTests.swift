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

@Suite("Section")
struct SectionTests {
    @Test func bodyIsTheTextUnderTheHeading() {
        let section = Section(headingPath: ["A", "소켓"], level: 2, startLine: 3, endLine: 5, text: "소켓\n끝점이다\n둘째")
        #expect(section.body == "끝점이다\n둘째")
        let empty = Section(headingPath: ["빈"], level: 1, startLine: 1, endLine: 1, text: "빈")
        #expect(empty.body == "")
        let preamble = Section(headingPath: [], level: 0, startLine: 1, endLine: 2, text: "머리말\n둘째")
        #expect(preamble.body == "머리말\n둘째")
    }
}

@Suite("NFC")
struct NFCTests {
    @Test(arguments: ["소켓", "Café", "Ångström", "네트워크 기초 개념.md", "ｆｕｌｌ", "e\u{301}", "\u{1112}\u{1161}\u{11AB}", "\u{212B}"])
    func normalizeMatchesFoundation(text: String) {
        #expect(NFC.normalize(text) == text.precomposedStringWithCanonicalMapping)
        #expect(Array(NFC.normalize(text).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func nfdHangulIsComposed() {
        let nfd = "네트워크".decomposedStringWithCanonicalMapping
        #expect(NFC.normalize(nfd).unicodeScalars.count == 4)
    }
}
