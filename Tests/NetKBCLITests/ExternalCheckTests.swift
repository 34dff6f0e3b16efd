import Foundation
import Testing

/// `netkb check --external` end to end: the built binary against real HTTP servers on loopback.
@Suite("netkb check --external")
struct ExternalCheckTests {
    /// The JSON findings by target.
    static func findings(_ run: NetKBBinary.Run) throws -> [String: [String: Any]] {
        let broken = try #require(try run.json()["broken"] as? [[String: Any]])
        return Dictionary(broken.map { ($0["target"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func counts(_ run: NetKBBinary.Run) throws -> [String: Int] {
        try #require(try run.json()["external"] as? [String: Int])
    }

    @Test func everyRouteGetsItsVerdict() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let silent = try await SilentServer.start(host: "127.0.0.2")
        let closed = try await closedPort(on: "127.0.0.3")
        let routes = ["/ok", "/status/404", "/status/410", "/flaky", "/busy", "/chain/1", "/moved", "/loop/a", "/ftp", "/nohead", "/slow", "/huge"]
        var note = "# Routes\n\n"
        for route in routes { note += "- [\(route)](\(server.url(route)))\n" }
        note += "- [silent](\(silent.url("/")))\n- [closed](http://127.0.0.3:\(closed)/)\n"
        let vault = try Vault()
        try vault.write("routes.md", note)
        let run = try await vault.netkbAsync([
            "check", "--external", "--only-external", "--include-private", "--timeout", "2s", "--retries", "1", "--format", "json",
        ])
        await server.stop()
        await silent.stop()

        #expect(run.status == 1, "\(run.stderr)")
        let found = try Self.findings(run)
        func expectDead(_ url: String, status: Int? = nil, reason: (String) -> Bool, sourceLocation: SourceLocation = #_sourceLocation) {
            guard let entry = found[url] else {
                Issue.record("no finding for \(url) in \(found.keys.sorted())", sourceLocation: sourceLocation)
                return
            }
            #expect(entry["kind"] as? String == "external", sourceLocation: sourceLocation)
            #expect(entry["severity"] as? String == "error", sourceLocation: sourceLocation)
            #expect(entry["verdict"] as? String == "dead", sourceLocation: sourceLocation)
            #expect(entry["status"] as? Int == status, sourceLocation: sourceLocation)
            let text = entry["reason"] as? String ?? ""
            #expect(reason(text), "\(url): \(text)", sourceLocation: sourceLocation)
        }
        expectDead(server.url("/status/404"), status: 404) { $0 == "404 Not Found" }
        expectDead(server.url("/status/410"), status: 410) { $0 == "410 Gone" }
        expectDead(server.url("/loop/a"), status: 302) { $0 == "redirect loop: \(server.url("/loop/a")) → \(server.url("/loop/b")) → \(server.url("/loop/a"))" }
        expectDead(server.url("/ftp"), status: 302) { $0.contains("'ftp://127.0.0.1/pub/file.txt', a ftp: URL") }
        expectDead(server.url("/slow")) { $0 == "no response within 2s (tried 2 times)" }
        expectDead(silent.url("/")) { $0 == "no response within 2s (tried 2 times)" }
        expectDead("http://127.0.0.3:\(closed)/") { $0 == "connection refused by '127.0.0.3'" }

        let moved = try #require(found[server.url("/moved")])
        #expect(moved["severity"] as? String == "warning" && moved["verdict"] as? String == "moved")
        #expect(moved["finalUrl"] as? String == server.url("/ok"))
        #expect(moved["reason"] as? String == "permanently redirected to '\(server.url("/ok"))'")
        for alive in ["/ok", "/flaky", "/busy", "/chain/1", "/nohead", "/huge"] {
            #expect(found[server.url(alive)] == nil, "\(alive): \(found[server.url(alive)] ?? [:])")
        }
        #expect(try Self.counts(run) == [
            "urls": 14, "alive": 5, "dead": 7, "redirected": 2, "moved": 1, "unverified": 0, "skipped": 0, "cached": 0,
        ])
        #expect(try run.json()["checkedLinks"] as? Int == 14)

        let log = server.log.withLockedValue { $0 }
        #expect(log.requests.filter { $0.hasSuffix(" /flaky") }.count == 2)
        #expect(log.requests.filter { $0.hasSuffix(" /nohead") } == ["HEAD /nohead", "GET /nohead"])
        #expect(log.requests.filter { $0.contains("/chain/") } == ["HEAD /chain/1", "HEAD /chain/2", "HEAD /chain/3"])
        let firstBusy = try #require(log.firstBusy)
        let secondBusy = try #require(log.secondBusy)
        #expect(secondBusy.timeIntervalSince(firstBusy) >= 0.95, "Retry-After: 1 was not honoured")
        // The 1 GiB body: a few socket buffers were written before netkb dropped the connection.
        #expect(log.hugeBytesSent < 64 << 20, "\(log.hugeBytesSent) bytes of the huge body were sent")
        #expect(log.hugeClosedEarly)
        let version = try await Vault.runAsync { try NetKBBinary.run(["--version"]) }.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(log.userAgents == ["netkb/\(version) (+link checker)"])
        #expect(log.cookieHeaders == 0)
    }

    @Test func textOutputMergesExternalAndInternalFindings() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        let line = "[gone](\(server.url("/status/404"))) [b](b.md) [moved](\(server.url("/moved")))"
        let movedColumn = line.distance(from: line.startIndex, to: line.range(of: "[moved]")!.lowerBound) + 1
        try vault.write("a.md", "# A\n\n\(line)\n\n<\(server.url("/ok"))>\n")
        try vault.write("b.md", "# B\n\n[[nowhere]]\n")
        let run = try await vault.netkbAsync(["check", "--external", "--include-private"])
        await server.stop()
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout == """
            a.md:3:1: error: broken link '\(server.url("/status/404"))': 404 Not Found
            a.md:3:\(movedColumn): warning: moved link '\(server.url("/moved"))': permanently redirected to '\(server.url("/ok"))'
            b.md:3:1: error: broken link 'nowhere': no note or file named 'nowhere'
            external links: 3 URLs: 1 alive, 1 dead, 1 redirected, 0 skipped, 0 cached
            checked 5 links: 2 broken links, 1 warning in 2 files

            """)
        // --allow-redirects silences the warning; --only-external leaves the internal link out.
        let allowed = try await vault.netkbAsync(["check", "--only-external", "--include-private", "--allow-redirects", "--no-refresh"])
        #expect(allowed.status == 1)
        #expect(allowed.stdout.hasSuffix("external links: 3 URLs: 1 alive, 1 dead, 1 redirected, 0 skipped, 3 cached\nchecked 3 links: 1 broken link, 0 warnings in 1 file\n"))
    }

    @Test func aSecondRunSendsNoRequestAndTheCacheSurvivesReindexing() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n- \(server.url("/ok/frag#one"))\n- \(server.url("/status/404"))\n- \(server.url("/moved"))\n")
        try vault.write("b.md", "# B\n\n- \(server.url("/ok/frag#two"))\n- \(server.url("/chain/1"))\n")
        let arguments = ["check", "--only-external", "--include-private", "--format", "json"]
        let first = try await vault.netkbAsync(arguments)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(try Self.counts(first)["cached"] == 0)
        let sent = server.requests.count
        // Both citations of /ok/frag (their fragments differ) made one request.
        #expect(server.requests.filter { $0 == "HEAD /ok/frag" }.count == 1)
        #expect(try Self.findings(first).keys.sorted() == [server.url("/moved"), server.url("/status/404")])

        let second = try await vault.netkbAsync(arguments)
        #expect(server.requests.count == sent, "the second run sent \(server.requests.dropFirst(sent))")
        #expect(second.status == 1)
        #expect(try Self.counts(second)["cached"] == 4)
        #expect(try Self.findings(second).keys.sorted() == [server.url("/moved"), server.url("/status/404")])
        #expect(try Self.findings(second)[server.url("/moved")]?["finalUrl"] as? String == server.url("/ok"))

        // Re-indexing a changed note, and a full rebuild, keep the cache.
        try vault.write("b.md", "# B\n\nmore text\n\n- \(server.url("/ok/frag#two"))\n- \(server.url("/chain/1"))\n")
        #expect(try await vault.netkbAsync(arguments).status == 1)
        #expect(try await vault.netkbAsync(["index", "--rebuild"]).status == 0)
        let rebuilt = try await vault.netkbAsync(arguments)
        #expect(try Self.counts(rebuilt)["cached"] == 4)
        #expect(server.requests.count == sent, "after re-indexing: \(server.requests.dropFirst(sent))")

        // --no-cache and --cache-age 0 check anew.
        _ = try await vault.netkbAsync(arguments + ["--no-cache"])
        #expect(server.requests.count > sent)
        let afterNoCache = server.requests.count
        let aged = try await vault.netkbAsync(arguments + ["--cache-age", "0"])
        #expect(try Self.counts(aged)["cached"] == 0)
        #expect(server.requests.count > afterNoCache)
        await server.stop()
    }

    @Test func noNetworkAtAllIsOneErrorAndCachesNothing() async throws {
        let first = try await closedPort(on: "127.0.0.4")
        let second = try await closedPort(on: "127.0.0.5")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n- http://127.0.0.4:\(first)/a\n- http://127.0.0.5:\(second)/b\n- https://nowhere.invalid/c\n- [[missing]]\n")
        let run = try await vault.netkbAsync(["check", "--external", "--include-private"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(lines.first?.hasPrefix("netkb: error: the network is unreachable: none of the 3 hosts could be resolved or connected to") == true)
    }

    @Test func aCachedRunWhoseFailuresAreAllThatIsLeftAsksALiveHostBeforeBlamingTheNetwork() async throws {
        var server = try await TestWebServer.start(host: "127.0.0.6")
        let port = server.port
        let closed = try await closedPort(on: "127.0.0.7")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n- \(server.url("/ok"))\n- http://127.0.0.7:\(closed)/gone\n- https://nowhere.invalid/\n")
        let arguments = ["check", "--only-external", "--include-private", "--format", "json"]
        #expect(try await vault.netkbAsync(arguments).status == 1)
        // Only the two failures are checked again; they look like no network, but /ok answers.
        let second = try await vault.netkbAsync(arguments)
        #expect(second.status == 1, "\(second.stderr)")
        #expect(try Self.counts(second)["cached"] == 1)
        #expect(server.requests == ["HEAD /ok", "HEAD /ok"])
        // With /ok down too, the network is unreachable, and the cache is kept as it was.
        await server.stop()
        let down = try await vault.netkbAsync(arguments)
        #expect(down.status == 2)
        #expect(down.stderr.contains("the network is unreachable"))
        server = try await TestWebServer.start(host: "127.0.0.6", port: port)
        let back = try await vault.netkbAsync(arguments)
        #expect(back.status == 1)
        #expect(try Self.counts(back)["cached"] == 1)
        await server.stop()
    }

    @Test func aHostThatNeverAnswersIsGivenUpAfterAFewURLs() async throws {
        let silent = try await SilentServer.start(host: "127.0.0.2")
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n" + (1...40).map { "- \(silent.url("/\($0)"))\n" }.joined() + "- \(server.url("/ok"))\n")
        let run = try await vault.netkbAsync(["check", "--only-external", "--include-private", "--timeout", "1s", "--retries", "0", "--format", "json"])
        await silent.stop()
        await server.stop()
        #expect(run.status == 1, "\(run.stderr)")
        let reasons = try Self.findings(run).values.compactMap { $0["reason"] as? String }
        #expect(reasons.count == 40)
        // The first four time out together; the other 36 are not sent.
        #expect(reasons.filter { $0.hasPrefix("not requested: '127.0.0.2:\(silent.port)' failed 4 links in a row") }.count == 36, "\(reasons)")
        #expect(server.requests == ["HEAD /ok"])
    }

    /// A hostile trial: a port that never answered made netkb give up its whole host, and
    /// report the live URLs of another port of it as broken links.
    @Test func anotherPortOfAHostThatNeverAnswersIsStillChecked() async throws {
        let silent = try await SilentServer.start(host: "127.0.0.1")
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n" + (1...6).map { "- \(silent.url("/\($0)"))\n" }.joined()
            + "- \(server.url("/ok"))\n- \(server.url("/ok/2"))\n")
        let run = try await vault.netkbAsync([
            "check", "--only-external", "--include-private", "--timeout", "1s", "--retries", "0", "--max-per-host", "1", "--format", "json"])
        await silent.stop()
        await server.stop()
        #expect(run.status == 1, "\(run.stderr)")
        let broken = try Self.findings(run)
        #expect(broken.count == 6, "only the silent port's links: \(broken.keys.sorted())")
        #expect(broken.keys.allSatisfy { $0.contains(":\(silent.port)/") }, "\(broken.keys.sorted())")
        #expect(Set(server.requests) == ["HEAD /ok", "HEAD /ok/2"])
    }

    @Test func oneHostThatFailsDNSIsADeadLink() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n- \(server.url("/ok"))\n- https://nowhere.invalid/page\n")
        let run = try await vault.netkbAsync(["check", "--external", "--include-private", "--format", "json"])
        await server.stop()
        #expect(run.status == 1, "\(run.stderr)")
        let entry = try #require(try Self.findings(run)["https://nowhere.invalid/page"])
        #expect((entry["reason"] as? String)?.hasPrefix("cannot resolve host 'nowhere.invalid'") == true)
        #expect(entry["status"] == nil)
    }

    @Test func privateHostsAndExcludedURLsAreSkippedAndCounted() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n- \(server.url("/status/404"))\n- \(server.url("/ok/private"))\n- http://localhost:\(server.port)/ok\n- https://www.example.com/\n- http://192.168.0.1/admin\n")
        let plain = try await vault.netkbAsync(["check", "--external", "--format", "json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try Self.counts(plain)["skipped"] == 5)
        #expect(try plain.json()["checkedLinks"] as? Int == 0)
        #expect(server.requests.isEmpty)

        // With --include-private only the excluded ones are skipped, --exclude and exclude: alike.
        try vault.write(".netkb/config.yml", "exclude:\n  - '/ok/private$'\n")
        let included = try await vault.netkbAsync([
            "check", "--external", "--include-private", "--exclude", "example\\.com", "--exclude", "^http://192\\.168\\.", "--exclude", "localhost",
            "--format", "json",
        ])
        #expect(included.status == 1)
        #expect(try Self.counts(included)["skipped"] == 4)
        #expect(server.requests == ["HEAD /status/404"])
        await server.stop()
    }

    @Test func badInputIsAnErrorNamingItsPlace() async throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n<https://a.org/>\n")
        for (arguments, message) in [
            (["--max-concurrency", "0"], "--max-concurrency must be from 1 to 1024 (got 0)"),
            (["--max-per-host", "100"], "--max-per-host must be from 1 to 64 (got 100)"),
            (["--retries=-1"], "--retries must be from 0 to 10 (got -1)"),
            (["--cache-age", "1x"], "--cache-age '1x' is not a duration"),
            (["--timeout", "0"], "--timeout must be longer than 0"),
            (["--exclude", "(unclosed"], "--exclude: '(unclosed' is not a valid regular expression"),
            (["--exclude", ""], "--exclude: an empty pattern would match every URL"),
            // A value that starts with '-' is the option's value, not a missing one.
            (["--retries", "-1"], "--retries must be from 0 to 10 (got -1)"),
            (["--cache-age", "-1"], "--cache-age '-1' is not a duration"),
            (["--timeout", "-5s"], "--timeout '-5s' is not a duration"),
        ] {
            let run = try await vault.netkbAsync(["check", "--external"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.hasPrefix("netkb: error: \(message)"), "\(arguments): \(run.stderr)")
        }
        let withoutExternal = try await vault.netkbAsync(["check", "--timeout", "5s"])
        #expect(withoutExternal.status == 2)
        #expect(withoutExternal.stderr.hasPrefix("netkb: error: --timeout is an option of the external check: add --external"))

        try vault.write(".netkb/config.yml", "repo-url: https://github.com/kim/notes\nexclude:\n  - 'fine'\n  - '(broken'\n")
        let config = try await vault.netkbAsync(["check", "--external"])
        #expect(config.status == 2)
        #expect(config.stderr.hasPrefix("netkb: error: .netkb/config.yml:4: 'exclude' pattern '(broken' is not a valid regular expression"), "\(config.stderr)")
    }

    /// A hostile trial: a pattern that nests repeats backtracks for hours on a URL of a few
    /// dozen letters (`(a+)+$`), and a config file that comes with shared notes could hang a CI
    /// job. A search that takes over 2 s is stopped with an error naming the pattern's place.
    @Test func aPatternThatBacktracksForeverIsStoppedWithAnError() async throws {
        let vault = try Vault()
        let url = "http://127.0.0.1:9/" + String(repeating: "a", count: 40) + "X"
        try vault.write("a.md", "# A\n\n- <\(url)>\n")
        try vault.write(".netkb/config.yml", "exclude:\n  - 'fine'\n  - '^http://127\\.0\\.0\\.1:9/(a+)+$'\n")
        // The message is the watch's: the search was stopped, not run to its end (no timed
        // assertion: under the suite's load a run may wait long for a thread to start on).
        let run = try await vault.netkbAsync(["check", "--only-external", "--include-private"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: .netkb/config.yml:3: the pattern '^http://127\\.0\\.0\\.1:9/(a+)+$' took over 2 s of processor time to search '\(url)' and was stopped"), "\(run.stderr)")
        // The same from the command line.
        try vault.write(".netkb/config.yml", "")
        let option = try await vault.netkbAsync(["check", "--only-external", "--include-private", "--exclude", "/(a|aa)+$"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("netkb: error: --exclude: the pattern '/(a|aa)+$' took over 2 s of processor time"), "\(option.stderr)")
    }

    @Test func theHelpNamesEveryOptionOfTheExternalCheck() async throws {
        let help = try await Vault.runAsync { try NetKBBinary.run(["check", "--help"]) }
        #expect(help.status == 0)
        for option in [
            "--external", "--only-external", "--cache-age <duration>", "--no-cache", "--allow-redirects", "--include-private",
            "--exclude <regex>", "--connect-timeout <duration>", "--timeout <duration>", "--max-concurrency <n>",
            "--max-per-host <n>", "--retries <n>",
        ] {
            #expect(help.stdout.contains("  \(option)"), "\(option)")
        }
    }

    @Test func limitsPerHostAndOverallHold() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n" + (1...12).map { "- \(server.url("/hold/\($0)"))\n" }.joined())
        let perHost = try await vault.netkbAsync(["check", "--only-external", "--include-private", "--max-per-host", "3"])
        #expect(perHost.status == 0, "\(perHost.stderr)")
        #expect(server.log.withLockedValue { $0.maxInFlightHold } == 3)
        server.log.withLockedValue { $0.maxInFlightHold = 0 }
        let overall = try await vault.netkbAsync(["check", "--only-external", "--include-private", "--max-concurrency", "2", "--no-cache"])
        #expect(overall.status == 0)
        #expect(server.log.withLockedValue { $0.maxInFlightHold } == 2)
        await server.stop()
    }

    @Test func whatServersSendCannotDriveTheTerminal() async throws {
        let server = try await TestWebServer.start(host: "127.0.0.1")
        let vault = try Vault()
        try vault.write("a.md", """
            # A

            <\(server.url("/evil"))>

            [spaces](<\(server.url("/ok/a b"))>) [title](<\(server.url("/none/\u{202E}txt.exe"))>)

            """)
        let run = try await vault.netkbAsync(["check", "--only-external", "--include-private"])
        await server.stop()
        #expect(run.status == 1)
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{07}") && !run.stdout.contains("\u{202E}"))
        // From the note: the URL as written, escaped; it was requested percent-encoded.
        #expect(run.stdout.contains("'\(server.url("/none/\\u{202E}txt.exe"))': 404 Not Found"), "\(run.stdout)")
        #expect(server.requests.contains("HEAD /none/%E2%80%AEtxt.exe"))
        // From the server: a Location header with a right-to-left override.
        #expect(run.stdout.contains("'gopher://x/\\u{202E}evil', a gopher: URL"), "\(run.stdout)")
        #expect(server.requests.contains("HEAD /ok/a%20b"))
    }
}
