/// One of the seven layers of the OSI reference model, numbered from the wire up.
///
/// ```swift
/// OSILayer(parsing: "전송계층") == .transport   // true
/// OSILayer.transport.koreanName                // "전송 계층"
/// ```
public enum OSILayer: Int, CaseIterable, Comparable, Hashable, Sendable {
    case physical = 1
    case dataLink = 2
    case network = 3
    case transport = 4
    case session = 5
    case presentation = 6
    case application = 7

    /// The layer's number, 1 to 7.
    public var number: Int { rawValue }

    /// The English name, e.g. `Data Link`.
    public var name: String {
        switch self {
        case .physical: "Physical"
        case .dataLink: "Data Link"
        case .network: "Network"
        case .transport: "Transport"
        case .session: "Session"
        case .presentation: "Presentation"
        case .application: "Application"
        }
    }

    /// The Korean name as Korean textbooks write it, e.g. `데이터 링크 계층`.
    public var koreanName: String {
        switch self {
        case .physical: "물리 계층"
        case .dataLink: "데이터 링크 계층"
        case .network: "네트워크 계층"
        case .transport: "전송 계층"
        case .session: "세션 계층"
        case .presentation: "표현 계층"
        case .application: "응용 계층"
        }
    }

    /// The TCP/IP layer that holds this layer: 1–2 link, 3 internet, 4 transport, 5–7 application.
    public var tcpipLayer: TCPIPLayer {
        switch self {
        case .physical, .dataLink: .link
        case .network: .internet
        case .transport: .transport
        case .session, .presentation, .application: .application
        }
    }

    /// Reads a layer the way people write one: `4`, `L4`, `layer 4`, `4계층`, `transport`,
    /// `Transport Layer`, `전송`, `전송 계층`, `전송계층`. TCP/IP's own names (`internet`,
    /// `link`) are not OSI layers and give nil; see ``Layer/init(parsing:)``.
    public init?(parsing text: String) {
        guard case .osi(let layer)? = Layer(parsing: text) else { return nil }
        self = layer
    }

    public static func < (lhs: OSILayer, rhs: OSILayer) -> Bool { lhs.rawValue < rhs.rawValue }
}
