import Foundation
import Testing
import NetKBCore

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
