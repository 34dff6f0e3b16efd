/// An `http` or `https` URL split into its parts exactly as written, before any of them is
/// normalised: `scheme://userinfo@host:port/path?query#fragment`, as UTF-8 bytes.
///
/// Parsing is one pass over the bytes and never fails on odd text: it only refuses what is not
/// an `http(s)://` URL with a host and a numeric port.
struct RawURL {
    /// `http` or `https`, lower-case.
    var scheme: String
    var userinfo: ArraySlice<UInt8>?
    /// The host as written; an IPv6 literal keeps its brackets.
    var host: ArraySlice<UInt8>
    /// The port's number, when one was written.
    var port: Int?
    var path: ArraySlice<UInt8>
    /// What follows `?`, nil without a `?`.
    var query: ArraySlice<UInt8>?
    /// What follows `#`, nil without a `#`.
    var fragment: ArraySlice<UInt8>?

    /// Splits `text`; nil when it is not an `http(s)://` URL with a non-empty host and a valid port.
    /// Tabs and line breaks anywhere, and spaces or control characters around it, are ignored.
    init?(parsing text: String) {
        let bytes = Self.cleaned(text)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        self.scheme = scheme

        var index = colon + 1
        guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") else { return nil }
        index += 2

        let authorityStart = index
        while index < bytes.count, !Self.endsAuthority(bytes[index]) { index += 1 }
        var authority = bytes[authorityStart..<index]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = authority[..<at]
            self.userinfo = userinfo.isEmpty ? nil : userinfo
            authority = authority[(at + 1)...]
        }
        guard let (host, port) = Self.splitHostAndPort(authority) else { return nil }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port

        let pathStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"), bytes[index] != UInt8(ascii: "#") { index += 1 }
        path = bytes[pathStart..<index]
        if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
            let queryStart = index + 1
            index = queryStart
            while index < bytes.count, bytes[index] != UInt8(ascii: "#") { index += 1 }
            query = bytes[queryStart..<index]
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            fragment = bytes[(index + 1)...]
        }
    }

    private static func endsAuthority(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#")
    }

    /// The text's bytes without tabs and line breaks, trimmed of spaces and control characters.
    private static func cleaned(_ text: String) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 where byte != 0x09 && byte != 0x0A && byte != 0x0D { bytes.append(byte) }
        let start = bytes.firstIndex { $0 > 0x20 } ?? bytes.endIndex
        let end = (bytes.lastIndex { $0 > 0x20 }).map { $0 + 1 } ?? start
        return Array(bytes[start..<max(start, end)])
    }

    /// `host:port` or `[v6]:port`; nil when the port is not a number from 0 to 65535. An empty
    /// port (`host:`) counts as none.
    private static func splitHostAndPort(_ authority: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Int?)? {
        var host = authority
        var portDigits: ArraySlice<UInt8> = []
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            host = authority[...close]
            let rest = authority[(close + 1)...]
            if let first = rest.first {
                guard first == UInt8(ascii: ":") else { return nil }
                portDigits = rest.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: UInt8(ascii: ":")) {
            host = authority[..<colon]
            portDigits = authority[(colon + 1)...]
        }
        guard !portDigits.isEmpty else { return (host, nil) }
        var port = 0
        for digit in portDigits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            port = port * 10 + Int(digit - UInt8(ascii: "0"))
            guard port <= 65535 else { return nil }
        }
        return (host, port)
    }
}
