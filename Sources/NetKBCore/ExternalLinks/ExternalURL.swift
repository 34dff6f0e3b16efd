/// An `http(s)` URL of a note as the external check requests it: the fragment dropped (it is
/// never sent), the host in ASCII (Punycode for internationalised names, dotted-quad for IPv4),
/// the default port left out, user names and passwords dropped (netkb never sends credentials
/// it found in a note), and every byte a request line cannot carry percent-encoded. Escapes
/// already written are kept as written: `a%2Fb` and `a/b` may be different pages.
///
/// ```swift
/// try ExternalURL(parsing: "HTTPS://한국.kr:443/a b/../c?x=1#top").requestURL
/// // "https://xn--3e0b707e.kr/c?x=1"
/// ```
///
/// Two citations with the same ``requestURL`` are checked once.
public struct ExternalURL: Hashable, Sendable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host as people read it: lower-case, NFC, Unicode kept; IPv6 in brackets. What the
    /// skip rules judge (see ``PrivateHosts``).
    public let host: String
    /// The host as DNS and the `Host` header spell it.
    public let asciiHost: String
    /// The port, when it is not the scheme's default.
    public let port: Int?
    /// The path (never empty) and query, ASCII.
    public let pathAndQuery: String

    /// Why a text is not a URL the check can request.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// Parses what a note wrote.
    public init(parsing text: String) throws(ParseError) {
        guard let raw = RawURL(parsing: text) else {
            throw ParseError(message: "not a valid http(s) URL")
        }
        guard let canonical = HostName.canonical(raw.host) else {
            throw ParseError(message: "not a valid host name '\(String(decoding: raw.host, as: UTF8.self))'")
        }
        var host = canonical
        var ascii: String
        if case .v4(let value)? = IPAddressLiteral(canonical) {
            host = "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
            ascii = host
        } else if canonical.hasPrefix("[") {
            guard IPAddressLiteral(canonical) != nil else { throw ParseError(message: "not a valid IPv6 address '\(canonical)'") }
            ascii = canonical
        } else if IPAddressLiteral.looksLikeBrokenIPv4(canonical) {
            throw ParseError(message: "not a valid IPv4 address '\(canonical)'")
        } else {
            guard let punycode = Punycode.asciiHost(canonical) else {
                throw ParseError(message: "host name '\(canonical)' is longer than DNS allows")
            }
            ascii = punycode
        }
        if ascii.hasSuffix(".") { ascii.removeLast() }
        scheme = raw.scheme
        self.host = host
        asciiHost = ascii
        port = raw.port == (raw.scheme == "https" ? 443 : 80) ? nil : raw.port
        let path = URLNormalizer.removingDotSegments(Self.encoded(raw.path))
        pathAndQuery = path + (raw.query.map { "?" + Self.encoded($0) } ?? "")
    }

    /// The URL to request: `scheme://host[:port]/path[?query]`.
    public var requestURL: String {
        "\(scheme)://\(asciiHost)\(port.map { ":\($0)" } ?? "")\(pathAndQuery)"
    }

    /// The key requests are limited by, per host (`--max-per-host`): the ASCII host, any port.
    public var hostKey: String { asciiHost }

    /// The server the URL's requests go to, `host:port` (the scheme's port when none is
    /// written): ``HostHealth`` gives up on a server, not on every port of its host.
    public var serverKey: String { "\(asciiHost):\(port ?? (scheme == "https" ? 443 : 80))" }

    public var description: String { requestURL }

    /// Where a `Location` header leads from this URL.
    public enum Resolved: Hashable, Sendable {
        case url(ExternalURL)
        /// An absolute URL of another scheme (`ftp:`, `file:`, `javascript:`), lower-case.
        case otherScheme(String)
        case invalid(String)
    }

    /// Resolves a `Location` header (RFC 3986 §5.2) against this URL: absolute, `//host/…`,
    /// `/path`, `path`, `?query` or `#fragment`.
    public func resolving(_ location: String) -> Resolved {
        let reference = location.trimmingSurroundingWhitespace()
        if let scheme = Self.scheme(of: reference) {
            guard scheme == "http" || scheme == "https" else { return .otherScheme(scheme) }
            return Self.resolved(reference)
        }
        let authority = "\(scheme)://\(asciiHost)\(port.map { ":\($0)" } ?? "")"
        if reference.hasPrefix("//") { return Self.resolved(scheme + ":" + reference) }
        let withoutFragment = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let currentPath = String(pathAndQuery.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        if withoutFragment.isEmpty { return .url(self) }
        if withoutFragment.hasPrefix("/") { return Self.resolved(authority + withoutFragment) }
        if withoutFragment.hasPrefix("?") { return Self.resolved(authority + currentPath + withoutFragment) }
        let directory = currentPath.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(currentPath[...$0]) } ?? "/"
        return Self.resolved(authority + directory + withoutFragment)
    }

    private static func resolved(_ text: String) -> Resolved {
        do {
            return .url(try ExternalURL(parsing: text))
        } catch {
            return .invalid(error.message)
        }
    }

    /// The lower-cased scheme of an absolute URL (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`), else nil.
    static func scheme(of reference: String) -> String? {
        var scheme = ""
        for (offset, byte) in reference.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: ":"):
                return offset > 0 ? scheme.lowercased() : nil
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard offset > 0 else { return nil }
                scheme.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                return nil
            }
        }
        return nil
    }

    /// `bytes` with spaces, controls, non-ASCII bytes, `" < > \ ^ ` { | }` and a `%` that starts
    /// no escape percent-encoded; everything else, escapes included, as written.
    static func encoded(_ bytes: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let hex = Array("0123456789ABCDEF".utf8)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let isEscape = byte == UInt8(ascii: "%") && bytes.endIndex - index >= 3
                && PercentEncoding.hexValue(bytes[index + 1]) != nil && PercentEncoding.hexValue(bytes[index + 2]) != nil
            switch byte {
            case 0x00...0x20, 0x7F...0xFF, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
                 UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                output += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            case UInt8(ascii: "%") where !isEscape:
                output += Array("%25".utf8)
            default:
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
