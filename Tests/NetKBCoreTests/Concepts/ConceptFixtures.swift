@testable import NetKBCore

/// Small hand-written taxonomies for the core's tests.
enum ConceptFixtures {
    /// An entry with the given fields; lines default to the entry's line.
    static func entry(
        _ id: String, line: Int = 1, name: String? = nil, korean: [String]? = nil, abbreviations: [String]? = nil,
        aliases: [String]? = nil, osi: [String]? = nil, tcpip: [String]? = nil, kind: String? = nil,
        related: [String]? = nil, note: String? = nil, excludes: [String]? = nil
    ) -> ConceptEntry {
        var entry = ConceptEntry(id: id, line: line)
        entry.name = name
        entry.koreanNames = korean
        entry.abbreviations = abbreviations
        entry.aliases = aliases
        entry.osiLayers = osi
        entry.tcpipLayers = tcpip
        entry.kind = kind
        entry.related = related
        entry.note = note
        entry.excludes = excludes
        for field in ConceptEntry.Field.allCases { entry.fieldLines[field] = line }
        return entry
    }

    /// A few concepts that exercise every matching rule.
    static let networking = TaxonomyFile(name: "test.yml", entries: [
        entry("tcp", line: 1, name: "Transmission Control Protocol", korean: ["전송 제어 프로토콜"],
              abbreviations: ["TCP", "tcp"], osi: ["4"], kind: "protocol", related: ["ip"]),
        entry("udp", line: 2, name: "User Datagram Protocol", abbreviations: ["UDP"], osi: ["4"], kind: "protocol"),
        entry("ip", line: 3, name: "Internet Protocol", korean: ["IP 프로토콜"], abbreviations: ["IP", "IPv4"],
              osi: ["3"], kind: "protocol"),
        entry("ip-address", line: 4, name: "IP address", korean: ["IP 주소", "아이피 주소"], abbreviations: ["IPv4 주소"],
              osi: ["network"], kind: "address", related: ["ip"]),
        entry("tcp-ip-model", line: 5, name: "TCP/IP model", korean: ["TCP/IP 모델"], abbreviations: ["TCP/IP"],
              kind: "model", related: ["tcp", "ip"]),
        entry("port", line: 6, name: "Port", korean: ["포트", "포트 번호"], osi: ["L4"], kind: "address",
              excludes: ["포트폴리오"]),
        entry("session", line: 7, name: "Session", korean: ["세션"], osi: ["4", "5"], kind: "mechanism"),
        entry("socket", line: 8, name: "Socket", korean: ["소켓"], osi: ["4"], kind: "mechanism"),
        entry("router", line: 9, name: "Router", korean: ["라우터"], osi: ["3"], kind: "device"),
        entry("switch", line: 10, name: "Switch", korean: ["스위치"], osi: ["2"], kind: "device"),
        entry("syn", line: 11, name: "SYN flag", abbreviations: ["SYN"], osi: ["4"], kind: "field"),
        entry("ack", line: 12, name: "ACK", abbreviations: ["ACK"], aliases: ["acknowledgement", "acknowledgment"],
              osi: ["4"], kind: "field"),
        entry("three-way-handshake", line: 13, name: "Three-way handshake",
              korean: ["쓰리웨이 핸드셰이크", "쓰리웨이 핸드쉐이크", "3-way 핸드셰이크"], aliases: ["3-way handshake"],
              osi: ["4"], kind: "mechanism"),
        entry("flow-control", line: 14, name: "Flow control", korean: ["흐름 제어"], osi: ["4"], kind: "mechanism"),
        entry("frame", line: 15, name: "Frame", korean: ["프레임"], osi: ["2"], kind: "data-unit",
              excludes: ["프레임워크"]),
        entry("time-wait", line: 16, name: "TIME_WAIT", korean: ["타임 웨이트"], osi: ["4"], kind: "mechanism"),
        entry("nat", line: 17, name: "Network address translation", abbreviations: ["NAT"], osi: ["3", "4"],
              kind: "mechanism", note: "NAPT rewrites ports too."),
        entry("mac-address", line: 18, name: "MAC address", korean: ["MAC 주소"], abbreviations: ["MAC"], osi: ["2"],
              kind: "address"),
        entry("csma-ca", line: 19, name: "CSMA/CA", abbreviations: ["CSMA/CA"], osi: ["2"], kind: "mechanism"),
        entry("ca", line: 20, name: "Certificate authority", abbreviations: ["CA"], osi: ["7"], kind: "infrastructure"),
    ])

    static func taxonomy() throws -> Taxonomy {
        try Taxonomy(files: [networking])
    }
}
