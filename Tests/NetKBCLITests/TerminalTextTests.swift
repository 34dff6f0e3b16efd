import NetKBTestSupport
import Testing
@testable import NetKBCLI

/// Whether text needs escaping for the terminal, decided on its bytes, must agree with the
/// escaping itself, scalar by scalar.
@Suite("TerminalText")
struct TerminalTextTests {
    static let pieces: [String] = [
        "a", "소켓", " ", "\t", "\n", "\u{1B}[31m", "\u{7}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "é", "\u{202A}", "\u{202E}",
        "\u{202F}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2000}", "—", "…", "😀", "\u{0}", "\u{1F}", "~",
    ]

    @Test(arguments: 0..<6)
    func theByteCheckAgreesWithTheEscaping(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &random) { text += Self.pieces.randomElement(using: &random)! }
            var copy = text
            let needs = copy.withUTF8 { TerminalText.needsEscape(utf8: $0) }
            #expect(needs == (TerminalText.escaped(text) != text), "\(Array(text.unicodeScalars))")
        }
    }
}
