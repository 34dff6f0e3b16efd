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

    /// A hostile trial: a word longer than the index keeps was dropped from the query without a
    /// word, so `TCP <200 letters>` answered with sections that lack the long word, and the long
    /// word alone said "nothing to search for … not excluded". Both are one clear error now.
    @Test(arguments: [["TCP", String(repeating: "q", count: 200)], [String(repeating: "q", count: 129)],
                      ["TCP", "-" + String(repeating: "q", count: 200)], ["\"TCP \(String(repeating: "q", count: 300))\""]])
    func aWordLongerThanTheIndexKeepsIsAnError(words: [String]) throws {
        let run = try vault.netkb(["search"] + words)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("is longer than netkb indexes (128 bytes), so no note can match it"), "\(run.stderr)")
        #expect(run.stderr.count < 300, "the word is shortened: \(run.stderr)")
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
        // A folder as the shell completes it, and a note's own path.
        for folder in ["misc", "misc/", "./misc"] {
            #expect(Set(try vault.searchHeadings("라우터", "--path", folder)) == ["B", "C"], "\(folder)")
        }
        #expect(try vault.searchHeadings("라우터", "--path", "misc/c.md") == ["C"])
        // What keeps nothing is an error, not "no results".
        for (option, value, message) in [
            ("--path", "", "--path is empty"), ("--path", "[", "--path '[' has a '[' without its ']'"),
            ("--tag", "", "--tag is empty"), ("--tag", "#", "--tag is empty"),
        ] {
            let run = try vault.netkb(["search", "라우터", option, value])
            #expect(run.status == 2 && run.stderr.contains(message), "\(option) '\(value)': \(run.stderr)")
        }
    }

    /// A hostile trial: words joined by OR were never expanded to their concepts' other names,
    /// so `socket OR alpha` lost the section that says only `소켓`, which `socket` finds.
    @Test func aWordJoinedByOrFindsWhatItFindsAlone() throws {
        let vault = try Vault()
        try vault.write("s1.md", "# S1\n\nsocket only here\n")
        try vault.write("s2.md", "# S2\n\n소켓 only here\n")
        try vault.write("a.md", "# A\n\nalpha\n")
        let alone = Set(try vault.searchHeadings("socket"))
        #expect(alone == ["S1", "S2"])
        #expect(Set(try vault.searchHeadings("socket", "OR", "alpha")) == alone.union(["A"]))
        #expect(Set(try vault.searchHeadings("alpha", "OR", "socket")) == alone.union(["A"]))
        let json = try vault.netkb(["search", "socket", "OR", "alpha", "--format", "json", "--no-refresh"]).json()
        let expanded = try #require(json["expanded"] as? [[String: Any]])
        #expect(expanded.map { $0["words"] as? String } == ["socket"])
    }
}

/// Issue 9 end to end: result kinds in text and JSON, the preamble, front matter, snippets.
@Suite("netkb search result kinds")
struct SearchResultKindsCommandTests {
    let vault: Vault

    init() throws {
        vault = try Vault()
        try vault.write("os.md", """
            ---
            title: Part 1-4 운영체제
            description: 면접 대비 요약
            ---
            앞글: 이 노트는 요약이다.

            # 프로세스
            실행 중인 프로그램.

            # 스레드
            실행 흐름의 단위.

            # 장치
            CPU와 메모리를 관리한다.
            """)
        try vault.write("intro.md", "# 소개\n\n운영체제는 자원을 관리한다. **'해시 테이블'**을 쓴다 :rocket:\n\n| 종류 | 설명 |\n|---|---|\n| 해시 | 빠름 |\n")
    }

    func results(_ words: String...) throws -> [[String: Any]] {
        let run = try vault.netkb(["search"] + words + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(run.json()["results"] as? [[String: Any]])
    }

    @Test func jsonSaysHowEachResultMatched() throws {
        let found = try results("운영체제")
        #expect(found.map { $0["match"] as? String } == ["section", "title"])
        #expect(found.map { $0["path"] as? String } == ["intro.md", "os.md"])
        let title = found[1]
        #expect(title["sectionCount"] as? Int == 4)
        #expect(title["title"] as? String == "Part 1-4 운영체제")
        #expect((title["snippet"] as? String)?.isEmpty == false)
        for result in found {
            for key in ["path", "line", "heading", "headingPath", "snippet", "score", "concepts", "layers", "highlights", "title", "preamble"] {
                #expect(result.keys.contains(key), "\(key) missing")
            }
        }
    }

    @Test func thePreambleHasNoHeading() throws {
        let preamble = try #require(try results("요약이다").first)
        #expect(preamble["heading"] is NSNull)
        #expect(preamble["preamble"] as? Bool == true)
        #expect((preamble["headingPath"] as? [Any])?.isEmpty == true)
        #expect(preamble["title"] as? String == "Part 1-4 운영체제")
        let section = try #require(try results("흐름").first)
        #expect(section["heading"] as? String == "스레드")
        #expect(section["preamble"] as? Bool == false)
    }

    @Test func wordsInDifferentSectionsAreANoteMatchInTextAndJSON() throws {
        let found = try results("프로세스", "CPU")
        let note = try #require(found.first)
        #expect(note["match"] as? String == "note")
        let sections = try #require(note["sections"] as? [[String: Any]])
        #expect(sections.map { $0["heading"] as? String } == ["프로세스", "장치"])
        #expect(sections.map { $0["words"] as? [String] } == [["프로세스"], ["CPU"]])
        let text = try vault.netkb(["search", "프로세스", "CPU"])
        let lines = text.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "os.md  Part 1-4 운영체제  [whole note: the words are in different sections]")
        #expect(lines[1].hasPrefix("    os.md:7  프로세스  (프로세스)"))
        #expect(lines[3].hasPrefix("    os.md:13  장치  (CPU)"))
    }

    @Test func aTitleMatchSaysSoInText() throws {
        let run = try vault.netkb(["search", "면접", "대비"])
        #expect(run.stdout.hasPrefix("os.md:5  Part 1-4 운영체제  [title match, 4 sections]\n    면접 대비 요약\n"), "\(run.stdout)")
    }

    @Test func snippetsShowWhatAReaderSees() throws {
        let snippet = try #require(try results("해시").first?["snippet"] as? String)
        #expect(snippet.contains("'해시 테이블'을 쓴다"))
        #expect(!snippet.contains("**") && !snippet.contains(":rocket:") && !snippet.contains("|"), "\(snippet)")
        let row = try #require(try results("빠름").first?["snippet"] as? String)
        #expect(row.hasSuffix("해시 · 빠름"), "\(row)")
    }
}

/// The hostile trial of issue 9's search: odd queries and odd notes get an answer, never a crash.
@Suite("netkb search hostile trial")
struct SearchHostileTrialTests {
    let vault: Vault

    init() throws {
        vault = try Vault()
        try vault.write("a.md", "# 소켓\n\n소켓은 끝점이다. TCP와 UDP.\n")
        // NUL bytes and terminal escapes in a note.
        try vault.write("odd.md", bytes: Data("# 널\n\n앞\u{0}뒤 소켓 통신 \u{1B}]0;title\u{07} 끝\n".utf8))
        // 70 sections with one word each: a long query is a note match of 64 places.
        try vault.write("many.md", (0..<70).map { "# S\($0)\n\nw\($0)\n" }.joined(separator: "\n"))
    }

    @Test(arguments: [
        (["ㄱ"], [0, 1] as Set<Int32>), (["\u{1100}"], [0, 1]), (["\u{11A8}"], [0, 1]), (["ㅎㅎ"], [0, 1]),
        (["🚀소켓"], [0]), (["\"unbalanced"], [1]), (["\"소켓"], [0]), (["--", "-x"], [1]), (["--", "--limit"], [1]),
        (["\u{1}소켓\u{7F}"], [0]), (["소켓", "-", "--", "-TCP"], [0]), (["TCP와"], [0]), (["OR", "OR"], [1]),
    ] as [([String], Set<Int32>)])
    func oddQueriesGetAnAnswer(words: [String], statuses: Set<Int32>) throws {
        // Options first: after a lone -- every word is a search word.
        let run = try NetKBBinary.run(["search", "--format", "json", "--notes", vault.notes.path, "--index", vault.index.path] + words)
        #expect(statuses.contains(run.status), "\(words): \(run.status) \(run.stderr)")
        let json = try run.json()
        #expect(json["results"] is [Any])
        #expect(!run.stderr.contains("error"), "\(run.stderr)")
    }

    @Test(arguments: [["!!!", "...", "(*&^"], ["🚀"], ["👍🏽"], ["\""], ["-소켓"]])
    func queriesWithNothingToSearchAreOneErrorLine(words: [String]) throws {
        let run = try vault.netkb(["search"] + words)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: nothing to search for in "), "\(run.stderr)")
        #expect(run.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1)
    }

    @Test func aThousandWordsAreANoteMatchOfTheirFirst64() throws {
        let words = (0..<1000).map { "w\($0)" }
        let run = try vault.netkb(["search"] + words + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("first 64 words"))
        let results = try #require(run.json()["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results.first?["match"] as? String == "note")
        #expect((results.first?["sections"] as? [Any])?.count == 64)
        let text = try vault.netkb(["search"] + words)
        #expect(text.status == 0)
        #expect(text.stdout.components(separatedBy: "\n").count == 1 + 64 * 2 + 1)
    }

    @Test func notesWithNULBytesAndEscapesAreShownSafely() throws {
        let text = try vault.netkb(["search", "통신"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\\x1B]0;title\\x07"), "\(text.stdout)")
        #expect(!text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{0}"))
        let json = try vault.netkb(["search", "통신", "--format", "json"])
        #expect((try json.json()["results"] as? [[String: Any]])?.first?["path"] as? String == "odd.md")
    }

    @Test(arguments: ["0", "-1", "x", ""])
    func aLimitBelowOneIsAnError(limit: String) throws {
        let run = try vault.netkb(["search", "소켓", "--limit", limit])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: "))
    }
}

/// Results name their concepts as `concepts` lists them, on the user's notes.
@Suite("netkb search concept labels")
struct SearchConceptLabelTests {
    let vault: Vault

    init() throws {
        vault = try Vault(copying: NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes"))
    }

    /// A result's line shows its most mentioned concepts by label, as `concepts` lists them: the
    /// abbreviation that stands for the name, else the name (`[L4] ISN, TCP, Three-way
    /// handshake, SYN, ACK, +4`).
    @Test func resultsNameTheirConceptsByLabel() throws {
        let search = try vault.netkb(["search", "TCP", "--limit", "1", "--format", "json"]).json()
        let ids = try #require((search["results"] as? [[String: Any]])?.first?["concepts"] as? [String])
        #expect(ids.count > 5, "the top section mentions several concepts: \(ids)")
        let list = try #require(try vault.netkb(["concepts", "--format", "json", "--no-refresh"]).json()["concepts"] as? [[String: Any]])
        var labels: [String: String] = [:]
        var abbreviated = Set<String>()
        for concept in list {
            let id = try #require(concept["id"] as? String), name = try #require(concept["name"] as? String)
            let label = try #require(concept["label"] as? String)
            if label != name { abbreviated.insert(id) }
            labels[id] = label
        }
        let shown = ids.prefix(5)
        #expect(shown.contains(where: abbreviated.contains) && !shown.allSatisfy(abbreviated.contains),
                "labels of both kinds among \(shown)")
        let expected = try shown.map { try #require(labels[$0], "\($0) is listed") }
        let text = try vault.netkb(["search", "TCP", "--limit", "1", "--no-refresh"])
        let first = try #require(text.stdout.split(separator: "\n").first)
        #expect(first.hasSuffix(expected.joined(separator: ", ") + ", +\(ids.count - 5)"), "\(first)")
    }

    /// A concept whose abbreviations are kinds of it (`GET`, `POST` of HTTP method) is shown
    /// by its name, in search results as in `concepts`.
    @Test func aConceptOfKindsIsShownByItsName() throws {
        _ = try vault.write("methods.md", "# REST\n\nHTTP 메서드 GET 과 POST 로 자원을 다룬다\n")
        let concepts = try vault.netkb(["concepts", "http-method", "--format", "json"]).json()
        #expect(concepts["label"] as? String == "HTTP method")
        let search = try vault.netkb(["search", "자원", "--limit", "1", "--no-refresh"])
        let first = try #require(search.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix("methods.md:1  REST  [L7] "), "\(first)")
        #expect(first.contains("HTTP method") && !first.contains("GET"), "\(first)")
    }
}
