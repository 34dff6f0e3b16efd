/// The site a host belongs to, for grouping references: its registrable domain, that is one
/// label more than its public suffix.
///
/// There is no copy of the Public Suffix List here; a short list does the work for the links
/// people cite:
/// - one-label suffixes (`com`, `org`, `kr`, `io`, …): `en.wikipedia.org` → `wikipedia.org`,
///   `blog.naver.com` → `naver.com`, `learn.microsoft.com` → `microsoft.com`;
/// - two-label country suffixes, a two-letter country code under one of `ac co com edu go gov
///   mil ne net or org pe re`: `news.bbc.co.uk` → `bbc.co.uk`, `www.korea.go.kr` → `korea.go.kr`;
/// - shared hosting, where each name is someone's own site (``sharedHostingSuffixes``):
///   `evan-moon.github.io`, `hojunking.tistory.com` and `foo.blogspot.com` stay as they are.
///
/// IP addresses, `localhost` and other one- or two-label hosts are their own domain.
enum SiteDomain {
    /// Suffixes under which every name belongs to a different person or project.
    static let sharedHostingSuffixes: Set<String> = [
        "github.io", "gitlab.io", "tistory.com", "blogspot.com", "wordpress.com", "medium.com", "substack.com",
        "tumblr.com", "notion.site", "gitbook.io", "readthedocs.io", "netlify.app", "vercel.app", "pages.dev",
        "web.app", "firebaseapp.com", "herokuapp.com", "glitch.me", "egloos.com", "velog.io",
    ]

    /// Second-level labels that make `LABEL.CC` a public suffix under a two-letter country code.
    static let countrySecondLevels: Set<String> = [
        "ac", "co", "com", "edu", "go", "gov", "mil", "ne", "net", "or", "org", "pe", "re",
    ]

    /// The domain of a canonical host (see ``HostName``).
    static func of(host: String) -> String {
        guard !host.hasPrefix("[") else { return host }
        let utf8 = host.utf8
        // ASCII hosts, most of them, by their bytes: the same labels as by characters.
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return ofByCharacters(host: host) }
        let labels = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard !labels.contains(where: \.isEmpty) else { return ofByCharacters(host: host) }
        if labels.count == 4, labels.allSatisfy({ $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }) {
            return host
        }
        var take = 2
        if labels.count >= 2 {
            let lastTwo = String(Substring(utf8[labels[labels.count - 2].startIndex...]))
            let (second, last) = (labels[labels.count - 2], labels[labels.count - 1])
            if sharedHostingSuffixes.contains(lastTwo) || (last.count == 2 && countrySecondLevels.contains(String(Substring(second)))) {
                take = 3
            }
        }
        guard labels.count > take else { return host }
        return String(Substring(utf8[labels[labels.count - take].startIndex...]))
    }

    /// ``of(host:)`` by the general rules, splitting the host into labels by characters.
    static func ofByCharacters(host: String) -> String {
        guard !host.hasPrefix("[") else { return host }
        let labels = host.split(separator: ".").map(String.init)
        if labels.count == 4, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) {
            return host
        }
        let take = suffixLength(of: labels) + 1
        guard labels.count > take else { return host }
        return labels.suffix(take).joined(separator: ".")
    }

    /// Whether `labels` are exactly a two-label country suffix such as `co.kr`.
    static func isCountrySuffix(_ labels: [String]) -> Bool {
        labels.count == 2 && labels[1].count == 2 && labels[1].allSatisfy(\.isASCII) && countrySecondLevels.contains(labels[0])
    }

    /// How many trailing labels of `labels` form its public suffix.
    static func suffixLength(of labels: [String]) -> Int {
        guard labels.count >= 2 else { return labels.count }
        let lastTwo = labels.suffix(2)
        if sharedHostingSuffixes.contains(lastTwo.joined(separator: ".")) { return 2 }
        return isCountrySuffix(Array(lastTwo)) ? 2 : 1
    }
}
