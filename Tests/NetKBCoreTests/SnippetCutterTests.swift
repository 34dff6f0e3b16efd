import Testing
@testable import NetKBCore

/// Snippets: the window with the most of the query's words, what matched marked.
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

    /// A word of a megabyte (base64 in a code block) near the match shows its start and `…`:
    /// the snippet stays a few lines long. Short words, the match among them, are shown whole.
    @Test(arguments: [1_000_000, 81, 200])
    func aLongWordNearTheMatchIsCut(length: Int) {
        let long = String(repeating: "QUJD", count: length / 4 + 1)
        let text = "인코딩된 그림 " + long + " target 다음 한국어 문장 " + long + "가 이어진다"
        let snippet = SnippetCutter(query: SearchQuery(parsing: "target")).snippet(of: text)
        #expect(snippet.highlightedParts == ["target"])
        #expect(snippet.text.utf8.count < 400, "\(snippet.text.utf8.count) bytes")
        #expect(snippet.text.hasPrefix("인코딩된 그림 QUJDQUJD"))
        #expect(snippet.text.contains(String(long.prefix(SnippetCutter.shownOfLongWord)) + "… target 다음 한국어 문장 "))
    }

    @Test func aWordOfTheLongestLengthShownIsShownWhole() {
        let word = String(repeating: "a", count: SnippetCutter.longWord)
        let snippet = SnippetCutter(query: SearchQuery(parsing: "target")).snippet(of: "\(word) target \(word)한")
        #expect(snippet.text == "\(word) target \(String(repeating: "a", count: SnippetCutter.shownOfLongWord))…")
    }

    @Test func englishWordsMatchTheirInflections() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "handshake")).snippet(of: "Two handshakes happen here.")
        #expect(snippet.highlightedParts == ["handshakes"])
    }

    @Test func aOneSyllableWordMarksThatSyllable() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "망")).snippet(of: "이것은 망이론 이야기, 통신망")
        #expect(snippet.highlightedParts == ["망", "망"])
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

    @Test func theWindowWithTheMostWordsWins() {
        let text = "소켓 이야기로 시작한다. " + String(repeating: "상관없는 문장이 이어진다. ", count: 30) + "\n여기서는 소켓과 포트를 함께 다룬다."
        let snippet = SnippetCutter(query: SearchQuery(parsing: "소켓 포트")).snippet(of: text)
        #expect(snippet.text.hasPrefix("…여기서는 소켓과 포트를"), "the snippet starts at the line of its match: \(snippet.text)")
        #expect(snippet.highlightedParts == ["소켓", "포트"])
    }

    @Test func emptyTextGivesAnEmptySnippet() {
        #expect(SnippetCutter(query: SearchQuery(parsing: "소켓")).snippet(of: "") == HighlightedText(text: "", highlights: []))
    }

    @Test func onlyPunctuationIsShownAsItIs() {
        let snippet = SnippetCutter(query: SearchQuery(parsing: "소켓")).snippet(of: "→ … ★")
        #expect(snippet.text == "→ … ★")
        #expect(snippet.highlights.isEmpty)
    }
}

/// What a snippet marks: only what matched the query's words, as the index matched them.
@Suite("QueryMatcher")
struct QueryMatcherTests {
    @Test(arguments: [
        // A word that mixes scripts marks its parts together, and its longer parts alone: never a stray 와.
        ("TCP와", "TCP와 UDP와 소켓은 다르다. TCP는 연결형", ["TCP와", "TCP"]),
        ("7계층", "OSI 7계층은 7개의 계층", ["7계층", "계층"]),
        // Two syllables: inside words only.
        ("해시", "목적을 위해 시행한다. 해시 테이블과 해시를", ["해시", "해시"]),
        ("서버", "저장소에서 버그를 웹서버에서", ["서버"]),
        // Compounds with or without a space.
        ("가상메모리", "가상 메모리와 가상메모리", ["가상 메모리", "가상메모리"]),
        ("로드밸런싱", "로드 밸런싱을 한다", ["로드 밸런싱"]),
        // Phrases and the words of a spaced query.
        ("\"혼잡 제어\"", "혼잡제어와 혼잡 제어", ["혼잡제어", "혼잡 제어"]),
        ("혼잡 제어", "혼잡한 길, 흐름 제어", ["혼잡", "제어"]),
        ("\"3 way handshake\"", "The 3 way handshake, and a handshake", ["3 way handshake"]),
        // English inflections, prefixes, one syllable.
        ("handshake", "Two handshakes and handshaking", ["handshakes", "handshaking"]),
        ("connect", "a connection connects", ["connection", "connects"]),
        ("TCP", "tcpdump is not TCP", ["TCP"]),
        ("hand*", "handshake handy hat", ["handshake", "handy"]),
        ("값", "결과값과 값", ["값", "값"]),
        // Excluded words are not marked.
        ("소켓 -포트", "소켓과 포트", ["소켓"]),
    ] as [(String, String, [String])])
    func marksWhatMatched(query: String, text: String, expected: [String]) {
        let snippet = SnippetCutter(query: SearchQuery(parsing: query)).snippet(of: text, tokens: 64)
        #expect(snippet.highlightedParts == expected, "\(query) in \(text)")
    }

    @Test func otherNamesAreMarkedOnlyWhenAsked() {
        let query = SearchQuery(parsing: "혼잡 제어").expanded { words in
            words == "혼잡 제어" ? SearchQuery.ConceptNames(conceptID: "congestion-control", names: ["congestion control"]) : nil
        }
        let text = "TCP congestion control"
        #expect(SnippetCutter(query: query).snippet(of: text).highlightedParts.isEmpty)
        #expect(SnippetCutter(query: query, includingOtherNames: true).snippet(of: text).highlightedParts == ["congestion control"])
    }

    @Test func nfdTextIsMatchedAndMarkedWhole() {
        let nfd = "망".decomposedStringWithCanonicalMapping + "이론"
        let snippet = SnippetCutter(query: SearchQuery(parsing: "망")).snippet(of: nfd)
        #expect(snippet.highlightedParts.map { Array($0.unicodeScalars) } == [Array("망".decomposedStringWithCanonicalMapping.unicodeScalars)])
    }
}
