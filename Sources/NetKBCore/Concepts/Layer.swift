/// A layer as a user names one: an OSI layer, or a TCP/IP layer that has no single OSI twin.
///
/// Names both models share (`transport`, `application`) read as OSI layers, the finer model;
/// `internet` and `link` are TCP/IP's.
///
/// ```swift
/// Layer(parsing: "L4") == .osi(.transport)           // true
/// Layer(parsing: "Transport Layer") == .osi(.transport)
/// Layer(parsing: "인터넷 계층") == .tcpip(.internet)
/// Layer(parsing: "layer 8") == nil
/// ```
public enum Layer: Hashable, Sendable {
    case osi(OSILayer)
    case tcpip(TCPIPLayer)

    /// Reads `4`, `L4`, `layer 4`, `4계층`, `transport`, `Transport Layer`, `전송`, `전송 계층`,
    /// `전송계층`, and TCP/IP's `internet`, `link`, `network access`, `application`. Case, spaces,
    /// hyphens and underscores do not matter. Anything else is nil.
    public init?(parsing text: String) {
        var key = Self.key(text)
        for suffix in ["layer", "계층", "층"] where key.hasSuffix(suffix) && key.count > suffix.count {
            key.removeLast(suffix.count)
            break
        }
        for prefix in ["layer", "osi", "l", "제"] where key.hasPrefix(prefix) && key.count > prefix.count {
            let rest = key.dropFirst(prefix.count)
            if rest.allSatisfy(\.isASCIIDigit) { key = String(rest) }
            break
        }
        guard let layer = Self.spellings[key] else { return nil }
        self = layer
    }

    /// The English name: `Transport` for OSI 4, `Internet (TCP/IP)` for TCP/IP's internet layer.
    public var name: String {
        switch self {
        case .osi(let layer): layer.name
        case .tcpip(let layer): "\(layer.name) (TCP/IP)"
        }
    }

    /// The Korean name, e.g. `전송 계층`.
    public var koreanName: String {
        switch self {
        case .osi(let layer): layer.koreanName
        case .tcpip(let layer): layer.koreanName
        }
    }

    /// The OSI layers this layer stands for: itself, or those its TCP/IP layer covers.
    public var osiLayers: [OSILayer] {
        switch self {
        case .osi(let layer): [layer]
        case .tcpip(let layer): layer.osiLayers
        }
    }

    /// Lower-cased, without spaces, hyphens and underscores.
    private static func key(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { scalar in
            !scalar.properties.isWhitespace && scalar != "-" && scalar != "_"
        }.map(Character.init))
    }

    /// Every accepted spelling, as ``key(_:)`` writes it, after a trailing `layer` or `계층` and a
    /// leading `L` or `layer` before a number are dropped.
    private static let spellings: [String: Layer] = {
        var table: [String: Layer] = [:]
        let osi: [(OSILayer, [String])] = [
            (.physical, ["physical", "물리", "phy"]),
            (.dataLink, ["datalink", "데이터링크", "데이터연결"]),
            (.network, ["network", "네트워크", "망"]),
            (.transport, ["transport", "전송", "트랜스포트"]),
            (.session, ["session", "세션"]),
            (.presentation, ["presentation", "표현", "프레젠테이션"]),
            (.application, ["application", "응용", "애플리케이션", "어플리케이션", "app"]),
        ]
        for (layer, names) in osi {
            table[String(layer.rawValue)] = .osi(layer)
            for name in names { table[name] = .osi(layer) }
        }
        let tcpip: [(TCPIPLayer, [String])] = [
            (.link, ["link", "networkaccess", "networkinterface", "링크", "네트워크접근", "네트워크액세스",
                     "네트워크인터페이스"]),
            (.internet, ["internet", "인터넷"]),
        ]
        for (layer, names) in tcpip {
            for name in names { table[name] = .tcpip(layer) }
        }
        return table
    }()
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
