import Foundation
import NetKB
import NetKBMarkdown
import Testing

/// The user's own notes (`Tests/Fixtures/concepts/network-notes.md`, a copy of the seed note),
/// parsed with the real Markdown parser: each `##` topic, with its sub-sections, gets the layers
/// an expert would give it.
@Suite struct NetworkNotesLayerTests {
    static func topics() throws -> [(heading: String, tally: LayerTally, concepts: [String])] {
        let url = ShippedTaxonomyTests.packageRoot.appendingPathComponent("Tests/Fixtures/concepts/network-notes.md")
        let note = MarkdownParser().parse([UInt8](try Data(contentsOf: url)), path: "network-notes.md").note
        let taxonomy = try ShippedTaxonomy.taxonomy()
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        var topics: [(heading: String, tally: LayerTally, concepts: [String])] = []
        for section in note.sections {
            guard let topic = section.headingPath.first else { continue }
            let mentions = matcher.matches(in: section.text)
            if section.level == 2 || topics.last?.heading != topic {
                topics.append((topic, LayerTally(), []))
            }
            topics[topics.count - 1].tally.add(mentions, taxonomy: taxonomy)
            topics[topics.count - 1].concepts += mentions.map(\.conceptID)
        }
        return topics
    }

    @Test(arguments: [
        ("TCP Handshake", [OSILayer.transport]),
        ("세션과 소켓의 관계", [.transport]),
        ("IP와 TCP/UDP 간단하게", [.network, .transport]),
        ("네트워크와 인터넷, ISP", [.network]),
        ("LAN, WAN, NIC, MAC Addr, NAT << 정리 예정", [.dataLink, .network]),
    ])
    func topicLayers(_ heading: String, _ expected: [OSILayer]) throws {
        let topics = try Self.topics()
        let topic = try #require(topics.first { $0.heading == heading })
        #expect(topic.tally.leadingLayers() == expected, "\(heading): \(topic.tally.osi) from \(topic.concepts)")
        #expect(expected.contains(try #require(topic.tally.dominantLayer)))
    }
}
