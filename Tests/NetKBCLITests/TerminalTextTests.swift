import NetKBTestSupport
import Testing
@testable import NetKBCLI

/// Whether text needs escaping for the terminal, decided on its bytes, must agree with the
/// scalars' own rule; the escaping, which looks at the bytes first, must follow that rule.
@Suite("TerminalText")
struct TerminalTextTests {
    static let pieces: [String] = [
        "a", "소켓", " ", "\t", "\n", "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{202A}", "\u{202E}",
        "\u{202F}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2000}", "—", "…", "😀", "\u{0}", "\u{1F}", "~",
        "\u{200E}", "\u{200F}", "\u{200D}", "\u{200B}", "\u{2010}", "\u{2027}", "\u{2028}", "\u{FEFF}",
    ]

    /// A hostile trial: the direction marks U+200E and U+200F printed raw, while the overrides
    /// were escaped; a joiner, which emoji sequences use, stays as it is.
    @Test func directionMarksAreEscaped() {
        #expect(TerminalText.escaped("a\u{200E}b\u{200F}c") == "a\\u{200E}b\\u{200F}c")
        #expect(TerminalText.escaped("👩\u{200D}💻") == "👩\u{200D}💻")
        // The line and paragraph separators too (a hostile trial saw them printed raw).
        #expect(TerminalText.escaped("a\u{2028}b\u{2029}c") == "a\\u{2028}b\\u{2029}c")
    }

    @Test(arguments: 0..<6)
    func theByteCheckAgreesWithTheEscaping(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            var copy = text
            let needs = copy.withUTF8 { TerminalText.needsEscape(utf8: $0) }
            let scalars = Array(text.unicodeScalars)
            #expect(needs == scalars.contains { TerminalText.needsEscape($0, keepNewlines: false) }, "\(scalars)")
            for keepNewlines in [false, true] {
                let escaped = Array(TerminalText.escaped(text, keepNewlines: keepNewlines).unicodeScalars)
                #expect(escaped.allSatisfy { !TerminalText.needsEscape($0, keepNewlines: keepNewlines) }, "\(scalars)")
                #expect((escaped == scalars) == !scalars.contains { TerminalText.needsEscape($0, keepNewlines: keepNewlines) }, "\(scalars)")
            }
        }
    }

    @Test(arguments: 0..<4)
    func aLineCheckedAtOnceIsEscapedAsPieceByPiece(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for _ in 0..<1_000 {
            // Note text between the plain pieces a line has (separators, numbers).
            var pieces: [String] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                var text = ""
                for _ in 0..<Int.random(in: 0...12, using: &random) { text += Self.pieces.randomElement(using: &random)! }
                pieces.append(text)
            }
            func write(_ output: inout StandardOutput.Buffered, _ escaping: Bool) {
                for (index, piece) in pieces.enumerated() {
                    if index > 0 { output.add(literal: index % 2 == 0 ? " › " : "  ") }
                    output.add(piece, escaping: escaping)
                    output.add(index)
                }
            }
            var checked = StandardOutput.Buffered()
            checked.add(literal: "x")
            checked.addChecked(write)
            var pieceByPiece = StandardOutput.Buffered()
            pieceByPiece.add(literal: "x")
            write(&pieceByPiece, true)
            #expect(checked.pending == pieceByPiece.pending, "\(pieces.map { Array($0.unicodeScalars) })")
        }
    }
}

@Suite("TerminalText.unescaped")
struct TerminalTextUnescapingTests {
    /// What `escaped` writes reads back as the text; other backslashes stay as they are.
    @Test(arguments: ["new\nline.md", "a\u{1B}[31mb", "x\u{9B}y", "tab\u{7F}", "rtl\u{202E}txt", "a\u{2028}b"])
    func escapesReadBack(text: String) throws {
        let shown = TerminalText.escaped(text)
        #expect(shown != text)
        let back = try #require(TerminalText.unescaped(shown))
        #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test(arguments: ["plain.md", "caf\\xE9.md", "a\\x41b", "c:\\\\dir", "\\x", "\\x0", "\\u{41}", "\\u{zz}", "\\u{1B"])
    func otherBackslashesStay(text: String) {
        #expect(TerminalText.unescaped(text) == nil)
    }
}
