import Testing
import NetKBTestSupport
@testable import NetKBCore

/// "Did you mean" among a few names: with fewer names than the index's window, every name is a
/// neighbour, so the index must answer what comparing every name answers.
@Suite("Near-name index")
struct NearNameIndexTests {
    /// The nearest name by comparing all of them: the fewest edits within the limit, ties to
    /// the first in byte order, the typed name itself never.
    static func nearestByComparingAll(_ text: String, among names: Set<String>) -> String? {
        let limit = EditDistance.limit(forLength: text.unicodeScalars.count)
        guard limit > 0 else { return nil }
        let scored = names.filter { Array($0.unicodeScalars) != Array(text.unicodeScalars) }
            .compactMap { name in EditDistance.between(text, name, limit: limit).map { (name, $0) } }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }?.0
    }

    /// A word of 1 to 9 letters from a small alphabet (Latin and Hangul), so that near names
    /// are common and lengths vary both ways.
    static func word(_ generator: inout SeededGenerator) -> String {
        let letters: [Unicode.Scalar] = ["a", "b", "c", "t", "p", "소", "켓", "캣", "-"]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 1...9, using: &generator) { scalars.append(letters.randomElement(using: &generator)!) }
        return String(scalars)
    }

    @Test func answersAsComparingEveryNameDoes() {
        var generator = SeededGenerator(state: 0x4E45_4152)
        var answered = 0
        for round in 0..<300 {
            let names = Set((0..<Int.random(in: 1...60, using: &generator)).map { _ in Self.word(&generator) })
            let index = NearNameIndex(names)
            // Typed names: some of the names themselves (never suggested back), some edited, some new.
            var typed = (0..<8).map { _ in Self.word(&generator) }
            if let name = names.randomElement(using: &generator) {
                typed.append(name)
                typed.append(name + "t")
                typed.append(String(name.dropFirst()))
            }
            for text in typed {
                let expected = Self.nearestByComparingAll(text, among: names)
                #expect(index.closest(to: text) == expected, "round \(round): \(text) among \(names.sorted())")
                if expected != nil { answered += 1 }
            }
        }
        // The generator must give the index real work: many typed names have a near name.
        #expect(answered > 500)
    }

    @Test func tiesGoToTheFirstNameInByteOrder() {
        let index = NearNameIndex(["socket", "sockez", "sockea"])
        #expect(index.closest(to: "socke") == "sockea")
        #expect(index.closest(to: "sockea") == "socket")
    }
}
