import Testing
import NetKBCore

/// A scripted exchange: the responses a server gives, in order; the session's requests and
/// outcome are checked against them.
private func run(
    _ start: String, _ responses: [ProbeResponse], policy: RetryPolicy = RetryPolicy(), followsToPrivateHosts: Bool = false
) throws -> (requests: [String], delays: [Double], outcome: LinkCheckOutcome?) {
    var session = LinkCheckSession(url: try ExternalURL(parsing: start), retryPolicy: policy, followsToPrivateHosts: followsToPrivateHosts)
    var step = session.start()
    var requests: [String] = []
    var delays: [Double] = []
    var remaining = responses[...]
    while case .request(let url, let method, let delay) = step {
        requests.append("\(method.rawValue) \(url.requestURL)")
        delays.append(delay)
        guard let response = remaining.popFirst() else { return (requests, delays, nil) }
        step = session.next(after: response, now: 1_000)
    }
    guard case .finished(let outcome) = step else { return (requests, delays, nil) }
    return (requests, delays, outcome)
}

@Suite("LinkCheckSession")
struct LinkCheckSessionTests {
    @Test func aliveOnHead() throws {
        let result = try run("https://a.org/x#frag", [.status(200)])
        #expect(result.requests == ["HEAD https://a.org/x"])
        #expect(result.outcome == LinkCheckOutcome(verdict: .alive, status: 200))
    }

    @Test(arguments: [403, 405, 501])
    func getWhenHeadIsRefused(code: Int) throws {
        let result = try run("https://a.org/", [.status(code), .status(200)])
        #expect(result.requests == ["HEAD https://a.org/", "GET https://a.org/"])
        #expect(result.outcome?.verdict == .alive)
    }

    @Test(arguments: [(404, "404 Not Found"), (410, "410 Gone"), (400, "400 Bad Request"), (499, "499")])
    func deadStatuses(code: Int, reason: String) throws {
        let result = try run("https://a.org/", [.status(code)])
        #expect(result.outcome == LinkCheckOutcome(verdict: .dead, status: code, reason: reason))
        #expect(result.outcome?.isCacheable == true)
    }

    @Test func aForbiddenGetIsDead() throws {
        let result = try run("https://a.org/", [.status(403), .status(403)])
        #expect(result.outcome?.verdict == .dead && result.outcome?.reason == "403 Forbidden")
    }

    @Test func serverErrorsAreRetriedWithBackoff() throws {
        let result = try run("https://a.org/", [.status(500), .status(503), .status(200)])
        #expect(result.requests.count == 3)
        #expect(result.delays == [0, 0.5, 1])
        #expect(result.outcome?.verdict == .alive)
    }

    @Test func retriesEndAfterThree() throws {
        let result = try run("https://a.org/", Array(repeating: .status(502), count: 4))
        #expect(result.delays == [0, 0.5, 1, 2])
        #expect(result.outcome == LinkCheckOutcome(verdict: .dead, status: 502, reason: "502 Bad Gateway (tried 4 times)"))
        #expect(result.outcome?.isCacheable == false)
    }

    @Test func retryAfterIsHonoured() throws {
        let result = try run("https://a.org/", [.status(429, retryAfter: "1"), .status(200)])
        #expect(result.delays == [0, 1])
        #expect(result.outcome?.verdict == .alive)
    }

    @Test func aRateLimitThatOutlastsRetriesIsUnverified() throws {
        let result = try run("https://a.org/", [.status(429, retryAfter: "3600")])
        #expect(result.requests.count == 1)
        #expect(result.outcome?.verdict == .unverified)
        #expect(result.outcome?.reason == "429 Too Many Requests (the server asks to wait 3600 s; netkb waits at most 60 s)")
        #expect(result.outcome?.isCacheable == false)
    }

    @Test func timeoutsAreRetriedThenDead() throws {
        let timeout = ProbeResponse.failure(TransportFailure(.timeout, "no response within 1s"))
        let result = try run("https://a.org/", [timeout, timeout], policy: RetryPolicy(maxRetries: 1))
        #expect(result.requests.count == 2)
        #expect(result.outcome?.verdict == .dead && result.outcome?.reason == "no response within 1s (tried 2 times)")
        #expect(result.outcome?.reachedServer == true)
    }

    @Test func refusedConnectionsAreNotRetried() throws {
        let result = try run("https://a.org/", [.failure(TransportFailure(.connectionRefused, "connection refused by 'a.org'"))])
        #expect(result.requests.count == 1)
        #expect(result.outcome?.reachedServer == false && result.outcome?.isCacheable == false)
    }

    @Test func temporaryRedirectsAreFollowed() throws {
        let result = try run("http://a.org/1", [.status(302, location: "/2"), .status(307, location: "https://b.org/3"), .status(200)])
        #expect(result.requests == ["HEAD http://a.org/1", "HEAD http://a.org/2", "HEAD https://b.org/3"])
        #expect(result.outcome == LinkCheckOutcome(verdict: .redirected, status: 200, finalURL: "https://b.org/3"))
    }

    @Test(arguments: [301, 308])
    func permanentRedirectsAreMoved(code: Int) throws {
        let result = try run("http://a.org/", [.status(code, location: "https://a.org/"), .status(200)])
        #expect(result.outcome == LinkCheckOutcome(
            verdict: .moved, status: 200, finalURL: "https://a.org/", reason: "permanently redirected to 'https://a.org/'"))
        #expect(result.outcome?.verdict.severity(allowRedirects: false) == .warning)
        #expect(result.outcome?.verdict.severity(allowRedirects: true) == nil)
    }

    @Test func aRedirectToADeadPageIsDeadThere() throws {
        let result = try run("http://a.org/", [.status(302, location: "/gone"), .status(404)])
        #expect(result.outcome?.verdict == .dead)
        #expect(result.outcome?.reason == "404 Not Found at 'http://a.org/gone'")
    }

    @Test func loopsAreErrors() throws {
        let result = try run("http://a.org/a", [.status(302, location: "/b"), .status(302, location: "/a")])
        #expect(result.outcome?.verdict == .dead)
        #expect(result.outcome?.reason == "redirect loop: http://a.org/a → http://a.org/b → http://a.org/a")
        #expect(result.outcome?.isCacheable == false)
    }

    @Test func aSelfRedirectIsALoop() throws {
        let result = try run("http://a.org/a", [.status(301, location: "http://a.org/a")])
        #expect(result.outcome?.reason?.hasPrefix("redirect loop") == true)
    }

    @Test func moreThanTenRedirectsIsAnError() throws {
        let hops = (1...11).map { ProbeResponse.status(302, location: "/\($0)") }
        let result = try run("http://a.org/0", hops)
        #expect(result.requests.count == 11)
        #expect(result.outcome?.reason == "more than 10 redirects")
    }

    @Test(arguments: [("ftp://a.org/file", "a ftp: URL"), ("file:///etc/passwd", "a file: URL"), ("javascript:alert(1)", "a javascript: URL")])
    func otherSchemesAreErrors(location: String, named: String) throws {
        let result = try run("http://a.org/", [.status(302, location: location)])
        #expect(result.outcome?.verdict == .dead)
        #expect(result.outcome?.reason?.contains(named) == true)
    }

    @Test func aRedirectWithoutLocationIsAnError() throws {
        let result = try run("http://a.org/", [.status(301)])
        #expect(result.outcome?.reason == "301 Moved Permanently without a Location header")
    }

    @Test func redirectsIntoPrivateNetworksAreNotFollowed() throws {
        let result = try run("http://a.org/", [.status(302, location: "http://169.254.169.254/latest/meta-data")])
        #expect(result.requests.count == 1)
        #expect(result.outcome?.verdict == .unverified)
        #expect(result.outcome?.reason?.contains("a private address: not followed") == true)
        let allowed = try run("http://a.org/", [.status(302, location: "http://127.0.0.1/"), .status(200)], followsToPrivateHosts: true)
        #expect(allowed.outcome?.verdict == .redirected)
    }
}

@Suite("NetworkReachability")
struct NetworkReachabilityTests {
    static let dns = LinkCheckOutcome(verdict: .dead, reason: "dns", failure: TransportFailure(.nameResolution, "dns"), reachedServer: false)
    static let refused = LinkCheckOutcome(verdict: .dead, reason: "r", failure: TransportFailure(.connectionRefused, "r"), reachedServer: false)
    static let noRoute = LinkCheckOutcome(verdict: .dead, reason: "n", failure: TransportFailure(.networkUnreachable, "n"), reachedServer: false)
    static let timeout = LinkCheckOutcome(verdict: .dead, reason: "t", failure: TransportFailure(.timeout, "t"), reachedServer: true)
    static let alive = LinkCheckOutcome(verdict: .alive, status: 200)

    @Test(arguments: [
        ([("a", dns), ("b", dns)], true),
        ([("a", dns), ("b", refused), ("c", dns)], true),
        ([("a", dns), ("a", dns)], false),          // one host failing DNS is a dead link
        ([("a", noRoute)], true),                    // the kernel says so
        ([("a", dns), ("b", alive)], false),
        ([("a", dns), ("b", timeout)], false),       // a server was reached
        ([], false),
    ])
    func judgement(attempts: [(String, LinkCheckOutcome)], unreachable: Bool) {
        #expect(NetworkReachability.isUnreachable(attempts.map { .init(host: $0.0, outcome: $0.1) }) == unreachable)
    }

    @Test func canariesAreCachedAnswersOnDifferentHosts() throws {
        let urls = try ["https://a.org/1", "https://a.org/2", "https://b.org/", "https://c.org/", "https://d.org/", "https://e.org/"]
            .map { try ExternalURL(parsing: $0) }
        let outcomes = [Self.alive, Self.alive, LinkCheckOutcome(verdict: .dead, status: 404), Self.alive, Self.alive, Self.alive]
        let picked = NetworkReachability.canaries(among: Array(zip(urls, outcomes)))
        #expect(picked.map(\.requestURL) == ["https://a.org/1", "https://c.org/", "https://d.org/"])
    }
}
