import Testing
@testable import NetKBCore

@Suite("Layer")
struct LayerTests {
    @Test(arguments: [
        "4", "L4", "l4", "layer 4", "Layer4", "4계층", "4 계층", "제4계층", "transport", "Transport",
        "Transport Layer", "transport-layer", "전송", "전송 계층", "전송계층", "트랜스포트 계층", "OSI 4",
    ])
    func transportSpellings(_ text: String) {
        #expect(Layer(parsing: text) == .osi(.transport))
        #expect(OSILayer(parsing: text) == .transport)
        #expect(TCPIPLayer(parsing: text) == .transport)
    }

    @Test(arguments: [
        ("1", OSILayer.physical), ("물리 계층", .physical), ("Physical Layer", .physical),
        ("L2", .dataLink), ("data link", .dataLink), ("Data-Link Layer", .dataLink), ("데이터 링크 계층", .dataLink),
        ("데이터링크", .dataLink), ("3", .network), ("network", .network), ("네트워크 계층", .network),
        ("5", .session), ("세션 계층", .session), ("presentation", .presentation), ("표현계층", .presentation),
        ("7", .application), ("L7", .application), ("Application Layer", .application), ("응용 계층", .application),
        ("애플리케이션 계층", .application), ("어플리케이션", .application),
    ])
    func osiSpellings(_ text: String, _ layer: OSILayer) {
        #expect(OSILayer(parsing: text) == layer)
    }

    @Test(arguments: [
        ("internet", TCPIPLayer.internet), ("Internet Layer", .internet), ("인터넷 계층", .internet),
        ("link", .link), ("Link Layer", .link), ("network access", .link), ("Network Interface Layer", .link),
        ("네트워크 접근 계층", .link), ("링크 계층", .link),
    ])
    func tcpipOwnNames(_ text: String, _ layer: TCPIPLayer) {
        #expect(Layer(parsing: text) == .tcpip(layer))
        #expect(TCPIPLayer(parsing: text) == layer)
        // They are not OSI layers.
        #expect(OSILayer(parsing: text) == nil)
    }

    @Test func osiSpellingsMapOntoTCPIP() {
        #expect(TCPIPLayer(parsing: "1") == .link)
        #expect(TCPIPLayer(parsing: "L2") == .link)
        #expect(TCPIPLayer(parsing: "network") == .internet)
        #expect(TCPIPLayer(parsing: "application") == .application)
        #expect(TCPIPLayer(parsing: "6") == .application)
        #expect(TCPIPLayer.application.osiLayers == [.session, .presentation, .application])
    }

    @Test(arguments: ["0", "8", "L9", "layer", "계층", "", "transports", "linked", "tcp", "L4.5"])
    func unknownSpellings(_ text: String) {
        #expect(Layer(parsing: text) == nil)
    }

    @Test func namesForDisplay() {
        #expect(OSILayer.dataLink.name == "Data Link")
        #expect(OSILayer.dataLink.koreanName == "데이터 링크 계층")
        #expect(OSILayer.transport.number == 4)
        #expect(TCPIPLayer.internet.koreanName == "인터넷 계층")
        #expect(Layer.tcpip(.link).name == "Link (TCP/IP)")
        #expect(Layer.tcpip(.link).osiLayers == [.physical, .dataLink])
    }
}
