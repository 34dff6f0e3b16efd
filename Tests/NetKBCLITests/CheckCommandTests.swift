import Foundation
import Testing

/// `netkb check` and `netkb links` end to end on fixture vaults.
@Suite("netkb check and links")
struct CheckCommandTests {
    static let vaultFixture = NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/links/vault")

    @Test func everyBrokenLinkOfTheFixtureVaultIsReportedInPathOrder() throws {
        let vault = try Vault(copying: Self.vaultFixture)
        let run = try vault.netkb(["check"])
        #expect(run.status == 1, "\(run.stderr)")
        let expected = """
            net/TCP.md:11:19: error: broken link '#개요-2': no anchor '#개요-2' in 'net/TCP.md' (did you mean '#개요-1'?)
            전송 계층/socket-en.md:5:12: error: broken link '%E0%A4%A.md': no such file '전송 계층/%E0%A4%A.md'
            전송 계층/socket-en.md:5:29: error: broken link '%zz.md': no such file '전송 계층/%zz.md'
            전송 계층/소켓.md:6:41: error: broken link 'sockets-en.md': no such file '전송 계층/sockets-en.md' (did you mean '전송 계층/socket-en.md'?)
            전송 계층/소켓.md:10:36: error: broken link '../net/TCP.md#없는-절': no heading or anchor '#없는-절' in 'net/TCP.md'
            전송 계층/소켓.md:12:29: error: broken link '../img/none.png': no such file 'img/none.png'
            전송 계층/소켓.md:14:15: error: broken link 'TCP#없는 제목': no heading '없는 제목' in 'net/TCP.md'
            전송 계층/소켓.md:14:76: warning: ambiguous link '개요': '개요' could mean 2 files: 'net/개요.md', 'other/개요.md'
            전송 계층/소켓.md:16:14: error: broken link 'nowhere.md': no such file '전송 계층/nowhere.md'
            전송 계층/소켓.md:22:1: error: broken link '../../outside.md': '../../outside.md' leads outside the notes folder
            전송 계층/소켓.md:22:25: error: broken link '../net/tcp.md': no such file 'net/tcp.md'; 'net/TCP.md' differs only in letter case (did you mean 'net/TCP.md'?)
            전송 계층/소켓.md:22:58: error: broken link '#': empty wiki link: '#' names no heading
            checked 25 links: 11 broken links, 1 warning in 3 files

            """
        #expect(run.stdout == expected)
        // --strict makes the ambiguous link an error.
        let strict = try vault.netkb(["check", "--strict", "--no-refresh"])
        #expect(strict.stdout.contains("14:76: error: ambiguous link '개요'"))
    }

    @Test func jsonKeepsTheDesignContract() throws {
        let vault = try Vault(copying: Self.vaultFixture)
        let run = try vault.netkb(["check", "--format", "json"])
        #expect(run.status == 1)
        let json = try run.json()
        #expect(json["checkedLinks"] as? Int == 25)
        let broken = try #require(json["broken"] as? [[String: Any]])
        #expect(broken.count == 12)
        for entry in broken {
            for key in ["path", "target", "kind", "reason", "severity"] { #expect(entry[key] is String, "\(key) in \(entry)") }
            #expect(entry["line"] is Int && entry["column"] is Int)
        }
        let kinds = Set(broken.compactMap { $0["kind"] as? String })
        #expect(kinds == ["file", "anchor", "wiki", "ambiguous", "outside-root"])
        let typo = try #require(broken.first { $0["target"] as? String == "sockets-en.md" })
        #expect(typo["suggestion"] as? String == "전송 계층/socket-en.md")
    }

    @Test func theUsersNotesHaveExactlyTheTwoLinksOutsideTheRoot() throws {
        let vault = try Vault(copying: NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes"))
        let json = try vault.netkb(["check", "--format", "json"]).json()
        let broken = try #require(json["broken"] as? [[String: Any]])
        #expect(broken.map { $0["kind"] as? String } == ["outside-root", "outside-root"])
        #expect(broken.map { $0["target"] as? String } == Array(repeating: "../../Computer%20Science/네트워크%20기초%20개념.md", count: 2))
    }

    @Test func aCleanVaultExitsZero() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n[[b]] [b](b.md#제목)\n")
        try vault.write("b.md", "# 제목\n")
        let run = try vault.netkb(["check"])
        #expect(run.status == 0)
        #expect(run.stdout == "checked 2 links: 0 broken links, 0 warnings\n")
    }

    @Test func htmlImagesAndLinksAreCheckedAndCited() throws {
        // Typora sizes an image with `<img src=… style="zoom:50%;">`; GitHub notes center them in `<p>`.
        let vault = try Vault()
        try vault.write("images/있는 그림.png", "png")
        try vault.write("b.md", "# 제목\n")
        try vault.write("a.md", """
            # A

            <p align="center">
              <img src="images/%EC%9E%88%EB%8A%94%20%EA%B7%B8%EB%A6%BC.png" width="400">
              <img src="images/없는 그림.png" alt="그림" style="zoom:50%;" />
            </p>

            문단 <a href="b.md#없는-제목">b</a> 그리고 <a href="https://example.com/tcp?x=1&amp;y=2">TCP</a>

            """)
        let run = try vault.netkb(["check"])
        #expect(run.status == 1)
        #expect(run.stdout == """
            a.md:5:3: error: broken link 'images/없는 그림.png': no such file 'images/없는 그림.png' (did you mean 'images/있는 그림.png'?)
            a.md:8:4: error: broken link 'b.md#없는-제목': no heading or anchor '#없는-제목' in 'b.md'
            checked 3 links: 2 broken links, 0 warnings in 1 file

            """)
        // The `<a href>` to a page is a reference, labelled by its text; images are not.
        let json = try vault.netkb(["refs", "--format", "json", "--no-refresh"]).json()
        let topics = try #require(json["topics"] as? [[String: Any]])
        let references = topics.flatMap { ($0["references"] as? [[String: Any]]) ?? [] }
        #expect(references.map { $0["url"] as? String } == ["https://example.com/tcp?x=1&y=2"])
        #expect(references.map { $0["label"] as? String } == ["TCP"])
    }

    @Test func fixingOrBreakingATargetIsSeenByTheNextCheck() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n[[새 노트]] [b](b.md#제목)\n")
        try vault.write("b.md", "# 제목\n")
        #expect(try vault.netkb(["check"]).stdout.contains("a.md:3:1: error: broken link '새 노트'"))
        try vault.write("sub/새 노트.md", "# 새\n")                 // the missing note appears
        try vault.write("b.md", "# 다른 제목\n")                     // the heading is renamed
        let run = try vault.netkb(["check"])
        #expect(run.stdout == "a.md:3:10: error: broken link 'b.md#제목': no heading or anchor '#제목' in 'b.md'\nchecked 2 links: 1 broken link, 0 warnings in 1 file\n")
        try FileManager.default.removeItem(at: vault.notes.appendingPathComponent("sub/새 노트.md"))
        try vault.write("b.md", "# 제목\n")
        #expect(try vault.netkb(["check"]).stdout.hasPrefix("a.md:3:1: error: broken link '새 노트'"))
    }

    @Test func anNFCLinkFindsAnNFDFileName() throws {
        let vault = try Vault()
        try vault.write("소켓.md".decomposedStringWithCanonicalMapping, "# 소켓\n")
        try vault.write("a.md", "# A\n\n[소켓](소켓.md) [[소켓]]\n")
        let run = try vault.netkb(["check"])
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test func aSymbolicLinkOutOfTheRootIsNeverFollowedByALink() throws {
        let vault = try Vault()
        let outside = vault.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("# 밖\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        try vault.write("a.md", "# A\n\n[밖](../outside/secret.md)\n")
        let json = try vault.netkb(["check", "--format", "json"]).json()
        #expect((json["broken"] as? [[String: Any]])?.first?["kind"] as? String == "outside-root")
    }

    @Test func aSymbolicLinkInTheNotesIsPartOfThemButPathsOutsideAreNot() throws {
        let vault = try Vault()
        let outside = vault.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("# 밖\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        // A symbolic link inside the notes, pointing out of them: the walk reads it as a note of
        // the vault, as Obsidian does; a path written to leave the root is still outside-root.
        try FileManager.default.createSymbolicLink(atPath: vault.notes.appendingPathComponent("linked.md").path, withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try vault.write("a.md", "# A\n\n[안](linked.md) [[linked]] [밖](../outside/secret.md)\n")
        let json = try vault.netkb(["check", "--format", "json"]).json()
        let broken = try #require(json["broken"] as? [[String: Any]])
        #expect(broken.map { $0["target"] as? String } == ["../outside/secret.md"])
        #expect(broken.first?["kind"] as? String == "outside-root")
        #expect(json["checkedLinks"] as? Int == 3)
    }

    @Test func repositoryURLsAreCheckedAsInternalLinksFromTheConfig() throws {
        let vault = try Vault()
        try vault.write(".netkb/config.yml", "repo-url: https://github.com/me/notes\n")
        try vault.write("net/TCP.md", "# TCP\n\n## 연결\n")
        try vault.write("a.md", """
            # A

            [ok](https://github.com/me/notes/blob/main/net/TCP.md#연결)
            [gone](https://github.com/me/notes/blob/main/net/UDP.md)
            [other repo](https://github.com/you/notes/blob/main/net/UDP.md)

            """)
        let run = try vault.netkb(["check"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("a.md:4:1: error: broken link 'https://github.com/me/notes/blob/main/net/UDP.md': no such file 'net/UDP.md'"))
        #expect(!run.stdout.contains("you/notes"))
    }

    @Test(arguments: [
        ("repo_url: https://github.com/me/notes\n", "netkb: error: .netkb/config.yml:1: unknown key 'repo_url' (did you mean 'repo-url'?)\n"),
        ("repo-url: [a, b]\n", "netkb: error: .netkb/config.yml:1: "),
        ("repo-url: https://gitlab.com/me/notes\n", "netkb: error: .netkb/config.yml:1: "),
        ("a: &x [1]\nb: *x\n", "netkb: error: .netkb/config.yml:1: "),
    ])
    func aBadConfigIsAnErrorNamingItsLineAndNothingIsIndexed(config: String, message: String) throws {
        let vault = try Vault()
        try vault.write(".netkb/config.yml", config)
        try vault.write("a.md", "# A\n")
        let run = try vault.netkb(["check"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: vault.index.path))
    }

    @Test func aSettingsFileThatIsALinkToNothingIsAnErrorNotNoFile() throws {
        for (file, command) in [(".netkb/config.yml", "check"), (".netkb/concepts.yml", "layers")] {
            let vault = try Vault()
            try vault.write("a.md", "# A\n")
            try FileManager.default.createDirectory(at: vault.notes.appendingPathComponent(".netkb"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: vault.notes.appendingPathComponent(file).path, withDestinationPath: "../gone.yml")
            let run = try vault.netkb([command])
            #expect(run.status == 2 && run.stderr == "netkb: error: \(file): cannot read: it is a symbolic link to '../gone.yml', which does not exist\n", "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: vault.index.path))
        }
    }

    @Test func linksShowsOutgoingLinksAndBacklinksByTitleOrName() throws {
        let vault = try Vault(copying: Self.vaultFixture)
        for name in ["TCP", "net/TCP.md", "tcp"] {
            let json = try vault.netkb(["links", name, "--format", "json"]).json()
            #expect(json["note"] as? String == "net/TCP.md", "\(name)")
            let backlinks = try #require(json["backlinks"] as? [[String: Any]])
            #expect(backlinks.contains { $0["path"] as? String == "전송 계층/소켓.md" && $0["line"] as? Int == 14 && $0["column"] as? Int == 1 })
            #expect(backlinks.contains { $0["path"] as? String == "전송 계층/socket-en.md" })
        }
        let byAlias = try vault.netkb(["links", "소켓 프로그래밍"])
        #expect(byAlias.stdout.hasPrefix("전송 계층/소켓.md\noutgoing ("))
        #expect(byAlias.stdout.contains("  6:41  sockets-en.md  broken (file): no such file '전송 계층/sockets-en.md'"))
        #expect(byAlias.stdout.contains("  14:1  TCP#연결 수립  → net/TCP.md › 연결 수립"))
        let missing = try vault.netkb(["links", "UPD"])
        #expect(missing.status == 2 && missing.stderr.hasPrefix("netkb: error: no note 'UPD': "))
    }

    @Test func aLongTargetIsShownCutInTextAndWholeInJSON() throws {
        let vault = try Vault()
        let data = "data:image/png;base64," + String(repeating: "A", count: 6_000)
        try vault.write("a.md", "# A\n\n<img src=\"\(data)\">\n")
        let text = try vault.netkb(["links", "a.md"])
        let line = try #require(text.stdout.split(separator: "\n").first { $0.contains("data:image") })
        #expect(line.count < 250 && line.contains("…  external"), "\(line.prefix(300))")
        let json = try vault.netkb(["links", "a.md", "--format", "json", "--no-refresh"]).json()
        let outgoing = try #require(json["outgoing"] as? [[String: Any]])
        #expect(outgoing.map { $0["target"] as? String } == [data])
    }

    @Test func orphansAreTheNotesNothingElseLinksTo() throws {
        let vault = try Vault(copying: Self.vaultFixture)
        let json = try vault.netkb(["links", "--orphans", "--format", "json"]).json()
        #expect(json["orphans"] as? [String] == ["net/개요.md", "other/개요.md"])
    }

    @Test func aPercentEncodedRepositoryLinkWithAHeadingResolvesInALargeVault() throws {
        // With more notes than links, resolution reads the headings of the notes its links can
        // reach only: the link's percent-encoded file name must still lead to 한.md.
        let vault = try Vault()
        try vault.write(".netkb/config.yml", "repo-url: https://github.com/me/notes\n")
        try vault.write("한.md", "# 한\n\n## 연결\n\n본문\n")
        try vault.write("a.md", """
            # A

            [연결](https://github.com/me/notes/blob/main/%ED%95%9C.md#연결)
            [없는 절](https://github.com/me/notes/blob/main/%ED%95%9C.md#없음)

            """)
        for number in 0..<210 { try vault.write("filler/\(number).md", "# \(number)\n") }
        let run = try vault.netkb(["check"])
        #expect(run.stdout.contains("a.md:4:1: error: broken link 'https://github.com/me/notes/blob/main/%ED%95%9C.md#없음'"), "\(run.stdout)")
        #expect(!run.stdout.contains("a.md:3:"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("checked 2 links: 1 broken link, 0 warnings in 1 file\n"), "\(run.stdout)")
    }
}

