import NetKBTestSupport
import Testing
@testable import NetKBCore

/// The matcher walks its dictionary only from the word starts whose first bytes some spelling
/// begins with (``ConceptDictionary/mayStart(prefix:count:)``). Ruling a start out must never
/// lose a match: with the check and without it, every text gives the same mentions.
@Suite("Concept openings")
struct ConceptOpeningsTests {
    static let syllables = Array("소켓라우터혼잡제어흐름패킷세션포트전송계층망주소홉".map(String.init))
    static let latin = ["TCP", "ip", "IPv4", "ack", "Router", "x", "3", "way", "hand", "shake", "QUIC"]
    static let separators = [" ", "-", "_", "  ", " - "]

    /// A spelling of one to five pieces: syllables, Latin words, separators between some.
    static func spelling(_ random: inout SeededGenerator) -> String {
        var text = ""
        for piece in 0..<Int.random(in: 1...5, using: &random) {
            if piece > 0, Bool.random(using: &random) { text += separators.randomElement(using: &random)! }
            text += Bool.random(using: &random) ? syllables.randomElement(using: &random)! : latin.randomElement(using: &random)!
        }
        return text
    }

    /// A taxonomy of seeded random concepts: names, Korean names and abbreviations of one to
    /// five pieces, one- and two-letter ones among them.
    static func taxonomy(seed: UInt64) throws -> (Taxonomy, [String]) {
        var random = SeededGenerator(state: seed)
        var entries: [ConceptEntry] = []
        var spellings: [String] = []
        var claimed = Set<String>()
        func unclaimed() -> String? {
            let candidate = spelling(&random)
            return claimed.insert(ConceptSpelling.claimKey(candidate)).inserted ? candidate : nil
        }
        for number in 0..<40 {
            let korean = (0..<Int.random(in: 0...2, using: &random)).compactMap { _ in unclaimed() }
            let abbreviations = (0..<Int.random(in: 0...1, using: &random)).compactMap { _ in unclaimed() }
            guard let name = unclaimed() else { continue }
            entries.append(ConceptFixtures.entry(
                "c\(number)", line: number + 1, name: name, korean: korean, abbreviations: abbreviations,
                osi: ["4"], kind: "protocol"))
            spellings += [name] + korean + abbreviations
        }
        return (try Taxonomy(files: [TaxonomyFile(name: "random.yml", entries: entries)]), spellings)
    }

    @Test(arguments: 0..<6)
    func rulingStartsOutLosesNoMatch(seed: UInt64) throws {
        let (taxonomy, spellings) = try Self.taxonomy(seed: seed)
        let checked = ConceptMatcher(taxonomy: taxonomy)
        let unchecked = ConceptMatcher(taxonomy: taxonomy, checkingPrefixes: false)
        var random = SeededGenerator(state: seed &+ 100)
        var found = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: text += spellings.randomElement(using: &random)!.uppercased()
                case 1: text += spellings.randomElement(using: &random)!
                case 2: text += Self.spelling(&random)
                default: text += ["은 ", "를", " ", "\n", "s ", "-", "http://x.y "].randomElement(using: &random)!
                }
            }
            let expected = unchecked.matches(in: text)
            #expect(checked.matches(in: text) == expected, "\(text.debugDescription)")
            found += expected.count
        }
        #expect(found > 300, "the texts mention concepts (\(found))")
    }

    /// Every spelling passes as the start of a text, however the text goes on; a Hangul word
    /// that no spelling begins with does not, though its first two bytes are a spelling's.
    @Test func everySpellingPassesAndOthersDoNot() throws {
        let (taxonomy, spellings) = try Self.taxonomy(seed: 11)
        let dictionary = ConceptDictionary(taxonomy: taxonomy)
        func packed(_ text: String) -> (UInt64, Int) {
            var bytes: [UInt8] = []
            for byte in text.utf8 {
                if ConceptSpelling.isSeparator(byte) {
                    if bytes.last != 0x20 { bytes.append(0x20) }
                } else {
                    bytes.append(ConceptSpelling.lowercased(byte))
                }
            }
            let prefix = bytes.prefix(ConceptDictionary.longPrefix)
            return (prefix.enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }, prefix.count)
        }
        for spelling in spellings {
            for variant in ConceptSpelling.variants(of: ConceptSpelling.normalized(spelling)) {
                for text in [variant, variant + "를 보낸다", variant + " x"] {
                    let (prefix, count) = packed(text)
                    #expect(dictionary.mayStart(prefix: prefix, count: count), "\(text.debugDescription)")
                }
            }
        }
        // A syllable of 소's block of 64 (U+C180 to U+C1BF share their first two UTF-8 bytes)
        // that no spelling starts with.
        let unused = (0xC180...0xC1BF).compactMap(Unicode.Scalar.init).map(String.init).first { syllable in
            !spellings.contains { $0.hasPrefix(syllable) }
        }
        let word = try #require(unused) + "프트웨어"
        let (prefix, count) = packed(word)
        #expect(!dictionary.mayStart(prefix: prefix, count: count), "\(word) starts no spelling")
    }
}
