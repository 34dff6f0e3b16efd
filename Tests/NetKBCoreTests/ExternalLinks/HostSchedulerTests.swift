import Testing
import NetKBCore

@Suite("HostScheduler")
struct HostSchedulerTests {
    @Test func hostsTakeTurnsWithinTheLimits() {
        var scheduler = HostScheduler<Int>(maxInFlight: 5, maxPerHost: 2)
        for item in 0..<6 { scheduler.add(item, host: "slow.org") }
        scheduler.add(10, host: "a.org")
        scheduler.add(20, host: "b.org")
        var started: [Int] = []
        while let (item, _) = scheduler.nextToStart() { started.append(item) }
        #expect(started == [0, 10, 20, 1])
        #expect(scheduler.inFlight == 4)
        // Only slow.org is left queued, and it is at its limit.
        scheduler.finished(host: "a.org")
        #expect(scheduler.nextToStart() == nil)
        scheduler.finished(host: "slow.org")
        #expect(scheduler.nextToStart()?.item == 2)
    }

    @Test func aHostCanBeHeldBack() {
        var scheduler = HostScheduler<Int>(maxInFlight: 8, maxPerHost: 4)
        for item in 0..<3 { scheduler.add(item, host: "held.org") }
        scheduler.add(10, host: "free.org")
        #expect(scheduler.nextToStart()?.item == 0)
        let allowing = { (host: String, inFlight: Int) in host != "held.org" || inFlight == 0 }
        #expect(scheduler.nextToStart(allowing: allowing)?.item == 10)
        #expect(scheduler.nextToStart(allowing: allowing) == nil)
        scheduler.finished(host: "held.org")
        #expect(scheduler.nextToStart(allowing: allowing)?.item == 1)
    }

    @Test func theOverallLimitHolds() {
        var scheduler = HostScheduler<Int>(maxInFlight: 3, maxPerHost: 4)
        for item in 0..<10 { scheduler.add(item, host: "h\(item)") }
        var started = 0
        while scheduler.nextToStart() != nil { started += 1 }
        #expect(started == 3)
        scheduler.finished(host: "h0")
        #expect(scheduler.nextToStart()?.item == 3)
        #expect(scheduler.nextToStart() == nil)
    }

    @Test func everythingRunsExactlyOnce() {
        var scheduler = HostScheduler<Int>(maxInFlight: 7, maxPerHost: 3)
        for item in 0..<1_000 { scheduler.add(item, host: "h\(item % 13)") }
        var seen = Set<Int>()
        var running: [(Int, String)] = []
        var maxPerHost = 0
        while seen.count < 1_000 {
            while let next = scheduler.nextToStart() {
                #expect(seen.insert(next.item).inserted)
                running.append(next)
            }
            maxPerHost = max(maxPerHost, Dictionary(grouping: running, by: \.1).values.map(\.count).max() ?? 0)
            #expect(running.count <= 7)
            let (_, host) = running.removeFirst()
            scheduler.finished(host: host)
        }
        #expect(maxPerHost <= 3)
    }
}

@Suite("URLExclusions")
struct URLExclusionsTests {
    @Test func patternsAreSearchedAnywhere() throws {
        let exclusions = try URLExclusions([("^https://intranet\\.", "--exclude"), ("example\\.com/private/", ".netkb/config.yml")])
        #expect(exclusions.match("https://intranet.corp/x") == "--exclude '^https://intranet\\.'")
        #expect(exclusions.match("http://a.org/", "https://www.example.com/private/1") == ".netkb/config.yml 'example\\.com/private/'")
        #expect(exclusions.match("https://example.com/public") == nil)
    }

    @Test func aBadPatternNamesItsSource() {
        #expect(throws: URLExclusions.PatternError.self) { try URLExclusions([("ok", "--exclude"), ("(unclosed", "--exclude")]) }
        do {
            _ = try URLExclusions([("(unclosed", "--exclude")])
        } catch {
            #expect(error.description.hasPrefix("--exclude: '(unclosed' is not a valid regular expression"))
        }
    }
}

@Suite("HostHealth")
struct HostHealthTests {
    static let timedOut = LinkCheckOutcome(
        verdict: .dead, reason: "no response within 20s (tried 4 times)", failure: TransportFailure(.timeout, "t"), reachedServer: true)
    static let refused = LinkCheckOutcome(
        verdict: .dead, reason: "connection refused by 'a.org'", failure: TransportFailure(.connectionRefused, "r"), reachedServer: false)

    @Test func aHostIsGivenUpAfterThreeFailuresInARow() {
        var health = HostHealth()
        health.record(Self.timedOut, server: "slow.org:443", host: "slow.org")
        health.record(Self.timedOut, server: "slow.org:443", host: "slow.org")
        #expect(health.verdict(forServer: "slow.org:443", host: "slow.org") == nil)
        health.record(Self.timedOut, server: "slow.org:443", host: "slow.org")
        let given = health.verdict(forServer: "slow.org:443", host: "slow.org")
        #expect(given?.verdict == .dead && given?.failure?.kind == .timeout)
        #expect(given?.reason == "not requested: 'slow.org:443' failed 3 links in a row (last: no response within 20s (tried 4 times))")
        #expect(given?.isCacheable == false)
        #expect(health.verdict(forServer: "other.org:443", host: "other.org") == nil)
    }

    @Test func aFailingHostStartsNothingNewWhileOthersOfItsURLsRun() {
        var health = HostHealth()
        #expect(health.mayStart(host: "slow.org", inFlight: 3))
        health.record(Self.timedOut, server: "slow.org:443", host: "slow.org")
        #expect(!health.mayStart(host: "slow.org", inFlight: 3))
        #expect(health.mayStart(host: "slow.org", inFlight: 0))
        health.record(LinkCheckOutcome(verdict: .alive, status: 200), server: "slow.org:443", host: "slow.org")
        #expect(health.mayStart(host: "slow.org", inFlight: 3))
    }

    /// A hostile trial: a port of a host that never answered made netkb give up every port of
    /// the host, and report live URLs of another port as broken.
    @Test func anotherPortOfTheHostIsAnotherServer() {
        var health = HostHealth()
        for _ in 0..<3 { health.record(Self.timedOut, server: "127.0.0.1:9001", host: "127.0.0.1") }
        #expect(health.verdict(forServer: "127.0.0.1:9001", host: "127.0.0.1") != nil)
        #expect(health.verdict(forServer: "127.0.0.1:9010", host: "127.0.0.1") == nil)
        // Its host starts nothing new while those in flight may still tell, as before.
        #expect(!health.mayStart(host: "127.0.0.1", inFlight: 1))
        health.record(LinkCheckOutcome(verdict: .alive, status: 200), server: "127.0.0.1:9001", host: "127.0.0.1")
        #expect(health.mayStart(host: "127.0.0.1", inFlight: 1))
        #expect(health.verdict(forServer: "127.0.0.1:9001", host: "127.0.0.1") == nil)
    }

    @Test(arguments: [
        LinkCheckOutcome(verdict: .alive, status: 200), LinkCheckOutcome(verdict: .dead, status: 404, reason: "404 Not Found"),
        LinkCheckOutcome(verdict: .dead, status: 503, reason: "503"),
        LinkCheckOutcome(verdict: .dead, reason: "tls", failure: TransportFailure(.tls, "tls"), reachedServer: true),
    ])
    func anAnswerResetsTheCount(answer: LinkCheckOutcome) {
        var health = HostHealth()
        health.record(Self.refused, server: "a.org:80", host: "a.org")
        health.record(Self.refused, server: "a.org:80", host: "a.org")
        health.record(answer, server: "a.org:80", host: "a.org")
        health.record(Self.refused, server: "a.org:80", host: "a.org")
        health.record(Self.refused, server: "a.org:80", host: "a.org")
        #expect(health.verdict(forServer: "a.org:80", host: "a.org") == nil)
        health.record(Self.refused, server: "a.org:80", host: "a.org")
        #expect(health.verdict(forServer: "a.org:80", host: "a.org")?.failure?.kind == .connectionRefused)
    }
}
