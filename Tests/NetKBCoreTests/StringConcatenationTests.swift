import NetKBTestSupport
import Testing
import NetKBCore

@Suite("StringConcatenation")
struct StringConcatenationTests {
    /// Strings of random pieces: empty, ASCII, Hangul, separators inside.
    static func strings(_ count: Int, using random: inout SeededGenerator) -> [String] {
        let pieces = ["", "a", "TCP", "소켓", " ", ", ", "\u{1F600}", "e\u{301}"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...3, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
    }

    @Test(arguments: 0..<4)
    func makesWhatJoinedMakes(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for count in [0, 1, 2, 5, 40] {
            let strings = Self.strings(count, using: &random)
            for separator in ["", " ", " OR ", "소"] {
                #expect(strings.concatenated(separator: separator).utf8.elementsEqual(strings.joined(separator: separator).utf8))
                let start = count == 0 ? 0 : Int.random(in: 0...count, using: &random)
                let slice = strings[start...]
                #expect(slice.concatenated(separator: separator).utf8.elementsEqual(slice.joined(separator: separator).utf8))
            }
        }
    }
}
