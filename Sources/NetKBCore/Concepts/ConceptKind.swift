/// What sort of thing a concept is.
public enum ConceptKind: String, CaseIterable, Hashable, Sendable {
    /// A protocol: TCP, ARP, HTTP/2.
    case `protocol`
    /// A device or a piece of one: router, switch, NIC.
    case device
    /// An address or identifier: MAC address, port, URL.
    case address
    /// A mechanism, algorithm or state: flow control, slow start, TIME_WAIT.
    case mechanism
    /// A header field or flag: SYN, TTL, window size.
    case field
    /// A model, layer or architecture: the OSI model, the transport layer, client-server.
    case model
    /// Infrastructure: LAN, WAN, ISP, backbone, CDN.
    case infrastructure
    /// A unit of data a layer hands on: frame, packet, segment.
    case dataUnit = "data-unit"
    /// A measure: RTT, bandwidth, latency.
    case metric

    /// Reads the spelling used in taxonomy files (`protocol`, `data-unit`, …); case and spaces,
    /// hyphens or underscores between words do not matter (`header field` reads as `field`).
    public init?(parsing text: String) {
        let key = String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        switch key {
        case "headerfield", "flag", "headerflag", "headerfieldorflag": self = .field
        case "unit", "dataunit", "pdu": self = .dataUnit
        case "measure": self = .metric
        default:
            guard let kind = Self.allCases.first(where: { $0.rawValue.filter(\.isLetter) == key }) else { return nil }
            self = kind
        }
    }
}
