import Testing
import NetKBTestSupport
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

/// Reading marked text byte by byte gives what reading it scalar by scalar, with Unicode's
/// properties, gives.
@Suite("HighlightedText reading")
struct HighlightedTextReadingTests {
    /// The plain reading: scalar by scalar, white space by `Unicode.Scalar.Properties`.
    static func reference(_ marked: String) -> (scalars: [Unicode.Scalar], highlights: [Range<Int>]) {
        var scalars: [Unicode.Scalar] = []
        var highlights: [Range<Int>] = []
        var openedAt: Int?
        var lastWasSpace = true
        for scalar in marked.unicodeScalars {
            if scalar == HighlightedText.openMarker {
                if openedAt == nil { openedAt = scalars.count }
            } else if scalar == HighlightedText.closeMarker {
                if let start = openedAt {
                    if let last = highlights.last, last.upperBound == start {
                        highlights[highlights.count - 1] = last.lowerBound..<scalars.count
                    } else if scalars.count > start {
                        highlights.append(start..<scalars.count)
                    }
                    openedAt = nil
                }
            } else {
                let isSpace = scalar.properties.isWhitespace
                if isSpace && lastWasSpace { continue }
                scalars.append(isSpace ? " " : scalar)
                lastWasSpace = isSpace
            }
        }
        if scalars.last == " " {
            scalars.removeLast()
            highlights = highlights.compactMap { range in
                let clamped = range.clamped(to: 0..<scalars.count)
                return clamped.isEmpty ? nil : clamped
            }
        }
        return (scalars, highlights)
    }

    @Test(arguments: 0..<8)
    func byteReadingMatchesScalarReading(seed: UInt64) {
        let pieces = ["소켓", "TCP", " ", "  ", "\n", "\t", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{02}", "\u{03}", "é", "e\u{301}", "😀", "…", "a", "\u{200B}"]
        var random = SeededGenerator(state: seed)
        for _ in 0..<200 {
            var marked = ""
            for _ in 0..<Int.random(in: 0...40, using: &random) { marked += pieces.randomElement(using: &random)! }
            let read = HighlightedText(marked: marked)
            let expected = Self.reference(marked)
            #expect(Array(read.text.unicodeScalars) == expected.scalars, "\(Array(marked.unicodeScalars))")
            #expect(read.highlights == expected.highlights, "\(Array(marked.unicodeScalars))")
        }
    }
}
