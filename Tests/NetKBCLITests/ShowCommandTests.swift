import Foundation
import Testing

@Suite struct ShowCommandTests {
    static let tcp = """
        ---
        title: TCP 정리
        aliases: [전송 제어]
        ---
        # TCP

        소개 문단.

        ## 연결 수립 {#handshake}

        세 번 주고받는다. ^summary

        ### SYN

        SYN을 보낸다.

        ## 연결 종료

        FIN.

        """

    static func vault() throws -> Vault {
        let vault = try Vault()
        try vault.write("net/TCP.md", tcp)
        try vault.write("net/UDP.md", "# UDP\n\n[[TCP]]\n")
        return vault
    }

    @Test func aWholeNoteIsItsFileByPathNameTitleOrAlias() throws {
        let vault = try Self.vault()
        for name in ["net/TCP.md", "net/TCP", "TCP", "TCP 정리", "전송 제어"] {
            let text = try vault.netkb(["show", name])
            #expect(text.status == 0 && text.stdout == Self.tcp, "\(name): \(text.stderr)")
            let json = try vault.netkb(["show", name, "--format", "json"]).json()
            #expect(json["path"] as? String == "net/TCP.md")
            #expect(json["title"] as? String == "TCP 정리")
            #expect(json["heading"] is NSNull)
            #expect(json["headingPath"] as? [String] == [])
            #expect(json["line"] as? Int == 1 && json["endLine"] as? Int == 19)
            #expect(json["text"] as? String == Self.tcp)
        }
    }

    @Test func aHeadingShowsItselfAndWhatIsUnderItByTextOrAnchor() throws {
        let vault = try Self.vault()
        let section = """
            ## 연결 수립 {#handshake}

            세 번 주고받는다. ^summary

            ### SYN

            SYN을 보낸다.

            """
        let written = ["TCP#연결 수립", "tcp#연결 수립", "net/TCP.md#handshake", "TCP#연결-수립", "TCP#%EC%97%B0%EA%B2%B0-%EC%88%98%EB%A6%BD"]
        for target in written {
            let run = try vault.netkb(["show", target])
            #expect(run.status == 0 && run.stdout == section, "\(target): \(run.stdout) \(run.stderr)")
            let json = try vault.netkb(["show", target, "--format", "json"]).json()
            // The heading as written, the way search and refs show it.
            #expect(json["heading"] as? String == "연결 수립 {#handshake}", "\(target)")
            #expect(json["headingPath"] as? [String] == ["TCP", "연결 수립 {#handshake}"])
            #expect(json["line"] as? Int == 9 && json["endLine"] as? Int == 15, "\(target): \(json)")
        }
        let nested = try vault.netkb(["show", "TCP#연결 수립#SYN", "--format", "json"]).json()
        #expect(nested["headingPath"] as? [String] == ["TCP", "연결 수립 {#handshake}", "SYN"])
        #expect(nested["text"] as? String == "### SYN\n\nSYN을 보낸다.\n")
        let last = try vault.netkb(["show", "TCP#연결 종료"])
        #expect(last.stdout == "## 연결 종료\n\nFIN.\n")
    }

    @Test func whatCannotBeShownIsAnErrorThatSaysWhy() throws {
        let vault = try Self.vault()
        let cases: [(String, String)] = [
            ("TCP#연결 숩립", "no heading '연결 숩립' in 'net/TCP.md' (did you mean '#연결 수립'?)"),
            ("TCP#^summary", "'#^summary' in net/TCP.md is an anchor or a block, not a heading"),
            ("UPD", "no note 'UPD': "),
            ("#연결 수립", "name a note before '#'"),
        ]
        // A 10,000-character name or heading is quoted shortened, and 100,000 `#` are no trouble.
        for target in [String(repeating: "가", count: 10_000), "TCP#" + String(repeating: "x", count: 10_000), "TCP" + String(repeating: "#", count: 100_000)] {
            let run = try vault.netkb(["show", target])
            #expect(run.status == 2 && run.stderr.hasPrefix("netkb: error: ") && run.stderr.utf8.count < 1_000, "\(run.stderr.prefix(300))")
        }
        for (target, message) in cases {
            let run = try vault.netkb(["show", target])
            #expect(run.status == 2 && run.stdout.isEmpty, "\(target)")
            #expect(run.stderr.hasPrefix("netkb: error: ") && run.stderr.contains(message), "\(target): \(run.stderr)")
        }
    }

    @Test func aPathFromTheCurrentFolderNamesTheNoteItLeadsTo() throws {
        let vault = try Self.vault()
        try FileManager.default.createDirectory(at: vault.root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("# Elsewhere\n".utf8).write(to: vault.root.appendingPathComponent("outside/TCP.md"))
        let index = ["--index", vault.index.path]
        // From the folder above the notes, as a shell completes it; `..` and `./` as written.
        for (directory, notes, argument) in [
            (vault.root, "notes", "notes/net/TCP.md"),
            (vault.root, "notes", "./notes/net/../net/TCP.md#연결 종료"),
            (vault.root, "notes", "notes/net/TCP"),
            (vault.notes.appendingPathComponent("net"), "..", "TCP.md"),
        ] {
            let run = try NetKBBinary.run(["show", argument, "--notes", notes, "--format", "json"] + index, in: directory)
            #expect(run.status == 0, "\(argument): \(run.stderr)")
            #expect(try run.json()["path"] as? String == "net/TCP.md", "\(argument)")
            let links = try NetKBBinary.run(["links", argument.components(separatedBy: "#")[0], "--notes", notes, "--format", "json"] + index, in: directory)
            #expect(try links.json()["note"] as? String == "net/TCP.md", "\(argument): \(links.stderr)")
        }
        // A note's path from the notes root comes first: `net/UDP.md` there, not beside the
        // current folder; a file outside the notes folder is named as such.
        let fromRoot = try NetKBBinary.run(["show", "net/UDP.md", "--notes", "..", "--format", "json"] + index, in: vault.notes.appendingPathComponent("net"))
        #expect(try fromRoot.json()["path"] as? String == "net/UDP.md")
        let outside = try NetKBBinary.run(["show", "outside/TCP.md", "--notes", "notes"] + index, in: vault.root)
        // A name that is also a file or folder here outside the notes is still a note's name.
        let byName = try NetKBBinary.run(["show", "outside", "--notes", "notes", "--format", "json"] + index, in: vault.root)
        #expect(byName.status == 2 && byName.stderr.contains("no note 'outside': that path is outside the notes folder"), "\(byName.stderr)")
        try vault.write("outside.md", "# Outside, the note\n")
        let noteByName = try NetKBBinary.run(["show", "outside", "--notes", "notes", "--format", "json"] + index, in: vault.root)
        #expect(try noteByName.json()["path"] as? String == "outside.md", "\(noteByName.stderr)")
        #expect(outside.status == 2 && outside.stderr == "netkb: error: no note 'outside/TCP.md': that path is outside the notes folder 'notes'\n", "\(outside.stderr)")
        let folder = try NetKBBinary.run(["show", "notes/", "--notes", "notes"] + index, in: vault.root)
        #expect(folder.status == 2 && folder.stderr == "netkb: error: 'notes/' is the notes folder itself: name a note in it\n", "\(folder.stderr)")
        let empty = try vault.netkb(["show", " "])
        #expect(empty.status == 2 && empty.stderr == "netkb: error: name a note: NOTE is empty\n", "\(empty.stderr)")
    }

    @Test func controlCharactersAreEscapedInTextAndKeptInJSON() throws {
        let vault = try Vault()
        try vault.write("esc.md", "# 제목\n\n\u{1B}]0;title\u{07} 그리고\ttab\n")
        let text = try vault.netkb(["show", "esc"])
        #expect(text.stdout == "# 제목\n\n\\x1B]0;title\\x07 그리고\ttab\n")
        let json = try vault.netkb(["show", "esc", "--format", "json"]).json()
        #expect(json["text"] as? String == "# 제목\n\n\u{1B}]0;title\u{07} 그리고\ttab\n")
    }

    @Test func aNoteWhoseNameHoldsAControlCharacterIsNamedByItsPath() throws {
        // A wiki link may not hold control characters; a note's own path, given whole, may.
        let vault = try Vault()
        try vault.write("esc\u{1B}[2J.md", "# 제목\n\n[[other]]\n")
        try vault.write("other.md", "# other\n")
        let show = try vault.netkb(["show", "esc\u{1B}[2J"])
        #expect(show.status == 0 && show.stdout == "# 제목\n\n[[other]]\n", "\(show.stderr)")
        let links = try vault.netkb(["links", "esc\u{1B}[2J.md"])
        #expect(links.status == 0 && links.stdout.hasPrefix("esc\\x1B[2J.md\noutgoing (1):\n"), "\(links.stdout)\(links.stderr)")
    }

    @Test func theLinesAreTheFilesAsItIsNowEvenWhenTheIndexIsNot() throws {
        let vault = try Self.vault()
        #expect(try vault.netkb(["index"]).status == 0)
        try vault.write("net/TCP.md", "# 새 머리말\n\n" + Self.tcp.replacingOccurrences(of: "FIN.", with: "FIN과 ACK."))
        let json = try vault.netkb(["show", "TCP#연결 종료", "--no-refresh", "--format", "json"]).json()
        #expect(json["line"] as? Int == 19)
        #expect(json["text"] as? String == "## 연결 종료\n\nFIN과 ACK.\n")
    }

    @Test func aNoteGoneOrSwappedForAFIFOIsAnErrorNotAHang() throws {
        let vault = try Self.vault()
        #expect(try vault.netkb(["index"]).status == 0)
        let path = vault.notes.appendingPathComponent("net/TCP.md").path
        try FileManager.default.removeItem(atPath: path)
        let gone = try vault.netkb(["show", "TCP", "--no-refresh"])
        #expect(gone.status == 2 && gone.stderr == "netkb: error: cannot read net/TCP.md: it is gone since it was indexed\n", "\(gone.stderr)")
        #expect(mkfifo(path, 0o644) == 0)
        let fifo = try vault.netkb(["show", "TCP", "--no-refresh"])
        #expect(fifo.status == 2 && fifo.stderr == "netkb: error: cannot read net/TCP.md: it is not a regular file\n", "\(fifo.stderr)")
    }

    @Test func decomposedFileNamesAndPathsWithAHash() throws {
        let vault = try Vault()
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}.md"   // 한글.md, NFD as macOS saves it
        try vault.write(decomposed, "# 한글\n\n본문\n")
        try vault.write("C#.md", "# C#\n\n## 문법\n\n본문\n")
        let hangul = try vault.netkb(["show", "한글", "--format", "json"]).json()
        #expect((hangul["path"] as? String)?.unicodeScalars.elementsEqual("한글.md".unicodeScalars) == true)
        #expect(hangul["text"] as? String == "# 한글\n\n본문\n")
        for name in ["C#.md", "C#"] {
            #expect(try vault.netkb(["show", name]).stdout == "# C#\n\n## 문법\n\n본문\n", "\(name)")
        }
        #expect(try vault.netkb(["show", "C##문법"]).stdout == "## 문법\n\n본문\n")
    }
}
