import Foundation
import Testing

/// The hostile trial's defects, end to end on the built binary: a user's file is never lost,
/// concurrent runs are both right, nothing hangs, output failures and terminal escapes are handled.
@Suite("Reliability")
struct ReliabilityTests {
    /// Writes a note under a file name given as bytes (which need not be UTF-8) in the notes folder.
    func writeNote(named name: [UInt8], _ text: String, in vault: Vault) throws {
        let path = Array(vault.notes.path.utf8) + Array("/".utf8) + name + [0]
        let descriptor = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(descriptor >= 0)
        _ = text.withCString { write(descriptor, $0, strlen($0)) }
        close(descriptor)
    }

    /// Runs a shell command line (for redirections netkb cannot be given as arguments).
    func shell(_ line: String, in vault: Vault) throws -> NetKBBinary.Run {
        try NetKBBinary.run(["-c", line], environment: ["NETKB": NetKBBinary.url.path, "NOTES": vault.notes.path, "INDEX": vault.index.path], executable: "/bin/sh")
    }

    // MARK: 1. A file that is not a netkb index is never replaced.

    @Test(arguments: ["search", "index", "index --rebuild"])
    func aNoteGivenAsTheIndexIsLeftUntouched(_ command: String) throws {
        let vault = try Vault()
        let note = try vault.write("network.md", "# 소켓\n\n소켓은 통신의 끝점\n")
        let before = try Data(contentsOf: note)
        let words = command.split(separator: " ").map(String.init) + (command == "search" ? ["소켓"] : [])
        let run = try NetKBBinary.run(words + ["--notes", vault.notes.path, "--index", note.path])
        #expect(run.status == 2)
        #expect(run.stderr == "netkb: error: \(note.path) is not a netkb index: it is not an SQLite database; netkb leaves it as it is: give --index a file name of its own\n")
        #expect(!run.stderr.contains("rm ") && !run.stderr.contains("--rebuild"), "the advice must not destroy the file")
        #expect(try Data(contentsOf: note) == before)
        #expect(!FileManager.default.fileExists(atPath: note.path + ".building"))
    }

    /// A user's file named like a journal of an index not yet written is never deleted:
    /// SQLite would take it for the new index's own journal, so the run stops, naming it.
    @Test(arguments: ["-journal", "-wal", "-shm"], ["search", "index", "index --rebuild"])
    func aFileNamedLikeAJournalOfANewIndexIsLeftUntouched(_ suffix: String, _ command: String) throws {
        let vault = try Vault()
        try vault.write("network.md", "# 소켓\n\n소켓은 통신의 끝점\n")
        let mine = URL(fileURLWithPath: vault.index.path + suffix)
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("my data\n".utf8).write(to: mine)
        let words = command.split(separator: " ").map(String.init) + (command == "search" ? ["소켓"] : [])
        let run = try vault.netkb(words)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: \(mine.path) is in the way: SQLite would take it for a journal of the index netkb is to write at \(vault.index.path)"), "\(run.stderr)")
        #expect(try Data(contentsOf: mine) == Data("my data\n".utf8))
        #expect(!FileManager.default.fileExists(atPath: vault.index.path))
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + ".building"))
        // Moved away, the index is written.
        try FileManager.default.removeItem(at: mine)
        #expect(try vault.netkb(["index"]).status == 0)
    }

    /// Beside netkb's own index, a journal is that index's, and a rebuild replaces it.
    @Test func aJournalBesideNetkbsOwnIndexGoesWithARebuild() throws {
        let vault = try Vault()
        try vault.write("network.md", "# 소켓\n\n소켓은 통신의 끝점\n")
        #expect(try vault.netkb(["index"]).status == 0)
        let journal = URL(fileURLWithPath: vault.index.path + "-wal")
        try Data().write(to: journal)
        let run = try vault.netkb(["index", "--rebuild"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test func anotherProgramsDatabaseKeepsItsTables() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        let other = vault.root.appendingPathComponent("app.db").path
        #expect(try shell("sqlite3 '\(other)' \"CREATE TABLE t (x); INSERT INTO t VALUES ('kept');\"", in: vault).status == 0)
        let run = try NetKBBinary.run(["search", "소켓", "--notes", vault.notes.path, "--index", other])
        #expect(run.status == 2 && run.stderr.contains("is not a netkb index: it is an SQLite database that netkb did not write"))
        #expect(try shell("sqlite3 '\(other)' 'SELECT x FROM t'", in: vault).stdout == "kept\n")
    }

    /// A rebuild renamed its new file over the link, leaving the user a file where their link
    /// was and the index it led to stale, and the lock beside the link let a process given the
    /// target's path write at the same time.
    @Test func anIndexPathThatIsASymbolicLinkStaysALinkToTheIndex() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓 하나\n")
        let real = vault.root.appendingPathComponent("real/netkb.sqlite")
        for folder in [real.deletingLastPathComponent(), vault.index.deletingLastPathComponent()] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        // Dangling at first: the index is made where it leads.
        try FileManager.default.createSymbolicLink(atPath: vault.index.path, withDestinationPath: "../real/netkb.sqlite")
        #expect(try vault.netkb(["index"]).status == 0)
        try vault.write("b.md", "# B\n\n소켓 둘\n")
        #expect(try vault.netkb(["index", "--rebuild"]).status == 0)

        let type = try FileManager.default.attributesOfItem(atPath: vault.index.path)[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: vault.index.path) == "../real/netkb.sqlite")
        let run = try NetKBBinary.run(["search", "소켓", "--no-refresh", "--format", "json", "--notes", vault.notes.path, "--index", real.path])
        let results = try #require(try run.json()["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["path"] as? String }.sorted() == ["a.md", "b.md"])
        #expect(FileManager.default.fileExists(atPath: real.path + ".lock"))
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + ".lock"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: vault.index.deletingLastPathComponent().path)
        #expect(leftovers == ["netkb.sqlite"])
    }

    /// `--index notes/index.md`: the second run read the index as a note of binary text and
    /// indexed it into itself.
    @Test func anIndexAmongTheNotesIsNeverReadAsANote() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓 하나\n")
        let index = vault.notes.appendingPathComponent("index.md").path
        let arguments = ["--notes", vault.notes.path, "--index", index]
        #expect(try NetKBBinary.run(["index"] + arguments).status == 0)
        let again = try NetKBBinary.run(["index"] + arguments)
        #expect(again.status == 0)
        #expect(again.stderr.contains("index.md: warning: netkb's own index file; not read as a note"))
        #expect(!again.stderr.contains("invalid UTF-8"))
        let run = try NetKBBinary.run(["search", "소켓", "--format", "json"] + arguments)
        let results = try #require(try run.json()["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["path"] as? String } == ["a.md"])
        #expect(try NetKBBinary.run(["links", "--orphans"] + arguments).stdout == "a.md\n")
    }

    // MARK: 2. Concurrent runs.

    /// Runs netkb `count` times at once on `vault`, each with `arguments`.
    func concurrently(_ count: Int, _ arguments: [String], on vault: Vault) -> [NetKBBinary.Run?] {
        let results = Results(count)
        let group = DispatchGroup()
        for slot in 0..<count {
            DispatchQueue.global().async(group: group) { results.set(slot, try? vault.netkb(arguments)) }
        }
        group.wait()
        return results.all
    }

    /// Results filled in from several threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [NetKBBinary.Run?]
        init(_ count: Int) { runs = Array(repeating: nil, count: count) }
        func set(_ slot: Int, _ run: NetKBBinary.Run?) { lock.lock(); runs[slot] = run; lock.unlock() }
        var all: [NetKBBinary.Run?] { lock.lock(); defer { lock.unlock() }; return runs }
    }

    @Test func tenSearchesOnAFreshIndexAllAnswerInFull() throws {
        let vault = try Vault()
        for n in 0..<300 { try vault.write("n\(n).md", "# 노트 \(n)\n\n소켓 \(n) 이야기\n") }
        let runs = concurrently(10, ["search", "소켓", "--limit", "500", "--format", "json"], on: vault)
        #expect(runs.allSatisfy { $0?.status == 0 }, "\(runs.map { $0?.stderr ?? "no run" })")
        #expect(Set(runs.map { $0?.stdout ?? "" }).count == 1, "all ten printed the same results")
        let results = try #require(runs.first??.json()["results"] as? [Any])
        #expect(results.count == 300)
    }

    @Test func twoRebuildsAtOnceBothSucceed() throws {
        let vault = try Vault()
        for n in 0..<300 { try vault.write("n\(n).md", "# 노트 \(n)\n\n라우터 \(n)\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        let runs = concurrently(2, ["index", "--rebuild", "--format", "json"], on: vault)
        #expect(runs.allSatisfy { $0?.status == 0 }, "\(runs.map { $0?.stderr ?? "no run" })")
        for run in runs { #expect((try run?.json()["added"]) as? Int == 300) }
        let report = try vault.netkb(["index", "--format", "json"]).json()
        #expect(report["unchanged"] as? Int == 300)
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + ".building"))
    }

    @Test func aSearchWhileAnotherProcessHoldsTheLockAnswersFromTheIndex() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        #expect(try vault.netkb(["index"]).status == 0)
        try vault.write("b.md", "# B\n\n소켓 새 노트\n")
        // `flock` holds the same lock netkb's writers take, as a long index run would.
        let run = try shell("flock \"$INDEX.lock\" sh -c '\"$NETKB\" search 소켓 --notes \"$NOTES\" --index \"$INDEX\"'", in: vault)
        #expect(run.status == 0)
        #expect(run.stdout.contains("a.md:1  A") && !run.stdout.contains("b.md"))
        #expect(run.stderr == "netkb: warning: answering from the index as it is, which may be out of date: another netkb process is updating it\n")
    }

    // MARK: 3, 4. File names.

    @Test func aFileNameThatIsNotUTF8IsIndexedUnderAnEscapedName() throws {
        let vault = try Vault()
        // Write the file under a Latin-1 name: "caf" + 0xE9 + ".md".
        try writeNote(named: Array("caf".utf8) + [0xE9] + Array(".md".utf8), "# Latin\n\n라우터\n", in: vault)
        let run = try vault.netkb(["search", "라우터", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("caf\\xE9.md: warning: the name is not UTF-8; shown with its bytes escaped"))
        let results = try #require(try run.json()["results"] as? [[String: Any]])
        #expect(results.map { $0["path"] as? String } == ["caf\\xE9.md"])
    }

    /// A file named `caf\xE9.md` (a backslash, as typed) and one whose name has the byte E9
    /// are shown with one name: the one named so is indexed, and the warning says why.
    @Test func aNameLikeAnEscapedOneIsNotTakenForAnNFDTwin() throws {
        let vault = try Vault()
        try writeNote(named: Array("caf".utf8) + [0xE9] + Array(".md".utf8), "# Latin\n\n라우터\n", in: vault)
        try vault.write("caf\\xE9.md", "# Typed\n\n라우터 스위치\n")
        let run = try vault.netkb(["index"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("caf\\xE9.md: warning: two files are shown with this name: one named so, and one whose name is not UTF-8"), "\(run.stderr)")
        #expect(!run.stderr.contains("normalisations"))
        let search = try vault.netkb(["search", "스위치", "--format", "json", "--no-refresh"]).json()
        #expect((search["results"] as? [[String: Any]])?.map { $0["path"] as? String } == ["caf\\xE9.md"])
    }

    /// A name shown escaped can be given back as shown (`new\x0Aline.md`) or as the file
    /// system spells it (the raw bytes of a name that is not UTF-8, as a shell completes it).
    @Test func namesShownEscapedAreFoundEitherWay() throws {
        let vault = try Vault()
        try vault.write("new\nline.md", "# 줄바꿈\n\n[[a]] 소켓\n")
        try vault.write("a.md", "# A\n\n라우터\n")
        try writeNote(named: Array("caf".utf8) + [0xE9] + Array(".md".utf8), "# Latin\n\n[[a]] 스위치\n", in: vault)
        #expect(try vault.netkb(["index"]).status == 0)
        let shown = try vault.netkb(["show", "new\\x0Aline.md", "--no-refresh"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("[[a]] 소켓"))
        let escaped = try vault.netkb(["links", "caf\\xE9.md", "--no-refresh"])
        #expect(escaped.status == 0, "\(escaped.stderr)")
        let raw = try shell("\"$NETKB\" links \"$(printf 'caf\\351.md')\" --notes \"$NOTES\" --index \"$INDEX\" --no-refresh", in: vault)
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(raw.stdout == escaped.stdout)
        #expect(raw.stdout.contains("a.md"))
        // A name that is neither is still reported as typed.
        let missing = try vault.netkb(["show", "nothing\\x0A.md", "--no-refresh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nothing\\x0A.md"), "\(missing.stderr)")
    }

    @Test func aSearchShowsTenOfARefreshsWarningsAndIndexShowsThemAll() throws {
        let vault = try Vault()
        // Fifteen Latin-1 names ("n<k>" + 0xE9 + ".md"), each warned of on every scan.
        for k in 0..<15 {
            try writeNote(named: Array("n\(k)".utf8) + [0xE9] + Array(".md".utf8), "# N\n\n라우터\n", in: vault)
        }
        let search = try vault.netkb(["search", "라우터"])
        let lines = search.stderr.split(separator: "\n")
        #expect(search.status == 0 && lines.count == 11, "\(search.stderr)")
        #expect(lines.prefix(10).allSatisfy { $0.hasSuffix(": warning: the name is not UTF-8; shown with its bytes escaped") })
        #expect(lines.last == "netkb: 5 more warnings about the folder's files; `netkb index` lists them all")
        let index = try vault.netkb(["index"])
        #expect(index.stderr.split(separator: "\n").count == 15, "\(index.stderr)")
        // A note's own warnings, given once when it is read, are all shown.
        for k in 0..<12 { try vault.write("bad\(k).md", "# Bad\n\n라우터 \u{0}\n") }
        let again = try vault.netkb(["search", "라우터"])
        let nul = again.stderr.split(separator: "\n").filter { $0.contains("NUL bytes replaced") }
        #expect(nul.count == 12, "\(again.stderr)")
    }

    @Test func nfcAndNFDTwinsAreNamedInAWarning() throws {
        let vault = try Vault()
        try vault.write("소켓.md", "# NFC\n\n라우터\n")
        try vault.write("소켓.md".decomposedStringWithCanonicalMapping, "# NFD\n\n라우터\n")
        let run = try vault.netkb(["index"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("소켓.md: warning: two files have this name, spelled in different Unicode normalisations (NFC and NFD); indexed only the one spelled NFC"))
        #expect(try vault.searchHeadings("라우터") == ["NFC"])
    }

    // MARK: 5, 16. Options and errors.

    @Test(arguments: [
        (["search", "TCP", "--limt", "5"], "netkb: error: unknown option '--limt'; did you mean '--limit'?"),
        (["search", "TCP", "--no-refrsh"], "netkb: error: unknown option '--no-refrsh'; did you mean '--no-refresh'?"),
        (["search", "TCP", "--fromat", "json"], "netkb: error: unknown option '--fromat'; did you mean '--format'?"),
        (["search", "TCP", "--limit", "-1"], "netkb: error: --limit must be at least 1 (got -1)"),
        (["search", "TCP", "--limit", "0"], "netkb: error: --limit must be at least 1 (got 0)"),
        (["index", "--rebuld"], "netkb: error: Unknown option '--rebuld'. Did you mean '--rebuild'?"),
    ])
    func argumentErrorsAreOneLineAndAHint(_ arguments: [String], _ message: String) throws {
        let vault = try Vault()
        let run = try vault.netkb(arguments)
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "one error line and one hint line: \(run.stderr)")
        #expect(lines.first.map(String.init) == message)
        #expect(lines.dropFirst().first?.hasPrefix("see 'netkb ") == true)
        #expect(!FileManager.default.fileExists(atPath: vault.index.path))
    }

    /// `search` suggests the option a typo meant from a list of its options; the list must hold
    /// every option its help shows, or a new option would get no suggestion.
    @Test func everySearchOptionInTheHelpIsSuggestedForItsTypo() throws {
        let help = try NetKBBinary.run(["search", "--help"]).stdout
        let shown = Set(help.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
        #expect(shown.count >= 14, "\(shown.sorted())")
        for option in shown {
            let run = try NetKBBinary.run(["search", "x", String(option.dropLast())])
            #expect(run.stderr.contains("did you mean '\(option)'?"), "\(option): \(run.stderr)")
        }
    }

    @Test func aLoneDoubleDashEndsOptions() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n--limt 옵션을 잘못 쓴 예\n")
        let run = try NetKBBinary.run(["search", "--notes", vault.notes.path, "--index", vault.index.path, "--", "--limt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("a.md:1  A"))
    }

    /// A note named `-rf.md` is read as options; the error says to put it after `--`, which works.
    @Test(arguments: ["show", "links"])
    func aNameStartingWithADashIsToldToFollowDoubleDash(_ command: String) throws {
        let vault = try Vault()
        try vault.write("-rf.md", "# 대시\n\n소켓 [[a]]\n")
        try vault.write("a.md", "# A\n\n라우터\n")
        let run = try NetKBBinary.run([command, "--notes", vault.notes.path, "--index", vault.index.path, "-rf.md"])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("'-rf.md' is read as options: a name that starts with '-' goes after '--' ('netkb \(command) -- -rf.md')\n"), "\(run.stderr)")
        let fixed = try NetKBBinary.run([command, "--notes", vault.notes.path, "--index", vault.index.path, "--", "-rf.md"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains(command == "show" ? "소켓 [[a]]" : "a.md"), "\(fixed.stdout)")
    }

    @Test func anEmptyNotesVariableIsNamed() throws {
        let run = try NetKBBinary.run(["search", "x"], environment: ["NETKB_NOTES": ""])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: NETKB_NOTES is set but empty: set it to a path or unset it\n"))
    }

    @Test func aBadThreadCountIsNamedAndNothingIsWritten() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        for (value, shown) in [("0", "'0'"), ("abc", "'abc'"), ("33", "'33'"), ("2\u{1B}[31m", "'2\\x1B[31m'")] {
            for command in [["index"], ["search", "소켓"]] {
                let run = try NetKBBinary.run(command + ["--notes", vault.notes.path, "--index", vault.index.path], environment: ["NETKB_THREADS": value])
                #expect(run.status == 2, "\(command) \(value): \(run.stderr)")
                #expect(run.stderr.hasPrefix("netkb: error: NETKB_THREADS must be a whole number from 1 to 32, not \(shown)\n"), "\(run.stderr)")
                #expect(!FileManager.default.fileExists(atPath: vault.index.path))
            }
        }
        let run = try NetKBBinary.run(["search", "소켓", "--notes", vault.notes.path, "--index", vault.index.path], environment: ["NETKB_THREADS": "3"])
        #expect(run.status == 0 && run.stdout.hasPrefix("a.md:1  A"), "\(run.stdout) \(run.stderr)")
    }

    @Test func versionIsPrinted() throws {
        let run = try NetKBBinary.run(["--version"])
        #expect(run.status == 0 && run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test func controlCharactersInAQueryAreEscapedInMessages() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n본문\n")
        let run = try vault.netkb(["search", "없는말\u{1B}]0;title\u{07}"])
        #expect(run.status == 1)
        #expect(run.stderr == "no results for 없는말\\x1B]0;title\\x07\n")
    }

    // MARK: 6. A damaged index.

    @Test func garbagePagesInTheMiddleNeverLeaveSearchFailing() throws {
        let vault = try Vault()
        for n in 0..<400 { try vault.write("n\(n).md", "# 노트 \(n)\n\n소켓 \(n) " + String(repeating: "패킷 라우터 스위치 ", count: 40) + "\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        var bytes = try Data(contentsOf: vault.index)
        let pages = bytes.count / 4096
        for page in [pages / 2 - 1, pages / 2, pages / 2 + 1] {
            bytes.replaceSubrange(page * 4096..<(page + 1) * 4096, with: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        }
        try bytes.write(to: vault.index)
        for _ in 0..<2 {
            let run = try vault.netkb(["search", "소켓", "--limit", "1000", "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect((try? run.json()["results"] as? [Any])??.count == 400)
        }
        let index = try vault.netkb(["index"])
        #expect(index.status == 0, "\(index.stderr)")
    }

    /// An index SQLite finds damaged as it is read says how to write it anew.
    @Test func aDamagedIndexReadAsItIsSaysToRebuild() throws {
        let vault = try Vault()
        for n in 0..<200 { try vault.write("n\(n).md", "# 노트 \(n)\n\n소켓 \(n) " + String(repeating: "패킷 라우터 스위치 ", count: 40) + "\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        let bytes = try Data(contentsOf: vault.index)
        try bytes.prefix(bytes.count / 2).write(to: vault.index)
        let run = try vault.netkb(["search", "소켓", "--no-refresh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("is damaged") && run.stderr.contains("`netkb index --rebuild` writes it anew from the notes"), "\(run.stderr)")
        #expect(try vault.netkb(["index", "--rebuild"]).status == 0)
        #expect(try vault.netkb(["search", "소켓", "--no-refresh"]).status == 0)
    }

    // MARK: 7. A huge section.

    @Test func aSearchInAMegabyteSectionHighlightsTheFirstMatch() throws {
        let vault = try Vault()
        try vault.write("big.md", "# Big\n\n" + String(repeating: "소켓 통신 패킷 ", count: 70_000) + "\n")
        let run = try vault.netkb(["search", "패킷", "--format", "json"])
        #expect(run.status == 0)
        let top = try #require((try run.json()["results"] as? [[String: Any]])?.first)
        let highlights = try #require(top["highlights"] as? [[String: Any]])
        #expect(highlights.first?["text"] as? String == "패킷")
        #expect((top["snippet"] as? String ?? "").count < 400)
    }

    // MARK: 11. Output that cannot be written.

    @Test func aFullStandardOutputIsOneErrorLine() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        for format in ["json", "text"] {
            let run = try shell("\"$NETKB\" search 소켓 --format \(format) --notes \"$NOTES\" --index \"$INDEX\" > /dev/full", in: vault)
            #expect(run.status == 2)
            #expect(run.stderr == "netkb: error: cannot write to standard output: No space left on device\n")
        }
    }

    @Test func aClosedStandardOutputIsOneErrorLine() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        let run = try shell("\"$NETKB\" search 소켓 --notes \"$NOTES\" --index \"$INDEX\" >&-", in: vault)
        #expect(run.status == 2)
        #expect(run.stderr == "netkb: error: cannot write to standard output: Bad file descriptor\n")
    }

    @Test func aPipeClosedEarlyEndsQuietlyEvenWithSIGPIPEIgnored() throws {
        let vault = try Vault()
        for n in 0..<200 { try vault.write("n\(n).md", "# 노트 \(n)\n\n" + String(repeating: "소켓 ", count: 200) + "\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        let run = try shell("trap '' PIPE; \"$NETKB\" search 소켓 --limit 200 --format json --notes \"$NOTES\" --index \"$INDEX\" | head -c 10 > /dev/null", in: vault)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    /// `layers --format json` writes its JSON as it goes: a pipe closed after the first bytes
    /// ends it quietly too.
    @Test func aPipeClosedEarlyEndsLayersJSONQuietly() throws {
        let vault = try Vault()
        for n in 0..<300 { try vault.write("n\(n).md", "# 노트 \(n)\n\nTCP 소켓과 UDP. IP 패킷과 라우터.\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        let run = try shell("trap '' PIPE; \"$NETKB\" layers --format json --notes \"$NOTES\" --index \"$INDEX\" | head -c 10 > /dev/null", in: vault)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    // MARK: 12, 13. An index that cannot be written.

    @Test func aReadOnlyIndexFolderIsSearchedWithAWarning() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        #expect(try vault.netkb(["index"]).status == 0)
        try vault.write("b.md", "# B\n\n소켓 새 노트\n")
        let user = try vault.userWhoCannotReadEverything()
        let folder = vault.index.deletingLastPathComponent().path
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: vault.index.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
        for extra in [[], ["--no-refresh"]] {
            let run = try vault.netkb(["search", "소켓"] + extra, asUser: user)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("a.md:1  A"))
        }
        let refreshing = try vault.netkb(["search", "소켓"], asUser: user)
        #expect(refreshing.stderr.hasPrefix("netkb: warning: answering from the index as it is, which may be out of date: cannot write the index at "))
        for suffix in ["-wal", "-shm", "-journal"] { #expect(!FileManager.default.fileExists(atPath: vault.index.path + suffix)) }
    }

    @Test(.enabled(if: SmallDisk.canMount, "skipped: mounting a small tmpfs needs root and mount permission"))
    func aFullDiskStillAnswersSearchesFromTheIndex() throws {
        // Room for 30 notes and their index (about 500 KB, with the taxonomy it keeps), then
        // filled up by notes.
        let disk = try SmallDisk(kilobytes: 800)
        defer { disk.unmount() }
        let notes = disk.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for n in 0..<30 { try Data("# 노트 \(n)\n\n소켓 \(n) 이야기\n".utf8).write(to: notes.appendingPathComponent("n\(n).md")) }
        let index = disk.folder.appendingPathComponent("index/netkb.sqlite").path
        let arguments = ["--notes", notes.path, "--index", index]
        #expect(try NetKBBinary.run(["index"] + arguments).status == 0)
        // Fill the disk with new notes: the next refresh cannot write them.
        var n = 0
        while (try? Data(("# 큰 노트\n\n" + String(repeating: "소켓 패킷 라우터 ", count: 400)).utf8).write(to: notes.appendingPathComponent("big\(n).md"))) != nil { n += 1 }
        let run = try NetKBBinary.run(["search", "소켓", "--limit", "100"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("n") && $0.contains(".md:1") }.count == 30)
        #expect(run.stderr.hasPrefix("netkb: warning: answering from the index as it is, which may be out of date: cannot write the index at \(index): database or disk is full"))
    }

    @Test func aRunKilledWhileWritingLeavesAnIndexThatNoRefreshStillReads() throws {
        let vault = try Vault()
        for n in 0..<200 { try vault.write("n\(n).md", "# 노트 \(n)\n\n소켓 \(n) " + String(repeating: "패킷 ", count: 50) + "\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        // A writer killed in the middle of its commit: the index's pages are half-written and
        // its journal is hot.
        let script = NetKBBinary.packageRoot.appendingPathComponent("benchmarks/stress/kill_mid_write.py").path
        _ = try NetKBBinary.run([script, vault.index.path], executable: "/usr/bin/python3")
        #expect(FileManager.default.fileExists(atPath: vault.index.path + "-journal"))
        let run = try vault.netkb(["search", "소켓", "--no-refresh", "--limit", "500", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try? run.json()["results"] as? [Any])??.count == 200)
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + "-journal"))
    }

    // MARK: 14. Terminal safety.

    @Test func escapeSequencesInNotesAreShownEscaped() throws {
        let vault = try Vault()
        try vault.write("evil\u{1B}[2J.md", "# Title \u{1B}]52;c;cHduZWQ=\u{07}\n\n소켓 \u{1B}]0;pwned\u{07} \u{02}fake\u{03} \u{9B}31m end\n")
        for color in ["never", "always"] {
            let run = try vault.netkb(["search", "소켓", "--color", color])
            #expect(run.status == 0)
            let text = run.stdout.replacingOccurrences(of: "\u{1B}[1;31m", with: "").replacingOccurrences(of: "\u{1B}[36m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value) }, "\(text.debugDescription)")
            #expect(text.contains("evil\\x1B[2J.md:1  Title \\x1B]52;c;cHduZWQ=\\x07"))
            #expect(text.contains("\\x1B]0;pwned\\x07"))
            #expect(text.contains("\\u{9B}31m"))
        }
        let json = try vault.netkb(["search", "fake", "--format", "json"]).json()
        let highlights = try #require((json["results"] as? [[String: Any]])?.first?["highlights"] as? [[String: Any]])
        #expect(highlights.map { $0["text"] as? String } == ["fake"])
    }

    // MARK: 15. Leftovers.

    /// A hostile trial: Ctrl-C or `kill` during `--rebuild` left a file as large as the index
    /// beside it until the next run that writes. Each signal stops the build, which removes its
    /// file first; the old index answers as before.
    @Test(arguments: ["INT", "TERM", "HUP"])
    func anInterruptedRebuildRemovesItsFile(signal: String) throws {
        let vault = try Vault()
        let paragraph = String(repeating: "소켓은 통신의 끝점이고 TCP 연결은 3 way handshake로 시작한다. ", count: 30)
        for n in 0..<1_000 { try vault.write("d\(n % 30)/n\(n).md", "# N\(n)\n\n\(paragraph)\n\n## 둘\n\n\(paragraph)\n") }
        #expect(try vault.netkb(["index"]).status == 0)
        // The signal is sent once the new file exists. netkb starts as from a terminal: with no
        // signal blocked (the test runner's threads block some, and a child inherits that) and
        // SIGINT not ignored (as a shell's background job has it).
        let run = try shell("""
            python3 -c 'import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); \\
            signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \\
                "$NETKB" index --rebuild --notes "$NOTES" --index "$INDEX" & pid=$!
            while [ ! -e "$INDEX.building" ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done
            kill -\(signal) $pid; wait $pid; echo "status $?"
            """, in: vault)
        let expected = ["INT": 130, "TERM": 143, "HUP": 129][signal]!
        #expect(run.stdout == "status \(expected)\n", "\(run.stdout) \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + ".building"))
        #expect(!FileManager.default.fileExists(atPath: vault.index.path + ".building-journal"))
        #expect(try vault.searchHeadings("handshake", "--no-refresh", "--limit", "3").count == 3)
    }

    @Test func aKilledRebuildsFileIsRemovedByTheNextRun() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        #expect(try vault.netkb(["index"]).status == 0)
        let building = vault.index.path + ".building"
        #expect(try shell("sqlite3 '\(building)' 'CREATE TABLE half (x)'", in: vault).status == 0)
        try vault.write("a.md", "# A\n\n소켓 바뀜\n")
        #expect(try vault.netkb(["index"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: building))
    }

    @Test func aCommandThatFailsCreatesNothing() throws {
        let vault = try Vault()
        let elsewhere = vault.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let run = try NetKBBinary.run(["search", "소켓"], in: elsewhere)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: notes folder notes cannot be read: No such file or directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }
}

/// A small tmpfs, to fill a disk without filling the machine's.
struct SmallDisk {
    let folder: URL

    init(kilobytes: Int) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let run = try NetKBBinary.run(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path], executable: "/bin/mount")
        guard run.status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    func unmount() {
        _ = try? NetKBBinary.run([folder.path], executable: "/bin/umount")
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether this machine lets the tests mount one.
    static let canMount: Bool = {
        guard getuid() == 0, let disk = try? SmallDisk(kilobytes: 64) else { return false }
        disk.unmount()
        return true
    }()
}
