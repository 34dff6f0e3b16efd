import Foundation
import NetKB
import Testing

@Suite struct ShippedTaxonomyTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func loadsAndValidatesWithAtLeast250Concepts() throws {
        let taxonomy = try ShippedTaxonomy.taxonomy()
        #expect(taxonomy.count >= 250)
        #expect(taxonomy.fingerprint.hasPrefix("v1-"))
    }

    @Test func generatedSwiftMatchesTheYAML() throws {
        let url = Self.packageRoot.appendingPathComponent("Sources/NetKB/Resources/concepts.yml")
        var yaml = try String(contentsOf: url, encoding: .utf8)
        if !yaml.hasSuffix("\n") { yaml += "\n" }
        #expect(ShippedTaxonomy.yaml == yaml, "Sources/NetKB/ShippedTaxonomy.swift is out of date: run scripts/embed-taxonomy")
    }

    /// Every concept of the user's notes and the ground of a networking course is there.
    @Test(arguments: [
        "tcp", "udp", "ip", "quic", "http3", "syn", "ack", "isn", "fin", "rst", "psh", "urg", "three-way-handshake",
        "four-way-handshake", "half-close", "time-wait", "retransmission", "buffer", "flow-control",
        "congestion-control", "socket", "port", "session", "osi-model", "tcp-ip-model", "encapsulation", "router",
        "switch", "ethernet", "lan", "wan", "nic", "mac-address", "nat", "packet", "isp", "tier-1-isp", "tier-2-isp",
        "tier-3-isp", "backbone", "peering", "arp", "dns", "dhcp", "icmp", "tls", "http-1-1", "http2", "subnetting",
        "cidr", "bgp", "ospf", "vlan", "wifi", "sliding-window", "mss", "mtu", "ttl", "rtt", "cwnd", "slow-start",
        "aimd", "multiplexing",
    ])
    func coversTheCourse(_ id: String) throws {
        #expect(try ShippedTaxonomy.taxonomy().concept(id: id) != nil)
    }

    /// Lists show the abbreviation that stands for a concept's name, and the name when its
    /// abbreviations are kinds or instances of it (`GET` is one HTTP method, `HLS` one way of
    /// streaming).
    @Test(arguments: [
        ("tcp", "TCP"), ("http", "HTTP"), ("mac-address", "MAC"), ("access-point", "AP"), ("tcp-ip-model", "TCP/IP"),
        ("osi-model", "OSI"), ("http-method", "HTTP method"), ("streaming", "Media streaming"),
        ("web-server", "Web server"), ("tcp-states", "TCP connection states"), ("transport-layer", "Transport layer"),
        ("certificate", "Digital certificate"),
    ])
    func labels(_ id: String, _ label: String) throws {
        #expect(try ShippedTaxonomy.taxonomy().concept(id: id)?.label == label)
    }

    /// Where textbooks disagree, both placements are listed and the entry says so.
    @Test(arguments: [
        ("arp", [OSILayer.dataLink, .network]), ("nat", [.network, .transport]),
        ("tls", [.session, .presentation, .application]), ("quic", [.transport, .application]),
    ])
    func disputedLayers(_ id: String, _ layers: [OSILayer]) throws {
        let concept = try #require(try ShippedTaxonomy.taxonomy().concept(id: id))
        #expect(concept.osiLayers == layers)
        #expect(concept.note?.contains("Textbooks disagree") == true)
    }

    @Test func spellingsPeopleUse() throws {
        let taxonomy = try ShippedTaxonomy.taxonomy()
        let handshake = try #require(taxonomy.concept(id: "three-way-handshake"))
        for spelling in ["3-way 핸드셰이크", "3-way 핸드쉐이크", "쓰리웨이 핸드셰이크", "쓰리웨이 핸드쉐이크"] {
            #expect(handshake.koreanNames.contains(spelling))
        }
        #expect(taxonomy.concept(id: "handshake")?.koreanNames.contains("핸드쉐이크") == true)
        // Every concept has a layer unless it is a model, infrastructure or a layerless idea.
        let layerless = taxonomy.concepts.filter { $0.osiLayers.isEmpty }.map(\.id)
        #expect(layerless.count < 40, "\(layerless)")
        #expect(taxonomy.concepts.allSatisfy { $0.tcpipLayers.isEmpty == $0.osiLayers.isEmpty })
    }
}
