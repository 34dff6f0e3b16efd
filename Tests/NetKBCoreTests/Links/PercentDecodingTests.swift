import Testing
import NetKBCore

@Suite("PercentDecoding")
struct PercentDecodingTests {
    @Test(arguments: [
        ("%EC%86%8C%EC%BC%93.md", "소켓.md"),
        ("TCP%20연결.md", "TCP 연결.md"),
        ("a%2fb", "a/b"),
        ("plain", "plain"),
        ("%E0%A4%A", "%E0%A4%A"),
        ("%E0%A4%A4", "\u{0924}"),
        ("%zz", "%zz"),
        ("%", "%"),
        ("100%", "100%"),
        ("%4", "%4"),
        ("%%41", "%A"),
        ("%41%FF", "A%FF"),
        ("%ff%41", "%ffA"),
        ("%C0%80", "%C0%80"),
        ("%ED%A0%80", "%ED%A0%80"),
        ("%E0%A4", "%E0%A4"),
        ("a+b", "a+b"),
        ("%EF%BF%BD", "\u{FFFD}"),
        ("e%CC%81", "\u{E9}"),
    ])
    func decoding(text: String, expected: String) {
        #expect(Array(PercentDecoding.decode(text).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func nfdResultIsComposed() {
        let nfdEscaped = "%E1%84%89%E1%85%A9%E1%84%8F%E1%85%A6%E1%86%BA"  // 소켓 in NFD
        #expect(Array(PercentDecoding.decode(nfdEscaped).unicodeScalars) == Array("소켓".unicodeScalars))
    }

    @Test func longInputsAreLinear() {
        let text = String(repeating: "%EC%86%8C%", count: 10_000)
        let decoded = PercentDecoding.decode(text)
        #expect(decoded.unicodeScalars.count == 20_000)
    }
}
