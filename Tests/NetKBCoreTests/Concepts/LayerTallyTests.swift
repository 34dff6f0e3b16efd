import Testing
@testable import NetKBCore

@Suite("LayerTally")
struct LayerTallyTests {
    @Test func conceptsCountForEachOfTheirLayers() throws {
        let taxonomy = try ConceptFixtures.taxonomy()
        let mentions = [
            ConceptMention(conceptID: "tcp", count: 5, firstLine: 0),
            ConceptMention(conceptID: "ip", count: 3, firstLine: 0),
            ConceptMention(conceptID: "nat", count: 1, firstLine: 2),
            ConceptMention(conceptID: "tcp-ip-model", count: 4, firstLine: 2),  // No layer.
            ConceptMention(conceptID: "unknown", count: 9, firstLine: 2),  // Ignored.
        ]
        let tally = LayerTally(mentions: mentions, taxonomy: taxonomy)
        #expect(tally.osi == [.transport: 6, .network: 4])
        #expect(tally.tcpip == [.transport: 6, .internet: 4])
        #expect(tally.dominantLayer == .transport)
        #expect(tally.leadingLayers() == [.network, .transport])
        #expect(tally.leadingLayers(share: 0.9) == [.transport])
    }

    @Test func tiesGoToTheLowerLayerAndEmptyHasNone() throws {
        let taxonomy = try ConceptFixtures.taxonomy()
        var tally = LayerTally()
        #expect(tally.dominantLayer == nil)
        #expect(tally.leadingLayers().isEmpty)
        tally.add([ConceptMention(conceptID: "switch", count: 2, firstLine: 0),
                   ConceptMention(conceptID: "router", count: 2, firstLine: 0)], taxonomy: taxonomy)
        #expect(tally.dominantLayer == .dataLink)
    }
}
