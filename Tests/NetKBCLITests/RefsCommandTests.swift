import Foundation
import Testing

/// `netkb refs` end to end, on the frozen copy of the user's notes and on small vaults.
@Suite("netkb refs")
struct RefsCommandTests {
    static let userNotes = NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes")

    func topics(_ run: NetKBBinary.Run) throws -> [[String: Any]] {
        try #require(run.json()["topics"] as? [[String: Any]])
    }

    @Test func theTCPHandshakeTopicListsItsEightReferences() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["refs", "TCP Handshake", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let topics = try topics(run)
        #expect(topics.map { $0["heading"] as? String } == ["4 Way Handshake - TCP 해제"])
        #expect(topics[0]["path"] as? String == "network.md" && topics[0]["line"] as? Int == 37)
        #expect(topics[0]["headingPath"] as? [String] == ["TCP Handshake", "4 Way Handshake - TCP 해제"])
        let references = try #require(topics[0]["references"] as? [[String: Any]])
        #expect(references.map { $0["url"] as? String } == [
            "https://blog.bytebytego.com/p/everything-you-always-wanted-to-know",
            "https://www.geeksforgeeks.org/why-tcp-connect-termination-need-4-way-handshake/",
            "https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake",
            "https://learn.microsoft.com/ko-kr/troubleshoot/windows-server/networking/three-way-handshake-via-tcpip",
            "https://evan-moon.github.io/2019/10/08/what-is-http3/?fbclid=IwAR1V1-yWjkzWEAqm_1OZfe_gtG05EuVo7WXXyVdEz_J0UHZBpGruU8PU0FY#3-way-handshake",
            "https://hojunking.tistory.com/107#Half-Close%20%EA%B8%B0%EB%B2%95-1",
            "https://www.youtube.com/watch?v=DC9FfKSgisg&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy&index=27",
            "https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy&index=26",
        ])
        // Bare URLs: no label; nothing written beside them.
        #expect(references.allSatisfy { $0["label"] is NSNull && $0["description"] is NSNull })
        #expect(references.map { $0["line"] as? Int } == Array(48...55))
        #expect(references.map { $0["domain"] as? String } == [
            "bytebytego.com", "geeksforgeeks.org", "mozilla.org", "microsoft.com", "evan-moon.github.io",
            "hojunking.tistory.com", "youtube.com", "youtube.com",
        ])
        // The fbclid link, normalised: tracking parameter and fragment gone, the URL as written kept.
        #expect(references[4]["normalizedUrl"] as? String == "https://evan-moon.github.io/2019/10/08/what-is-http3/")
        #expect(references[6]["normalizedUrl"] as? String == "https://youtube.com/watch?v=DC9FfKSgisg")
    }

    @Test func conceptAndLayerFiltersNarrowTheTopics() throws {
        let vault = try Vault(copying: Self.userNotes)
        func lines(_ arguments: [String]) throws -> [Int] {
            let run = try vault.netkb(["refs", "--format", "json"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            return try topics(run).compactMap { $0["line"] as? Int }
        }
        let all = try lines([])
        #expect(all == [37, 58, 76, 104, 126, 164, 172])
        // The topics whose sections mention TCP, by any of its names.
        #expect(try lines(["--concept", "TCP"]) == [37, 58, 76, 104])
        #expect(try lines(["--concept", "전송 제어 프로토콜"]) == [37, 58, 76, 104])
        // LAN, WAN, NIC, MAC: the data link layer; two filters of a kind are either of them.
        #expect(try lines(["--layer", "2"]) == [164])
        #expect(try vault.netkb(["refs", "--layer", "데이터 링크 계층", "--concept", "TCP"]).status == 1, "both filters hold")
        #expect(Set(try lines(["--layer", "L2", "--layer", "transport"])).isSuperset(of: [164]))
        // Nothing at layer 7 cites a reference: exit 1, as for any empty answer.
        let none = try vault.netkb(["refs", "--layer", "7"])
        #expect(none.status == 1)
        let unknown = try vault.netkb(["refs", "--concept", "nosuch"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no concept 'nosuch' for --concept"))
        let badLayer = try vault.netkb(["refs", "--layer", "9"])
        #expect(badLayer.status == 2 && badLayer.stderr.contains("unknown layer '9' for --layer"))
    }

    @Test func koreanAndEnglishTopicsFindTheHandshakeAndOSITopics() throws {
        let vault = try Vault(copying: Self.userNotes)
        func headings(_ topic: String) throws -> [String] {
            let run = try vault.netkb(["refs", topic, "--format", "json"])
            #expect(run.status == 0, "\(topic): \(run.stderr)")
            return try topics(run).compactMap { $0["heading"] as? String }
        }
        #expect(try headings("handshake") == ["4 Way Handshake - TCP 해제"])
        #expect(try headings("핸드셰이크") == ["4 Way Handshake - TCP 해제"])
        #expect(try headings("osi") == ["OSI 7 Layer와 TCP/IP Model"])
        #expect(try headings("소켓") == ["세션과 소켓의 관계"])
        #expect(try headings("강의") == ["네트워크 강의"])
    }

    @Test func theOSIVideoCarriesItsQuotedDescription() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["refs", "osi"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            network.md:76  OSI 7 Layer와 TCP/IP Model
              https://www.youtube.com/watch?v=XFYRbeqGEtg  (youtube.com)
                  "OSI 7계층은 사실 아무것도 해주지 않습니다"
              https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX  (youtube.com)
                  쉬운코드 시리즈
              https://www.youtube.com/watch?v=k1gyh9BlOT8&list=PLXvgR_grOs1BFH-TuqFsfHqbh-gpMbFoy  (youtube.com)
                  널널한 개발자 네트워크 입문 시리즈

            3 references in 1 topic

            """)
    }

    @Test func everyTopicOfTheUsersNotes() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["refs", "--format", "json"])
        #expect(run.status == 0)
        let topics = try topics(run)
        #expect(topics.map { $0["line"] as? Int } == [37, 58, 76, 104, 126, 164, 172])
        let counts = topics.map { ($0["references"] as? [Any])?.count ?? 0 }
        #expect(counts == [8, 4, 3, 2, 4, 2, 7])
        // XFYRbeqGEtg is cited twice; the 네트워크 강의 topic has it without a description.
        let lectures = try #require(topics.last?["references"] as? [[String: Any]])
        #expect(lectures.first?["description"] as? String == "네트워크 기초 무료 강의 | 새내기 개발자들을 위한 필수 가이드 - 4시간짜리, 뭘 배워야 하는지 알기 좋을 듯?")
        #expect(lectures[1]["description"] as? String == "쉬운코드 네트워크 시리즈 - 중간에 강의가 끊긴게 아쉽긴 한데, 강의의 질 자체는 매우 좋다.; 특히 백엔드 개발자를 위한 영상이라 너무 딥하지 않고 적절하게 다루는게 좋음 (널널한 개발자는 일반 백엔드 개발자 입장에서 너무 low level까지 다루는 느낌이 없지않아 있다.)")
    }

    @Test func thePlaylistLinkIsOneReferenceWithAllItsCitationsByDomain() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["refs", "--by-domain", "--format", "json"])
        #expect(run.status == 0)
        let domains = try #require(run.json()["domains"] as? [[String: Any]])
        let youtube = try #require(domains.first)
        #expect(youtube["domain"] as? String == "youtube.com")
        #expect(youtube["referenceCount"] as? Int == 12 && youtube["citationCount"] as? Int == 19)
        let references = try #require(youtube["references"] as? [[String: Any]])
        let playlist = try #require(references.first)
        #expect(playlist["normalizedUrl"] as? String == "https://youtube.com/watch?v=oFKYzp6gGfc")
        #expect(playlist["description"] as? String == "쉬운코드 시리즈")
        let citations = try #require(playlist["citations"] as? [[String: Any]])
        #expect(citations.map { $0["line"] as? Int } == [98, 120, 167, 175])
        #expect(citations.map { $0["heading"] as? String } == ["OSI 7 Layer와 TCP/IP Model", "IP와 TCP/UDP 간단하게", "LAN, WAN, NIC, MAC Addr, NAT << 정리 예정", "네트워크 강의"])
        #expect(Set(citations.compactMap { $0["url"] as? String }) == ["https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX"])
        #expect(domains.map { $0["domain"] as? String }.contains("wikipedia.org"))

        let text = try vault.netkb(["refs", "--by-domain", "--no-refresh"])
        #expect(text.stdout.hasPrefix("""
            youtube.com  12 references, 19 citations
              https://youtube.com/watch?v=oFKYzp6gGfc  (4 citations)
                  쉬운코드 시리즈
                  network.md:98  OSI 7 Layer와 TCP/IP Model  https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX

            """))
        #expect(text.stdout.hasSuffix("\n30 references, 37 citations on 13 sites\n") || text.stdout.contains(" citations on "), "\(text.stdout.suffix(200))")
    }

    @Test func oneURLEverywhereItIsCited() throws {
        let vault = try Vault(copying: Self.userNotes)
        // Written differently from every citation: youtu.be, with a tracking parameter.
        let run = try vault.netkb(["refs", "--url", "https://youtu.be/oFKYzp6gGfc?si=abc"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "https://youtube.com/watch?v=oFKYzp6gGfc  (4 citations)")
        #expect(lines.filter { $0.contains("network.md:") }.count == 4)
        let json = try vault.netkb(["refs", "--url", "www.youtube.com/watch?v=XFYRbeqGEtg", "--format", "json", "--no-refresh"]).json()
        let references = try #require(json["references"] as? [[String: Any]])
        #expect((references.first?["citations"] as? [Any])?.count == 2)

        let missing = try vault.netkb(["refs", "--url", "https://example.com/never", "--no-refresh"])
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("no references citing https://example.com/never"))
        let bad = try vault.netkb(["refs", "--url", "mailto:me@example.com", "--no-refresh"])
        #expect(bad.status == 2 && bad.stderr.contains("not an http or https URL"))
    }

    @Test func onlyOneSiteOrOneHost() throws {
        let vault = try Vault(copying: Self.userNotes)
        let run = try vault.netkb(["refs", "--domain", "wikipedia.org", "--format", "json"])
        #expect(run.status == 0)
        let topics = try topics(run)
        #expect(topics.map { $0["heading"] as? String } == ["네트워크와 인터넷, ISP"])
        #expect((topics[0]["references"] as? [Any])?.count == 3)
        #expect(try vault.netkb(["refs", "--domain", "https://en.wikipedia.org", "--no-refresh"]).status == 0)
        #expect(try vault.netkb(["refs", "--domain", "ko.wikipedia.org", "--no-refresh"]).status == 1)
        #expect(try vault.netkb(["refs", "--domain", "WWW.YouTube.com", "osi", "--no-refresh", "--format", "json"]).json()["topics"].map { ($0 as? [Any])?.count } == 1)
    }

    @Test func imagesOnRequest() throws {
        let vault = try Vault(copying: Self.userNotes)
        let without = try topics(vault.netkb(["refs", "handshake", "--format", "json"]))
        let with = try topics(vault.netkb(["refs", "handshake", "--images", "--format", "json", "--no-refresh"]))
        #expect(without.count == 1)
        #expect(with.map { $0["line"] as? Int } == [11, 37], "the 3 Way section cites only an image")
        #expect((with[1]["references"] as? [Any])?.count == 9)
    }

    @Test func aMarkdownReadingList() throws {
        let vault = try Vault()
        try vault.write("tcp.md", """
            # TCP

            ## 참고 자료

            - [MDN 문서](https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake) - 핸드셰이크 용어 정리
            - https://www.youtube.com/watch?v=XFYRbeqGEtg
                - "OSI 7계층은 *사실* 아무것도 해주지 않습니다"
            - [괄호 (있음) [1]](https://en.wikipedia.org/wiki/TCP_(protocol)) 위키 | 표 기호
            - <https://example.com/a%20b?utm_source=x>

            """)
        let run = try vault.netkb(["refs", "--format", "markdown"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == #"""
            ## TCP › 참고 자료

            <!-- tcp.md:3 -->

            - [MDN 문서](<https://developer.mozilla.org/ko/docs/Glossary/TCP_handshake>) — 핸드셰이크 용어 정리
            - <https://www.youtube.com/watch?v=XFYRbeqGEtg> — "OSI 7계층은 사실 아무것도 해주지 않습니다"
            - [괄호 (있음) \[1\]](<https://en.wikipedia.org/wiki/TCP_(protocol)>) — 위키 \| 표 기호
            - <https://example.com/a%20b?utm_source=x>

            """#)
        let byDomain = try vault.netkb(["refs", "--by-domain", "--format", "markdown", "--no-refresh"])
        #expect(byDomain.stdout.hasPrefix("## developer.mozilla.org\n\n") || byDomain.stdout.contains("## mozilla.org\n\n- [MDN 문서]"))
    }

    @Test func nothingMatchesIsExitOneAndErrorsAreExitTwo() throws {
        let vault = try Vault(copying: Self.userNotes)
        let none = try vault.netkb(["refs", "없는주제"])
        #expect(none.status == 1 && none.stdout.isEmpty)
        #expect(none.stderr == "netkb: no references in topics matching '없는주제'\n")
        let json = try vault.netkb(["refs", "없는주제", "--format", "json", "--no-refresh"])
        #expect(json.status == 1 && json.stdout == "{\n  \"topics\" : [\n\n  ]\n}\n")
        #expect(try vault.netkb(["refs", "--by-domain", "--url", "https://a.com", "--no-refresh"]).status == 2)
        #expect(try vault.netkb(["refs", "--domain", "", "--no-refresh"]).status == 2)
        #expect(try vault.netkb(["refs", "--bydomain", "--no-refresh"]).status == 2)
        #expect(try vault.netkb(["search", "소켓", "--format", "markdown"]).status == 2)
        #expect(try vault.netkb(["refs", "*"]).stderr.contains("nothing to look for"))
        // A topic word longer than the index keeps is named as such, not "nothing to look
        // for"; long arguments are quoted shortened.
        let overlong = try vault.netkb(["refs", "TCP", String(repeating: "x", count: 100_000), "--no-refresh"])
        #expect(overlong.status == 2 && overlong.stderr.contains("(100000 characters) is longer than netkb indexes (128 bytes)") && overlong.stderr.utf8.count < 400, "\(overlong.stderr.prefix(300))")
        for arguments in [["--url", String(repeating: "x:", count: 50_000)], ["--domain", String(repeating: "x:", count: 50_000)]] {
            let long = try vault.netkb(["refs"] + arguments + ["--no-refresh"])
            #expect(long.status == 2 && long.stderr.hasPrefix("netkb: error: 'x:x:") && long.stderr.utf8.count < 400, "\(long.stderr.prefix(300))")
        }
        let empty = try Vault()
        #expect(try empty.netkb(["refs"]).status == 1)
    }

    @Test func noteTextIsEscapedForTheTerminal() throws {
        let vault = try Vault()
        try vault.write("evil.md", "# 제목\u{1B}]0;title\u{07}\n\n- [라벨\u{1B}[31m](https://a.com) 설명\u{9B}2J\n")
        let run = try vault.netkb(["refs"])
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{9B}"))
        #expect(run.stdout.contains("\\x1B]0;title"))
        let markdown = try vault.netkb(["refs", "--format", "markdown", "--no-refresh"])
        #expect(!markdown.stdout.contains("\u{1B}"))
        // A direction override in a URL is percent-encoded in Markdown too (a hostile trial).
        try vault.write("bidi.md", "# B\n\n- <https://b.com/\u{202E}gpj.exe> 링크\n")
        let bidi = try vault.netkb(["refs", "--format", "markdown"])
        #expect(!bidi.stdout.unicodeScalars.contains("\u{202E}"))
        #expect(bidi.stdout.contains("<https://b.com/%E2%80%AEgpj.exe>"), "\(bidi.stdout)")
    }

    @Test func anIndexFromBeforeReferenceURLsIsRebuilt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else {
            print("skipped: /usr/bin/sqlite3 is not installed")
            return
        }
        let vault = try Vault(copying: Self.userNotes)
        #expect(try vault.netkb(["index"]).status == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [vault.index.path, "DELETE FROM grdb_migrations WHERE identifier = 'v4: reference urls'"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let run = try vault.netkb(["refs", "handshake"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("was rebuilt because it was written by an older netkb"), "\(run.stderr)")
        #expect(run.stdout.contains("8 references in 1 topic"))
    }
}
