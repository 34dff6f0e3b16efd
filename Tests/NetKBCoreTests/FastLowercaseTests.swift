import NetKBTestSupport
import Testing
@testable import NetKBCore

/// `fastLowercased()` is `lowercased()`, scalar for scalar, on every input.
@Suite("FastLowercase")
struct FastLowercaseTests {
    @Test func everyScalarOfTheCaselessBlocksIsItsOwnLowerCase() {
        let changed = CaselessScripts.blocks.joined().filter { value in
            guard let scalar = Unicode.Scalar(value) else { return false }
            let text = String(scalar)
            return !text.lowercased().unicodeScalars.elementsEqual(text.unicodeScalars)
        }
        #expect(changed.isEmpty, "lowered: \(changed.prefix(5).map { String($0, radix: 16) })")
        #expect(CaselessScripts.blocks.joined().count > 30_000)
    }

    @Test func theBlockTestMatchesTheListOfBlocks() {
        let disagreeing = (UInt32(0)...0x10FFFF).filter { value in
            CaselessScripts.contains(value) != CaselessScripts.blocks.contains { $0.contains(value) }
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5).map { String($0, radix: 16) })")
    }

    @Test(arguments: [
        "TCP 연결.md", "네트워크/전송 계층/소켓.md", "ＴＣＰ 소켓", "Café TCP", "ΣΟΦΙΑΣ 소켓", "İstanbul", "ß",
        "カタカナ ABC", "漢字 XYZ", "", "abc", "ABC", "a\u{301}B",
    ])
    func matchesLowercased(text: String) {
        #expect(text.fastLowercased().unicodeScalars.elementsEqual(text.lowercased().unicodeScalars))
    }

    @Test(arguments: 0..<4)
    func matchesLowercasedOnRandomText(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pieces: [String] = ["A", "z", "Q", "/", " ", ".md", "소", "켓", "ㄱ", "\u{1100}", "か", "ア", "漢", "、",
                                "É", "Σ", "ＡＢ", "İ", "\u{301}", "😀", "ß", "Ǆ"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(text.fastLowercased().unicodeScalars.elementsEqual(text.lowercased().unicodeScalars), "\(text.debugDescription)")
        }
    }
}
