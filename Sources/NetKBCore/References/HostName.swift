/// Host names in canonical form, and the folding of hosts that are one site under two names.
///
/// A host is percent-decoded, lower-cased (Unicode too) and put in NFC; the ideographic full
/// stops `。．｡` become `.` and a final `.` is dropped. Internationalised names stay in
/// Unicode: there is no Punycode here, so `한국.kr` and `xn--3e0b707e.kr` stay two hosts.
/// IPv6 literals are lower-cased but not otherwise rewritten (`[::1]` and `[0::1]` differ).
enum HostName {
    /// Wikimedia sites, whose mobile pages live at `LANG.m.SITE` (`en.m.wikipedia.org`).
    static let wikimediaSites: Set<String> = [
        "wikipedia.org", "wiktionary.org", "wikibooks.org", "wikiquote.org", "wikisource.org",
        "wikinews.org", "wikiversity.org", "wikivoyage.org", "wikimedia.org", "wikidata.org", "mediawiki.org",
    ]

    /// The canonical host, or nil when the text cannot be a host (empty, an empty label, a
    /// space, a control character or ASCII punctuation other than `-` and `_`).
    static func canonical(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.first == UInt8(ascii: "[") { return canonicalIPv6(bytes) }
        switch canonicalPlainASCII(bytes) {
        case .canonical(let host): return host
        case .notPlain: return canonicalDecodingUnicode(bytes)
        }
    }

    /// What ``canonicalPlainASCII(_:)`` made of a host.
    enum PlainASCIIHost {
        /// The host was plain ASCII: its canonical form, or nil when it cannot be a host.
        case canonical(String?)
        /// It holds a percent-escape or a byte beyond ASCII: it takes the long way.
        case notPlain
    }

    /// The canonical form of a host written in ASCII without percent-escapes, most hosts, in one
    /// pass over its bytes: lower-cased, a final `.` dropped. What ``canonicalDecodingUnicode(_:)``
    /// gives for the same bytes, without decoding, case mapping or NFC.
    static func canonicalPlainASCII(_ bytes: ArraySlice<UInt8>) -> PlainASCIIHost {
        var host = [UInt8]()
        host.reserveCapacity(bytes.count)
        var allowed = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): host.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                host.append(byte)
            case UInt8(ascii: "%"), 0x80...: return .notPlain
            default: allowed = false
            }
        }
        guard allowed else { return .canonical(nil) }
        if host.last == UInt8(ascii: ".") { host.removeLast() }
        let dot = UInt8(ascii: ".")
        guard !host.isEmpty, host.first != dot, host.last != dot,
              !zip(host, host.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return .canonical(nil) }
        return .canonical(String(decoding: host, as: UTF8.self))
    }

    /// The canonical host by the general rules: percent-decoded, mapped to lower case and NFC.
    static func canonicalDecodingUnicode(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.first == UInt8(ascii: "[") { return canonicalIPv6(bytes) }
        var decoded = [UInt8]()
        decoded.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), bytes.endIndex - index >= 3,
               let high = PercentEncoding.hexValue(bytes[index + 1]), let low = PercentEncoding.hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { return nil }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{3002}", "\u{FF0E}", "\u{FF61}": scalars.append(".")
            default: scalars.append(scalar)
            }
        }
        var host = NFC.normalize(String(scalars).lowercased())
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy(isAllowed) else { return nil }
        guard !host.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else { return nil }
        return host
    }

    /// The host without a leading `www.` or `m.` (`www.example.com` → `example.com`,
    /// `m.blog.naver.com` → `blog.naver.com`) and without the `m` of Wikimedia's mobile hosts
    /// (`en.m.wikipedia.org` → `en.wikipedia.org`). A label is kept when dropping it would leave a
    /// bare public suffix (`www.co.kr`).
    static func folded(_ host: String) -> String {
        guard !host.hasPrefix("[") else { return host }
        // Most hosts start with neither `www.` nor `m.` and have no `m` for their second label.
        if host.utf8.allSatisfy({ $0 < 0x80 }) {
            let labels = host.utf8.split(separator: UInt8(ascii: "."), maxSplits: 2)
            guard labels.count == 3, labels[0].elementsEqual("www".utf8) || labels[0].elementsEqual("m".utf8)
                    || labels[1].elementsEqual("m".utf8) else { return host }
        }
        return foldedByLabels(host)
    }

    /// ``folded(_:)`` by the general rules, label by label.
    static func foldedByLabels(_ host: String) -> String {
        guard !host.hasPrefix("[") else { return host }
        var labels = host.split(separator: ".").map(String.init)
        if labels.count >= 3, labels[0] == "www" || labels[0] == "m" {
            let rest = Array(labels.dropFirst())
            if !SiteDomain.isCountrySuffix(rest) { labels = rest }
        }
        if labels.count >= 4, labels[1] == "m", wikimediaSites.contains(labels.suffix(2).joined(separator: ".")) {
            labels.remove(at: 1)
        }
        return labels.joined(separator: ".")
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            switch scalar {
            case "a"..."z", "0"..."9", "-", "_", ".": return true
            default: return false
            }
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            return false
        default:
            return true
        }
    }

    /// `[…]` with hex digits, `:` and `.` inside, lower-cased; nil otherwise.
    private static func canonicalIPv6(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count > 2, bytes.last == UInt8(ascii: "]") else { return nil }
        let inside = bytes.dropFirst().dropLast()
        let allowed = inside.allSatisfy { byte in
            PercentEncoding.hexValue(byte) != nil || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
        }
        guard allowed, inside.contains(UInt8(ascii: ":")) else { return nil }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
