import Foundation
import Testing

/// `netkb search` end to end on the user's own notes (`notes/network.md`, copied to a temporary folder).
@Suite("netkb search on the user's notes")
struct SearchCommandTests {
    let vault: Vault
    let noteLines: [String]

    init() throws {
        vault = try Vault(copying: NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes"))
        noteLines = try String(contentsOf: vault.notes.appendingPathComponent("network.md"), encoding: .utf8)
            .components(separatedBy: "\n")
    }

    /// The 1-based line of the heading whose text is `heading`.
    func line(ofHeading heading: String) -> Int? {
        noteLines.firstIndex { $0.hasPrefix("#") && $0.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces) == heading }.map { $0 + 1 }
    }

    @Test(arguments: [
        (["소켓"], "세션과 소켓의 관계", ["소켓"]),
        (["혼잡", "제어"], "데이터 송수신", ["혼잡", "제어"]),
        (["ISP"], "네트워크와 인터넷, ISP", ["ISP"]),
        (["OSI", "7계층"], "OSI 7 Layer와 TCP/IP Model", ["OSI"]),
        (["\"3 way handshake\""], "3 Way Handshake - TCP 연결", ["3 Way Handshake"]),
        (["흐름제어"], "데이터 송수신", ["흐름 제어"]),
    ])
    func topResultIsTheRightSection(words: [String], heading: String, highlighted: [String]) throws {
        let run = try vault.netkb(["search"] + words + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try run.json()
        #expect(json["query"] as? String == words.joined(separator: " "))
        let results = try #require(json["results"] as? [[String: Any]])
        let top = try #require(results.first)
        #expect(top["heading"] as? String == heading)
        #expect(top["path"] as? String == "network.md")
        #expect(top["line"] as? Int == line(ofHeading: heading))
        #expect((top["headingPath"] as? [String])?.last == heading)
        #expect(top["concepts"] is [Any] && top["layers"] is [Any])
        let parts = (top["highlights"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        for word in highlighted {
            #expect(parts.contains { $0.lowercased() == word.lowercased() }, "highlights \(parts) lack \(word)")
        }
        // The highlight offsets point at the highlighted words inside the snippet.
        let snippet = Array((top["snippet"] as? String ?? "").unicodeScalars)
        for highlight in top["highlights"] as? [[String: Any]] ?? [] {
            let start = highlight["start"] as! Int, end = highlight["end"] as! Int
            #expect(String(String.UnicodeScalarView(snippet[start..<end])) == highlight["text"] as? String)
        }
    }

    @Test func clientFindsBothHandshakeSections() throws {
        // 4 Way Handshake says 클라이언트 five times, 3 Way Handshake twice: bm25 puts the first first.
        let headings = try vault.searchHeadings("클라이언트")
        #expect(Array(headings.prefix(2)).sorted() == ["3 Way Handshake - TCP 연결", "4 Way Handshake - TCP 해제"])
        let run = try vault.netkb(["search", "클라이언트", "--format", "json"])
        let results = try run.json()["results"] as! [[String: Any]]
        let threeWay = try #require(results.first { $0["heading"] as? String == "3 Way Handshake - TCP 연결" })
        #expect(threeWay["line"] as? Int == line(ofHeading: "3 Way Handshake - TCP 연결"))
        #expect((threeWay["highlights"] as? [[String: Any]])?.allSatisfy { $0["text"] as? String == "클라이언트" } == true)
    }

    @Test func resultsAreRankedBestFirst() throws {
        let results = try vault.netkb(["search", "TCP", "--format", "json"]).json()["results"] as! [[String: Any]]
        let scores = results.compactMap { $0["score"] as? Double }
        #expect(scores.count == results.count && scores.count > 3)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func textOutputShowsPathLineHeadingAndSnippet() throws {
        let run = try vault.netkb(["search", "혼잡", "제어"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\n")
        let expectedLine = try #require(line(ofHeading: "데이터 송수신"))
        #expect(lines[0].hasPrefix("network.md:\(expectedLine)  TCP Handshake › 데이터 송수신  [L4] "))
        #expect(lines[0].contains("Congestion control"))
        #expect(lines[1].hasPrefix("    ") && lines[1].contains("혼잡 제어 (Congestion Control)"))
        #expect(!run.stdout.contains("\u{1B}["), "no colour when standard output is not a terminal")
    }

    @Test func colourMarksTheMatchedWordsOnlyWhenAskedOrOnATerminal() throws {
        let always = try vault.netkb(["search", "소켓", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}[1;31m소켓\u{1B}[0m"))
        let never = try vault.netkb(["search", "소켓", "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
        let noColor = try vault.netkb(["search", "소켓", "--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func limitPathAndTagFilter() throws {
        let limited = try vault.netkb(["search", "TCP", "--limit", "2", "--format", "json"]).json()["results"] as! [[String: Any]]
        #expect(limited.count == 2)
        let elsewhere = try vault.netkb(["search", "TCP", "--path", "other/*"])
        #expect(elsewhere.status == 1)
        let tagged = try vault.netkb(["search", "TCP", "--tag", "nothing-has-this"])
        #expect(tagged.status == 1)
    }

    @Test func noResultsExitsOne() throws {
        let run = try vault.netkb(["search", "블록체인"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no results"))
        let json = try vault.netkb(["search", "블록체인", "--format", "json"])
        #expect(json.status == 1)
        #expect((try json.json()["results"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: ["", "*", "-", "-TCP"])
    func queriesWithNothingToSearchForAreAnError(query: String) throws {
        let run = try vault.netkb(["search", query])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: "))
        #expect(run.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    }

    @Test(arguments: [#""TCP"#, "AND OR (", "NEAR(a", "tcp:", "^소켓", "{x}"])
    func oddQueriesGetANormalAnswer(query: String) throws {
        let run = try vault.netkb(["search", query, "--format", "json"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        #expect(!run.stderr.lowercased().contains("error"))
        _ = try run.json()
    }

    @Test func anUnclosedQuoteIsAPhrase() throws {
        #expect(try vault.searchHeadings(#""3 way handshake"#).first == "3 Way Handshake - TCP 연결")
    }

    @Test func tenThousandCharactersOfQueryAreAnswered() throws {
        let query = String(repeating: "소켓은 네트워크 통신의 끝점 ", count: 700)
        #expect(query.count >= 10_000)
        let run = try vault.netkb(["search", query])
        #expect(run.status == 0 || run.status == 1)
        #expect(run.stderr.contains("first 64 words"))
        #expect(run.stderr.count < 300, "messages quote at most 80 characters of the query")
    }

    @Test func searchWithoutRefreshNeedsAnIndex() throws {
        let run = try vault.netkb(["search", "소켓", "--no-refresh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no index at \(vault.index.path)"))
        _ = try vault.netkb(["index"])
        #expect(try vault.netkb(["search", "소켓", "--no-refresh"]).status == 0)
    }
}

@Suite("netkb search filters")
struct SearchFilterCommandTests {
    @Test func tagAndPathNarrowResults() throws {
        let vault = try Vault()
        try vault.write("net/a.md", "---\ntags: [network, Study]\n---\n# A\n\n라우터 이야기\n")
        try vault.write("misc/b.md", "# B\n\n라우터 메모 #memo\n")
        try vault.write("misc/c.md", "# C\n\n라우터 잡담\n")
        #expect(Set(try vault.searchHeadings("라우터")) == ["A", "B", "C"])
        #expect(try vault.searchHeadings("라우터", "--tag", "network") == ["A"])
        #expect(try vault.searchHeadings("라우터", "--tag", "#study") == ["A"])
        #expect(try vault.searchHeadings("라우터", "--tag", "memo") == ["B"])
        #expect(Set(try vault.searchHeadings("라우터", "--path", "misc/*")) == ["B", "C"])
        #expect(try vault.searchHeadings("라우터", "--path", "net/*", "--tag", "memo").isEmpty)
    }
}
