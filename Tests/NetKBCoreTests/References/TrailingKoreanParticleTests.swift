import Testing
import NetKBCore

@Suite("TrailingKoreanParticle")
struct TrailingKoreanParticleTests {
    /// (bare URL as the autolink extension took it, the URL it ends with, the particle after it)
    @Test(arguments: [
        ("https://travis-ci.org/에서", "https://travis-ci.org/", "에서"),
        ("https://travis-ci.org/account/repositories에서", "https://travis-ci.org/account/repositories", "에서"),
        ("http://myweb/users와", "http://myweb/users", "와"),
        ("https://example.com을", "https://example.com", "을"),
        ("https://example.com/a?b=1로", "https://example.com/a?b=1", "로"),
        ("https://example.com/docs#intro에서는", "https://example.com/docs#intro", "에서는"),
        ("http://www.example.com/입니다", "http://www.example.com/", "입니다"),
    ])
    func particleEndsTheURL(written: String, url: String, particle: String) throws {
        let split = try #require(TrailingKoreanParticle.split(written))
        #expect(split.url == url)
        #expect(split.particle == particle)
    }

    /// Hangul that is more than a particle, or follows other Hangul, stays in the URL.
    @Test(arguments: [
        "https://ko.wikipedia.org/wiki/라우터",
        "https://ko.wikipedia.org/wiki/전송_계층",
        "https://ko.wikipedia.org/wiki/TCP와UDP",
        "https://namu.wiki/w/소켓은",  // 은 follows Hangul: part of the page name
        "https://example.com/",
        "https://example.com/a",
        "https://에서",
        "",
        "에서",
    ])
    func noParticle(written: String) {
        #expect(TrailingKoreanParticle.split(written) == nil)
    }
}
