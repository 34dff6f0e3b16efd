import Foundation
import Testing
@testable import NetKBCore

@Suite("Taxonomy")
struct TaxonomyTests {
    typealias F = ConceptFixtures

    func error(_ files: [TaxonomyFile]) -> TaxonomyError? {
        do {
            _ = try Taxonomy(files: files)
            return nil
        } catch {
            return error
        }
    }

    func file(_ name: String = "user.yml", _ entries: ConceptEntry...) -> TaxonomyFile {
        TaxonomyFile(name: name, entries: entries)
    }

    @Test func buildsConcepts() throws {
        let taxonomy = try F.taxonomy()
        let tcp = try #require(taxonomy.concept(id: "tcp"))
        #expect(tcp.osiLayers == [.transport])
        #expect(tcp.tcpipLayers == [.transport])
        #expect(tcp.kind == .protocol)
        #expect(tcp.koreanName == "전송 제어 프로토콜")
        let nat = try #require(taxonomy.concept(id: "nat"))
        #expect(nat.osiLayers == [.network, .transport])
        #expect(nat.tcpipLayers == [.internet, .transport])
        #expect(nat.note == "NAPT rewrites ports too.")
        #expect(taxonomy.concept(id: "tcp-ip-model")?.osiLayers == [])
        #expect(taxonomy.concepts.map(\.id) == taxonomy.concepts.map(\.id).sorted())
    }

    @Test func duplicateIDInOneFile() {
        let found = error([file("a.yml",
            F.entry("tcp", line: 3, name: "TCP", kind: "protocol"),
            F.entry("tcp", line: 9, name: "TCP again", kind: "protocol"))])
        #expect(found == TaxonomyError(file: "a.yml", line: 9, message: "duplicate concept id 'tcp' (first at line 3)"))
        #expect(found?.description == "a.yml:9: duplicate concept id 'tcp' (first at line 3)")
    }

    @Test func aliasClaimedByTwoConcepts() {
        let found = error([file("a.yml",
            F.entry("session", line: 2, name: "Session", korean: ["세션"], kind: "mechanism"),
            F.entry("session-layer", line: 7, name: "Session layer", korean: ["세션"], kind: "model"))])
        #expect(found?.line == 7)
        #expect(found?.message.contains("'세션' of concept 'session-layer' is already a name of concept 'session' (a.yml:2)") == true)
    }

    @Test func spellingsCompareWithoutSpacesNextToHangulAndCase() {
        let spaced = error([file("a.yml",
            F.entry("a", line: 1, name: "A", korean: ["흐름 제어"], kind: "mechanism"),
            F.entry("b", line: 2, name: "B", korean: ["흐름제어"], kind: "mechanism"))])
        #expect(spaced?.line == 2)
        let cased = error([file("a.yml",
            F.entry("a", line: 1, name: "Router", kind: "device"),
            F.entry("b", line: 2, name: "B", aliases: ["ROUTER"], kind: "device"))])
        #expect(cased?.line == 2)
        // Abbreviations differing in case are different spellings.
        #expect(error([file("a.yml",
            F.entry("pop", line: 1, name: "Point of presence", abbreviations: ["PoP"], kind: "infrastructure"),
            F.entry("pop3", line: 2, name: "Post Office Protocol", abbreviations: ["POP"], kind: "protocol"))]) == nil)
    }

    @Test func unknownRelatedID() {
        let found = error([file("a.yml", F.entry("tcp", line: 4, name: "TCP", kind: "protocol", related: ["udpp"]))])
        #expect(found == TaxonomyError(file: "a.yml", line: 4, message: "concept 'tcp' is related to unknown concept 'udpp'"))
    }

    @Test func unknownLayersAndKinds() {
        let layer = error([file("a.yml", F.entry("tcp", line: 5, name: "TCP", osi: ["4", "L9"], kind: "protocol"))])
        #expect(layer?.line == 5)
        #expect(layer?.message.hasPrefix("unknown layer 'L9'") == true)
        let tcpipInOSI = error([file("a.yml", F.entry("ip", line: 2, name: "IP", osi: ["internet"], kind: "protocol"))])
        #expect(tcpipInOSI?.message.contains("is a TCP/IP layer") == true)
        let tcpip = error([file("a.yml", F.entry("ip", line: 2, name: "IP", tcpip: ["the internet"], kind: "protocol"))])
        #expect(tcpip?.message.hasPrefix("unknown TCP/IP layer") == true)
        let kind = error([file("a.yml", F.entry("ip", line: 8, name: "IP", kind: "gadget"))])
        #expect(kind?.line == 8)
        #expect(kind?.message.hasPrefix("unknown kind 'gadget'") == true)
    }

    @Test func newConceptsNeedANameAndAKind() {
        #expect(error([file("a.yml", F.entry("x", line: 3, kind: "device"))])?.message == "concept 'x' has no name")
        #expect(error([file("a.yml", F.entry("x", line: 3, name: "X"))])?.message == "concept 'x' has no kind")
    }

    @Test func badIDsAndEmptyNames() {
        #expect(error([file("a.yml", F.entry("TCP", name: "TCP", kind: "protocol"))])?.message.hasPrefix("concept id 'TCP'") == true)
        #expect(error([file("a.yml", F.entry("-x", name: "X", kind: "protocol"))]) != nil)
        #expect(error([file("a.yml", F.entry("x", name: "X", korean: ["  "], kind: "protocol"))])?.message == "'korean' has an empty item")
        #expect(error([file("a.yml", F.entry("x", name: " ", kind: "protocol"))])?.message == "'name' is empty")
        #expect(error([file("a.yml", F.entry("x", name: "X", kind: "protocol", related: ["x"]))])?.message == "concept 'x' is related to itself")
    }

    @Test func excludedWordThatIsAName() {
        let found = error([file("a.yml",
            F.entry("a", line: 1, name: "Frame", kind: "data-unit", excludes: ["Router"]),
            F.entry("b", line: 2, name: "Router", kind: "device"))])
        #expect(found?.line == 1)
    }

    @Test func userEntriesOverrideFieldsAndAddConcepts() throws {
        let user = file(".netkb/concepts.yml",
            F.entry("tcp", line: 2, korean: ["티씨피"], osi: ["transport", "7"]),
            F.entry("my-protocol", line: 5, name: "My protocol", korean: ["내 프로토콜"], osi: ["7"], kind: "protocol",
                    related: ["tcp"]))
        let taxonomy = try Taxonomy(shipped: F.networking, user: user)
        let tcp = try #require(taxonomy.concept(id: "tcp"))
        #expect(tcp.name == "Transmission Control Protocol")  // Kept.
        #expect(tcp.koreanNames == ["티씨피"])  // Replaced.
        #expect(tcp.abbreviations == ["TCP", "tcp"])  // Kept.
        #expect(tcp.osiLayers == [.transport, .application])
        #expect(tcp.tcpipLayers == [.transport, .application])
        #expect(taxonomy.concept(id: "my-protocol")?.related == ["tcp"])
        #expect(taxonomy.count == F.networking.entries.count + 1)
    }

    @Test func userSpellingClashingWithAShippedOneNamesTheUserFile() {
        let user = file(".netkb/concepts.yml", F.entry("my-router", line: 4, name: "Mine", korean: ["라우터"], kind: "device"))
        let found = error([F.networking, user])
        #expect(found?.file == ".netkb/concepts.yml")
        #expect(found?.line == 4)
        #expect(found?.message.contains("concept 'router' (test.yml:9)") == true)
    }

    @Test func fingerprintIsStableAndFollowsContent() throws {
        let one = try F.taxonomy()
        let two = try Taxonomy(files: [TaxonomyFile(name: "other name.yml", entries: F.networking.entries.reversed())])
        #expect(one.fingerprint == two.fingerprint)
        #expect(one.fingerprint.hasPrefix("v\(Taxonomy.matchingRulesVersion)-"))
        #expect(one.fingerprint.count == 3 + 16)
        let changed = try Taxonomy(shipped: F.networking, user: file("u.yml", F.entry("tcp", korean: ["티씨피"])))
        #expect(changed.fingerprint != one.fingerprint)
    }
}

/// The canonical text an index keeps of its taxonomy reads back to the same taxonomy, or to
/// nothing.
@Suite("Taxonomy canonical text")
struct TaxonomyCanonicalTextTests {
    typealias F = ConceptFixtures

    @Test func readsBackToTheSameTaxonomy() throws {
        let taxonomy = try F.taxonomy()
        let read = try #require(Taxonomy(canonicalText: taxonomy.canonicalText, fingerprint: taxonomy.fingerprint))
        #expect(read.fingerprint == taxonomy.fingerprint)
        #expect(read.concepts.map(\.id) == taxonomy.concepts.map(\.id))
        for (back, concept) in zip(read.concepts, taxonomy.concepts) {
            var expected = concept
            if expected.note == "" { expected.note = nil }
            #expect(back == expected)
        }
    }

    @Test func anyOtherTextReadsToNothing() throws {
        let taxonomy = try F.taxonomy()
        let text = taxonomy.canonicalText
        #expect(Taxonomy(canonicalText: text, fingerprint: "v1-0000000000000000") == nil)
        #expect(Taxonomy(canonicalText: text.replacingOccurrences(of: "TCP", with: "TCQ"), fingerprint: taxonomy.fingerprint) == nil)
        #expect(Taxonomy(canonicalText: String(text.dropLast(3)), fingerprint: taxonomy.fingerprint) == nil)
        #expect(Taxonomy(canonicalText: text + "x\u{1F}\u{1D}", fingerprint: taxonomy.fingerprint) == nil)
        #expect(Taxonomy(canonicalText: "", fingerprint: taxonomy.fingerprint) == nil)
    }

    /// Indexes keep the fingerprint; it must not change with how the text is written.
    @Test func theFingerprintHashesTheFieldsAsBefore() throws {
        let taxonomy = try F.taxonomy()
        var canonical: [UInt8] = []
        func field(_ text: String) { canonical += Array(text.utf8) + [0x1F] }
        func list(_ items: [String]) { field(items.joined(separator: "\u{1E}")) }
        for concept in taxonomy.concepts {
            field(concept.id); field(concept.name); list(concept.koreanNames); list(concept.abbreviations); list(concept.aliases)
            list(concept.osiLayers.map { String($0.rawValue) }); list(concept.tcpipLayers.map(\.name)); field(concept.kind.rawValue)
            list(concept.related); field(concept.note ?? ""); list(concept.excludes)
            canonical.append(0x1D)
        }
        #expect(Array(taxonomy.canonicalText.utf8) == canonical)
        let hex = String(ContentHash.of(canonical), radix: 16)
        #expect(taxonomy.fingerprint == "v\(Taxonomy.matchingRulesVersion)-" + String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
