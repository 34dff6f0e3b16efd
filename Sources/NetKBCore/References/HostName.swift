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
