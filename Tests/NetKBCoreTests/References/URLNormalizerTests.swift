import Testing
import NetKBCore

@Suite("URLNormalizer")
struct URLNormalizerTests {
    /// (as written, normalized, domain)
    @Test(arguments: [
        // Case, default ports, empty paths.
        ("HTTP://EXAMPLE.COM:80", "http://example.com/", "example.com"),
        ("https://Example.com:443/", "https://example.com/", "example.com"),
        ("https://example.com:8443/a", "https://example.com:8443/a", "example.com"),
        ("http://example.com:443/", "http://example.com:443/", "example.com"),
        ("https://example.com:0080/", "https://example.com:80/", "example.com"),
        ("https://example.com:/x", "https://example.com/x", "example.com"),
        ("https://example.com?b=1", "https://example.com/?b=1", "example.com"),
        ("https://[::1]:443/", "https://[::1]/", "[::1]"),
        ("http://[2001:DB8::1]:8080/a", "http://[2001:db8::1]:8080/a", "[2001:db8::1]"),
        ("http://192.168.0.1/", "http://192.168.0.1/", "192.168.0.1"),
        ("http://localhost:3000/", "http://localhost:3000/", "localhost"),
        ("  https://example.com/a\n  ", "https://example.com/a", "example.com"),
        ("https://user:p%61ss@Example.com/", "https://user:pass@example.com/", "example.com"),
        ("https://example.com./a", "https://example.com/a", "example.com"),
        // www. and m. folding, domains.
        ("https://www.example.com/", "https://example.com/", "example.com"),
        ("https://en.m.wikipedia.org/wiki/Tier_1_network", "https://en.wikipedia.org/wiki/Tier_1_network", "wikipedia.org"),
        ("https://ko.wikipedia.org/wiki/OSI_%EB%AA%A8%ED%98%95", "https://ko.wikipedia.org/wiki/OSI_모형", "wikipedia.org"),
        ("https://m.blog.naver.com/user/2231", "https://blog.naver.com/user/2231", "naver.com"),
        ("https://www.co.kr/", "https://www.co.kr/", "www.co.kr"),
        ("https://www.korea.go.kr/main", "https://korea.go.kr/main", "korea.go.kr"),
        ("https://news.bbc.co.uk/a", "https://news.bbc.co.uk/a", "bbc.co.uk"),
        ("https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake",
         "https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake", "mozilla.org"),
        ("https://learn.microsoft.com/ko-kr/troubleshoot/windows-server/networking/three-way-handshake-via-tcpip",
         "https://learn.microsoft.com/ko-kr/troubleshoot/windows-server/networking/three-way-handshake-via-tcpip", "microsoft.com"),
        ("https://www.geeksforgeeks.org/why-tcp-connect-termination-need-4-way-handshake/",
         "https://geeksforgeeks.org/why-tcp-connect-termination-need-4-way-handshake/", "geeksforgeeks.org"),
        ("https://community.cisco.com/t5/application-networking/difference-between-session-connections-socket/td-p/2417074",
         "https://community.cisco.com/t5/application-networking/difference-between-session-connections-socket/td-p/2417074", "cisco.com"),
        ("https://blog.bytebytego.com/p/everything-you-always-wanted-to-know",
         "https://blog.bytebytego.com/p/everything-you-always-wanted-to-know", "bytebytego.com"),
        ("https://WWW.Tistory.com/", "https://tistory.com/", "tistory.com"),
        ("https://hojunking.tistory.com/m/107", "https://hojunking.tistory.com/107", "hojunking.tistory.com"),
        ("https://EXAMPLE.한국/", "https://example.한국/", "example.한국"),
        ("https://%EC%98%88%EC%8B%9C.com/", "https://예시.com/", "예시.com"),
        ("https://xn--3e0b707e.kr/", "https://xn--3e0b707e.kr/", "xn--3e0b707e.kr"),
        ("https://example。com/", "https://example.com/", "example.com"),
        // Tracking parameters, sorting, fragments.
        ("https://evan-moon.github.io/2019/10/08/what-is-http3/?fbclid=IwAR1V1-yWjkzWEAqm_1OZfe_gtG05EuVo7WXXyVdEz_J0UHZBpGruU8PU0FY#3-way-handshake",
         "https://evan-moon.github.io/2019/10/08/what-is-http3/", "evan-moon.github.io"),
        ("https://hojunking.tistory.com/107#Half-Close%20%EA%B8%B0%EB%B2%95-1", "https://hojunking.tistory.com/107", "hojunking.tistory.com"),
        ("https://example.com/p?utm_source=x&UTM_Medium=y&gclid=1&b=2&a=1&a=0", "https://example.com/p?a=1&a=0&b=2", "example.com"),
        ("https://example.com/p?msclkid=1&dclid=2&mc_eid=3&igshid=4&ref_src=twsrc", "https://example.com/p", "example.com"),
        ("https://example.com/p?&&x&", "https://example.com/p?x", "example.com"),
        ("https://example.com/p?si=1&feature=share&t=5", "https://example.com/p?feature=share&si=1&t=5", "example.com"),
        ("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "spotify.com"),
        ("https://x.com/user/status/1?s=20&t=abc", "https://x.com/user/status/1", "x.com"),
        ("https://app.example.com/#/docs/intro", "https://app.example.com/#/docs/intro", "example.com"),
        ("https://example.com/#!/home", "https://example.com/#!/home", "example.com"),
        ("https://example.com/page#", "https://example.com/page", "example.com"),
        // Percent-encoding, dot segments, parentheses, spaces.
        ("https://en.wikipedia.org/wiki/TCP_(protocol)", "https://en.wikipedia.org/wiki/TCP_(protocol)", "wikipedia.org"),
        ("https://en.wikipedia.org/wiki/TCP_%28protocol%29", "https://en.wikipedia.org/wiki/TCP_(protocol)", "wikipedia.org"),
        ("https://en.wikipedia.org/wiki/TCP_(protocol", "https://en.wikipedia.org/wiki/TCP_(protocol", "wikipedia.org"),
        ("https://example.com/a/./b/../c/%7euser", "https://example.com/a/c/~user", "example.com"),
        ("https://example.com/a/b/..", "https://example.com/a/", "example.com"),
        ("https://example.com/../../x", "https://example.com/x", "example.com"),
        ("https://example.com/%2e%2E/x", "https://example.com/x", "example.com"),
        ("https://example.com/a%2fb/%2F", "https://example.com/a%2Fb/%2F", "example.com"),
        ("https://example.com/my notes/a b.md", "https://example.com/my%20notes/a%20b.md", "example.com"),
        ("https://example.com/100%", "https://example.com/100%25", "example.com"),
        ("https://example.com/%zz%4", "https://example.com/%25zz%254", "example.com"),
        ("https://example.com/%ff%C3", "https://example.com/%FF%C3", "example.com"),
        ("https://example.com/%E3%80%80x\u{3000}", "https://example.com/%E3%80%80x%E3%80%80", "example.com"),
        ("https://example.com/?q=a%26b&r=c%3Dd&s=1%2B1&u=a+b", "https://example.com/?q=a%26b&r=c%3Dd&s=1%2B1&u=a+b", "example.com"),
        ("https://example.com/?redirect=https%3A%2F%2Fa.com%2F", "https://example.com/?redirect=https://a.com/", "example.com"),
        ("https://example.com/a|b{c}", "https://example.com/a%7Cb%7Bc%7D", "example.com"),
        ("https://example.com/e\u{301}", "https://example.com/é", "example.com"),
        ("https://substackcdn.com/image/fetch/w_1456,c_limit,f_webp,q_auto:good,fl_progressive:steep/https%3A%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2F781159a5-f60e-4c94-b815-c8abd8d73b12_1600x1442.png",
         "https://substackcdn.com/image/fetch/w_1456,c_limit,f_webp,q_auto:good,fl_progressive:steep/https:%2F%2Fsubstack-post-media.s3.amazonaws.com%2Fpublic%2Fimages%2F781159a5-f60e-4c94-b815-c8abd8d73b12_1600x1442.png",
         "substackcdn.com"),
        // YouTube.
        ("https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy&index=26",
         "https://youtube.com/watch?v=K9L9YZhEjC0", "youtube.com"),
        ("https://youtu.be/K9L9YZhEjC0?si=Xy12&t=30", "https://youtube.com/watch?v=K9L9YZhEjC0", "youtube.com"),
        ("http://m.youtube.com/watch?feature=youtu.be&v=dsoAkoxZ13o", "https://youtube.com/watch?v=dsoAkoxZ13o", "youtube.com"),
        ("https://youtube.com/shorts/dsoAkoxZ13o?feature=share", "https://youtube.com/watch?v=dsoAkoxZ13o", "youtube.com"),
        ("https://www.youtube-nocookie.com/embed/dsoAkoxZ13o?start=10", "https://youtube.com/watch?v=dsoAkoxZ13o", "youtube.com"),
        ("https://www.youtube.com/playlist?si=abc&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy",
         "https://youtube.com/playlist?list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy", "youtube.com"),
        ("https://www.youtube.com/@channel/videos?feature=shared", "https://youtube.com/@channel/videos", "youtube.com"),
        ("https://www.youtube.com/watch?v=bad!id", "https://youtube.com/watch?v=bad!id", "youtube.com"),
    ] as [(String, String, String)])
    func normalizes(written: String, normalized: String, domain: String) throws {
        let result = try #require(URLNormalizer.normalize(written))
        #expect(Array(result.normalized.unicodeScalars) == Array(normalized.unicodeScalars))
        #expect(result.domain == domain)
        #expect(result.original == written)
    }

    @Test(arguments: [
        "", "http://", "https://", "https:///path", "http:example.com", "ftp://example.com/", "mailto:someone@example.com",
        "javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/hosts", "notes/network.md", "#heading",
        "https://example.com:http/", "https://example.com:99999/", "https://exa mple.com/", "https://a..b/",
        "https://[::1/", "https://[zz]/", "https://@/", "https://example.com%2F/", "https://%FF.com/",
    ])
    func refusesWhatIsNotAnHTTPReference(text: String) {
        #expect(URLNormalizer.normalize(text) == nil)
        #expect(!URLNormalizer.isReference(text))
    }

    @Test(arguments: [
        ("https://youtu.be/K9L9YZhEjC0", "https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy&index=26"),
        ("https://ko.wikipedia.org/wiki/위키", "https://ko.wikipedia.org/wiki/%EC%9C%84%ED%82%A4"),
        ("https://ko.wikipedia.org/wiki/%ec%9c%84%ed%82%a4", "https://ko.m.wikipedia.org/wiki/위키"),
        ("https://ko.wikipedia.org/wiki/위키", "https://ko.wikipedia.org/wiki/" + "위키".decomposedNFDForTest),
        ("https://example.com/?b=2&a=1", "https://EXAMPLE.com:443?a=1&b=2&utm_campaign=x"),
        ("https://example.com/page#one", "https://www.example.com/page#two"),
    ])
    func sameReference(first: String, second: String) throws {
        let a = try #require(URLNormalizer.normalize(first))
        let b = try #require(URLNormalizer.normalize(second))
        #expect(a == b)
        // NormalizedURL's == compares with String ==, which holds for canonically equivalent text.
        #expect(Array(a.normalized.unicodeScalars) == Array(b.normalized.unicodeScalars))
        #expect(Set([a, b]).count == 1)
    }

    @Test(arguments: [
        ("http://example.com/", "https://example.com/"),
        ("https://example.com/a", "https://example.com/a/"),
        ("https://example.com/a%2Fb", "https://example.com/a/b"),
        ("https://example.com/?a=1&b=2", "https://example.com/?a=2&b=1"),
        ("https://example.com/?a=1&a=2", "https://example.com/?a=2&a=1"),
        ("https://www.youtube.com/watch?v=DC9FfKSgisg", "https://www.youtube.com/watch?v=K9L9YZhEjC0"),
        ("https://example.com/#/a", "https://example.com/#/b"),
    ])
    func differentReferences(first: String, second: String) throws {
        let a = try #require(URLNormalizer.normalize(first))
        let b = try #require(URLNormalizer.normalize(second))
        #expect(a != b)
    }

    /// Every link of the user's own network notes is a reference, and the eleven citations of
    /// `oFKYzp6gGfc`, `k1gyh9BlOT8`, `XFYRbeqGEtg` and `dsoAkoxZ13o` (with and without playlists)
    /// count once per video.
    @Test func seedNotesPlaylistCitationsCountOncePerVideo() throws {
        let cited = [
            "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX",
            "https://www.youtube.com/watch?v=k1gyh9BlOT8&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy",
            "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX",
            "https://www.youtube.com/watch?v=k1gyh9BlOT8&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy",
            "https://www.youtube.com/watch?v=XFYRbeqGEtg",
            "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX",
            "https://www.youtube.com/watch?v=dsoAkoxZ13o",
            "https://www.youtube.com/watch?v=dsoAkoxZ13o",
            "https://youtu.be/oFKYzp6gGfc",
            "https://www.youtube.com/watch?v=XFYRbeqGEtg",
            "https://www.youtube.com/watch?v=k1gyh9BlOT8&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy&index=3",
        ]
        let references = try cited.map { try #require(URLNormalizer.normalize($0)) }
        #expect(Set(references.map(\.normalized)) == [
            "https://youtube.com/watch?v=oFKYzp6gGfc", "https://youtube.com/watch?v=k1gyh9BlOT8",
            "https://youtube.com/watch?v=XFYRbeqGEtg", "https://youtube.com/watch?v=dsoAkoxZ13o",
        ])
    }

    @Test func aHundredKilobyteURLIsNormalized() throws {
        let segment = String(repeating: "a%41(b)/위키/", count: 5_000)
        let query = (0..<2_000).map { "k\($0 % 97)=v\($0)&utm_x=\($0)" }.joined(separator: "&")
        let url = "https://Example.com/" + segment + "?" + query
        #expect(url.utf8.count > 100_000)
        // How long it takes is the benchmark's business; a quadratic pass would show there.
        let normalized = try #require(URLNormalizer.normalize(url))
        #expect(normalized.normalized.hasPrefix("https://example.com/aA(b)/위키/aA(b)/"))
        #expect(!normalized.normalized.contains("utm_"))
    }

    @Test(arguments: [
        "https://%", "https://[", "https://]", "https://:", "https://@@@", "https://a:b:c@d:1", "https://a?#?#",
        "https://a/%", "https://a/%%%", "https://a/..%", "https://a/\u{0}", "https://a/\u{FFFD}", "https://a?=&=&",
        "https://a#\u{1F600}", "HtTpS://a/./../.././", "https://a/" + String(repeating: "../", count: 1000),
    ])
    func oddTextNeverCrashes(text: String) {
        _ = URLNormalizer.normalize(text)
    }
}

private extension String {
    /// The canonical decomposition of Hangul syllables (as a Mac may write them), without Foundation.
    var decomposedNFDForTest: String {
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            let index = Int(scalar.value) - 0xAC00
            guard (0..<11_172).contains(index) else { scalars.append(scalar); continue }
            scalars.append(Unicode.Scalar(UInt32(0x1100 + index / 588))!)
            scalars.append(Unicode.Scalar(UInt32(0x1161 + (index % 588) / 28))!)
            if index % 28 != 0 { scalars.append(Unicode.Scalar(UInt32(0x11A7 + index % 28))!) }
        }
        return String(scalars)
    }
}
