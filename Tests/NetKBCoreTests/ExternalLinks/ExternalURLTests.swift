import Testing
import NetKBCore

@Suite("ExternalURL")
struct ExternalURLTests {
    @Test(arguments: [
        ("https://example.com", "https://example.com/"),
        ("HTTPS://Example.COM:443/a/./b/../c?x=1#top", "https://example.com/a/c?x=1"),
        ("http://example.com:80/", "http://example.com/"),
        ("http://example.com:8080/p", "http://example.com:8080/p"),
        ("https://user:secret@example.com/p", "https://example.com/p"),
        ("https://한국.kr/위키", "https://xn--3e0b707e.kr/%EC%9C%84%ED%82%A4"),
        ("https://bücher.example/", "https://xn--bcher-kva.example/"),
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("http://example.com/a%20b%zz", "http://example.com/a%20b%25zz"),
        ("http://example.com/a%2Fb", "http://example.com/a%2Fb"),
        ("http://example.com/q?a=\"x\"&b={y}", "http://example.com/q?a=%22x%22&b=%7By%7D"),
        ("http://127.1:8080/", "http://127.0.0.1:8080/"),
        ("http://0x7f.0.0.1/", "http://127.0.0.1/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ("http://EXAMPLE.com./", "http://example.com/"),
    ])
    func requestURL(written: String, expected: String) throws {
        #expect(try ExternalURL(parsing: written).requestURL == expected)
    }

    @Test(arguments: ["mailto:a@b.c", "ftp://example.com/", "http://", "http://exa mple.com/", "http://300.1.1.1/", "http://[::1/", "http://[1::2::3]/"])
    func refused(text: String) {
        #expect(throws: ExternalURL.ParseError.self) { try ExternalURL(parsing: text) }
    }

    @Test func fragmentsDoNotMakeTwoURLs() throws {
        let a = try ExternalURL(parsing: "https://example.com/page#one")
        let b = try ExternalURL(parsing: "https://example.com/page#two")
        #expect(a == b)
        #expect(a.hostKey == "example.com")
    }

    @Test func aHundredKilobytePathIsKeptWhole() throws {
        let path = String(repeating: "a", count: 100_000)
        #expect(try ExternalURL(parsing: "https://example.com/\(path)").pathAndQuery.utf8.count == 100_001)
    }

    @Test(arguments: [
        ("https://a.org/x/y?q=1", "https://b.org/z", "https://b.org/z"),
        ("https://a.org/x/y", "//c.org/w", "https://c.org/w"),
        ("https://a.org/x/y", "/root", "https://a.org/root"),
        ("https://a.org/x/y", "sibling", "https://a.org/x/sibling"),
        ("https://a.org/x/y", "../up", "https://a.org/up"),
        ("https://a.org/x/y", "?page=2", "https://a.org/x/y?page=2"),
        ("https://a.org/x/y?q=1", "#frag", "https://a.org/x/y?q=1"),
        ("http://a.org:8080/x", "/y", "http://a.org:8080/y"),
        ("https://a.org/x", "  HTTPS://B.ORG/  ", "https://b.org/"),
    ])
    func locationsResolve(base: String, location: String, expected: String) throws {
        let url = try ExternalURL(parsing: base)
        #expect(url.resolving(location) == .url(try ExternalURL(parsing: expected)))
    }

    @Test(arguments: [("ftp://a.org/file", "ftp"), ("javascript:alert(1)", "javascript"), ("File:///etc/passwd", "file")])
    func otherSchemesAreNamed(location: String, scheme: String) throws {
        #expect(try ExternalURL(parsing: "https://a.org/").resolving(location) == .otherScheme(scheme))
    }
}

@Suite("Punycode")
struct PunycodeTests {
    @Test(arguments: [("한국", "3e0b707e"), ("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"), ("例え", "r8jz45g"), ("abc", "abc-")])
    func encoding(label: String, expected: String) {
        #expect(Punycode.encode(label) == expected)
    }

    @Test func hostsKeepASCIILabelsAndRefuseOverlongOnes() {
        #expect(Punycode.asciiHost("www.한국.kr") == "www.xn--3e0b707e.kr")
        #expect(Punycode.asciiHost(String(repeating: "a", count: 64) + ".com") == nil)
        #expect(Punycode.asciiHost(Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".")) == nil)
    }
}
