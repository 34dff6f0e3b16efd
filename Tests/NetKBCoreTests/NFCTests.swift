import Foundation
import Testing
import NetKBCore

@Suite("NFC")
struct NFCTests {
    @Test(arguments: ["소켓", "Café", "Ångström", "네트워크 기초 개념.md", "ｆｕｌｌ", "e\u{301}", "\u{1112}\u{1161}\u{11AB}", "\u{212B}"])
    func normalizeMatchesFoundation(text: String) {
        #expect(Array(NFC.normalize(text).unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func nfdHangulIsComposed() {
        // Scalars, not String ==, which holds for any two canonically equivalent strings.
        let nfd = "네트워크".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > 4)
        #expect(Array(NFC.normalize(nfd).unicodeScalars) == Array("네트워크".unicodeScalars))
    }
}
