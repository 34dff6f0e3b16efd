/// One of the four layers of the TCP/IP model, from the link up.
///
/// ```swift
/// TCPIPLayer(parsing: "internet") == .internet   // true
/// TCPIPLayer(parsing: "L2") == .link             // true: OSI spellings map onto TCP/IP
/// ```
public enum TCPIPLayer: Int, CaseIterable, Comparable, Hashable, Sendable {
    case link = 1
    case internet = 2
    case transport = 3
    case application = 4

    /// The English name, e.g. `Internet`.
    public var name: String {
        switch self {
        case .link: "Link"
        case .internet: "Internet"
        case .transport: "Transport"
        case .application: "Application"
        }
    }

    /// The Korean name, e.g. `인터넷 계층`.
    public var koreanName: String {
        switch self {
        case .link: "네트워크 접근 계층"
        case .internet: "인터넷 계층"
        case .transport: "전송 계층"
        case .application: "응용 계층"
        }
    }

    /// The OSI layers this layer covers.
    public var osiLayers: [OSILayer] {
        OSILayer.allCases.filter { $0.tcpipLayer == self }
    }

    /// Reads a TCP/IP layer by its own names (`link`, `network access`, `internet`, `인터넷 계층`,
    /// `transport`, `application`) or by any OSI spelling, mapped onto TCP/IP (`3` → internet).
    public init?(parsing text: String) {
        switch Layer(parsing: text) {
        case .tcpip(let layer)?: self = layer
        case .osi(let layer)?: self = layer.tcpipLayer
        case nil: return nil
        }
    }

    public static func < (lhs: TCPIPLayer, rhs: TCPIPLayer) -> Bool { lhs.rawValue < rhs.rawValue }
}
