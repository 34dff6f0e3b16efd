import NetKBTestSupport
import Testing
@testable import NetKBCore

/// The ways a name may be written with the spaces next to Hangul kept or dropped.
@Suite("ConceptSpelling")
struct ConceptSpellingTests {
    @Test func spacesNextToHangulAreOptional() {
        #expect(ConceptSpelling.variants(of: "흐름 제어") == ["흐름 제어", "흐름제어"])
        #expect(ConceptSpelling.variants(of: "IP 주소") == ["IP 주소", "IP주소"])
        #expect(ConceptSpelling.variants(of: "3 way handshake") == ["3 way handshake"])
        #expect(ConceptSpelling.variants(of: "TCP 3 way 핸드셰이크") == ["TCP 3 way 핸드셰이크", "TCP 3 way핸드셰이크"])
        #expect(ConceptSpelling.variants(of: "가 나 다") == ["가 나 다", "가나 다", "가 나다", "가나다"])
        #expect(ConceptSpelling.variants(of: "가 나 다 라 마") == ["가 나 다 라 마", "가나다라마"], "more than three: all or none")
        #expect(ConceptSpelling.variants(of: "") == [""])
    }

    /// The variants, worked out scalar by scalar: what the byte-wise version must give.
    static func reference(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        func isHangul(_ scalar: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(scalar.value) }
        var optional: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == " " {
            if (index > 0 && isHangul(scalars[index - 1])) || (index + 1 < scalars.count && isHangul(scalars[index + 1])) {
                optional.append(index)
            }
        }
        guard !optional.isEmpty else { return [text] }
        let masks = optional.count <= 3 ? Array(0..<(1 << optional.count)) : [0, (1 << optional.count) - 1]
        return masks.map { mask in
            let dropped = Set(optional.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
            var view = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() where !dropped.contains(index) { view.append(scalar) }
            return String(view)
        }
    }

    @Test(arguments: 0..<4)
    func byteWiseAsScalarWise(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        // Hangul at both ends of its block, a Hangul jamo (not a syllable), a 4-byte scalar,
        // Latin, and spaces.
        let pieces = ["가", "힣", "소켓", "ᄀ", "😀", "é", "TCP", "3", " ", " ", " "]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let expected = Self.reference(text)
            let variants = ConceptSpelling.variants(of: text)
            #expect(variants.map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) }, "\(text.debugDescription)")
        }
    }
}
