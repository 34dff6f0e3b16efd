import NetKBTestSupport
import Testing
@testable import NetKBCore

/// Plain ASCII hosts, most hosts, take short ways through ``HostName`` and ``SiteDomain``, and
/// paths without dot segments a short way through ``URLNormalizer``; each must give what the
/// general rules give. Hosts are drawn from a seeded generator, out of pieces
/// that hit every rule: `www.` and `m.` folding, Wikimedia's mobile hosts, country and shared
/// hosting suffixes, IPv4 addresses, upper case, empty labels, characters no host has.
@Suite("URL normalization: the short ways agree with the general rules")
struct URLFastPathTests {
    static let pieces = [
        "www", "m", "WWW", "M", "en", "ko", "wikipedia", "org", "co", "kr", "go", "uk", "com", "github", "io",
        "tistory", "blog", "naver", "192", "168", "0", "1", "a-b", "x_y", "", "Example", "net", "ac", "jp",
    ]
    static let odd = [" ", "!", "/", "%41", "\t", "..", "é", "。"]

    /// Hosts each rule changes, written out, and hosts drawn at random.
    static func hosts(count: Int) -> [[UInt8]] {
        let written = [
            "en.m.wikipedia.org", "ko.M.Wikipedia.org.", "de.m.wikidata.org", "x.m.example.org", "www.m.naver.com",
            "m.co.kr", "www.co.kr", "www.korea.go.kr", "m.blog.naver.com", "news.bbc.co.uk", "evan-moon.github.io",
            "a.b.tistory.com", "10.0.0.1", "1.2.3.4.5", "localhost", "www.com", "m.m.m", "a..b", ".a", "a.",
        ].map { Array($0.utf8) }
        var random = SeededGenerator(state: 0x686F_7374)
        return written + (0..<count).map { _ in
            var labels = (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            if Int.random(in: 0..<10, using: &random) == 0 {
                labels[Int.random(in: 0..<labels.count, using: &random)] += odd.randomElement(using: &random)!
            }
            var host = labels.joined(separator: ".")
            if Int.random(in: 0..<12, using: &random) == 0 { host += "." }
            return Array(host.utf8)
        }
    }

    /// Compared scalar by scalar: `String`'s `==` takes canonically equivalent text as equal,
    /// and would miss a short way that skipped NFC.
    func scalars(_ text: String?) -> [Unicode.Scalar]? { text.map { Array($0.unicodeScalars) } }

    @Test func canonicalFoldedAndDomainAgree() {
        var plain = 0
        for bytes in Self.hosts(count: 4000) {
            let general = HostName.canonicalDecodingUnicode(bytes[...])
            let host = String(decoding: bytes, as: UTF8.self)
            #expect(scalars(HostName.canonical(bytes[...])) == scalars(general), "\(host)")
            if case .canonical = HostName.canonicalPlainASCII(bytes[...]) { plain += 1 }
            guard let general else { continue }
            #expect(scalars(HostName.folded(general)) == scalars(HostName.foldedByLabels(general)), "\(host)")
            let folded = HostName.foldedByLabels(general)
            #expect(scalars(SiteDomain.of(host: folded)) == scalars(SiteDomain.ofByCharacters(host: folded)), "\(host)")
        }
        // Most drawn hosts are plain ASCII, and some are not.
        #expect(plain > 3000 && plain < 4020)
    }

    @Test func pathsWithAndWithoutDotSegmentsAgree() {
        var random = SeededGenerator(state: 0x7061_7468)
        let segments = ["a", ".", "..", "...", "b.c", "", ".x", "x.", "%2e", "..b", "한.글"]
        var resolved = 0
        for _ in 0..<3000 {
            let count = Int.random(in: 0...5, using: &random)
            let path = (Int.random(in: 0..<8, using: &random) == 0 ? "" : "/")
                + (0..<count).map { _ in segments.randomElement(using: &random)! }.joined(separator: "/")
            let expected = URLNormalizer.resolvingDotSegments(path)
            #expect(scalars(URLNormalizer.removingDotSegments(path)) == scalars(expected), "\(path)")
            if expected != path { resolved += 1 }
        }
        #expect(resolved > 500)
    }
}
