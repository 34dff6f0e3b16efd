import NetKBCore
import NetKBTestSupport
import Testing
@testable import NetKBStore

/// A section's list of concepts: most mentioned first, then by first line, then by id.
@Suite("SectionConceptList")
struct SectionConceptListTests {
    @Test func listsMostMentionedFirstThenByLineThenByID() {
        let tags = SectionTags(concepts: [
            SectionConcept(conceptID: "udp", count: 1, line: 3),
            SectionConcept(conceptID: "tcp", count: 4, line: 9),
            SectionConcept(conceptID: "ip", count: 1, line: 3),
            SectionConcept(conceptID: "arp", count: 1, line: 2),
        ])
        #expect(SectionConceptList.encode(tags) == "tcp\narp\nip\nudp")
        #expect(SectionConceptList.ids(in: SectionConceptList.encode(tags)) == ["tcp", "arp", "ip", "udp"])
        #expect(SectionConceptList.encode(nil) == "" && SectionConceptList.encode(SectionTags()) == "")
    }

    /// Lists split as a split of their bytes on newlines does, empty lines skipped.
    @Test(arguments: 0..<4)
    func splitsAsSplittingOnNewlines(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let pieces = ["tcp", "", "소켓", "three-way-handshake", "\n", "é", " "]
        for _ in 0..<300 {
            let list = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: "\n")
            let expected = list.utf8.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
            #expect(SectionConceptList.ids(in: list) == expected, "\(list.debugDescription)")
        }
    }

    @Test(arguments: 0..<4)
    func matchesTheSortedJoinedList(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let ids = ["tcp", "udp", "ip", "arp", "dns", "http", "소켓", "라우터", "three-way-handshake"]
        for _ in 0..<300 {
            let concepts = ids.shuffled(using: &random).prefix(Int.random(in: 0...ids.count, using: &random)).map {
                SectionConcept(conceptID: $0, count: Int.random(in: 1...3, using: &random), line: Int.random(in: 1...4, using: &random))
            }
            let expected = concepts.sorted { ($1.count, $0.line, $0.conceptID) < ($0.count, $1.line, $1.conceptID) }
                .map(\.conceptID).joined(separator: "\n")
            #expect(SectionConceptList.encode(SectionTags(concepts: concepts)) == expected)
        }
    }
}
