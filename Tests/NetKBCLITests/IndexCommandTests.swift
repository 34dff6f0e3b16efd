import Foundation
import Testing

/// `netkb index` end to end: what it reports, incremental runs, and every bad input the issue names.
@Suite("netkb index")
struct IndexCommandTests {
    func report(_ run: NetKBBinary.Run) throws -> [String: Any] {
        #expect(run.status == 0, "\(run.stderr)")
        return try run.json()
    }

    @Test func firstRunAddsEveryNoteAndSaysSo() throws {
        let vault = try Vault(copying: NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes"))
        let run = try vault.netkb(["index"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("indexed \(vault.notes.path): 1 added, 0 updated, 0 removed, 0 unchanged; "))
        #expect(run.stdout.contains(" sections, ") && run.stdout.contains(" links; 0 warnings; "))
        let again = try report(try vault.netkb(["index", "--format", "json"]))
        #expect(again["added"] as? Int == 0 && again["unchanged"] as? Int == 1)
        #expect((again["sections"] as? Int ?? 0) >= 9)
        // Every URL and relative link of the note, each on its own: 32 URLs, 2 relative links.
        let text = try String(contentsOf: vault.notes.appendingPathComponent("network.md"), encoding: .utf8)
        let expectedLinks = text.components(separatedBy: "https://").count - 1 + text.components(separatedBy: "](../").count - 1
        #expect(again["links"] as? Int == expectedLinks)
        #expect(FileManager.default.fileExists(atPath: vault.index.path))
    }

    @Test func incrementalRunsChangeExactlyWhatChanged() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n라우터 이야기\n")
        try vault.write("sub/b.md", "# B\n\n스위치 이야기\n")
        try vault.write("c.md", "# C\n\n허브 이야기\n")
        let first = try report(try vault.netkb(["index", "--format", "json"]))
        #expect(first["added"] as? Int == 3)

        try vault.write("a.md", "# A\n\n게이트웨이 이야기\n")       // content changed
        try vault.write("d.md", "# D\n\n브리지 이야기\n")           // added
        try FileManager.default.removeItem(at: vault.notes.appendingPathComponent("c.md"))  // removed
        let b = vault.notes.appendingPathComponent("sub/b.md")       // touched, same content
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: b.path)

        let second = try report(try vault.netkb(["index", "--format", "json"]))
        #expect(second["added"] as? Int == 1)
        #expect(second["updated"] as? Int == 1)
        #expect(second["removed"] as? Int == 1)
        #expect(second["unchanged"] as? Int == 1)
        #expect(try vault.searchHeadings("게이트웨이") == ["A"])
        #expect(try vault.searchHeadings("라우터").isEmpty)
        #expect(try vault.searchHeadings("허브").isEmpty)
        #expect(try vault.searchHeadings("브리지") == ["D"])
        #expect(try vault.searchHeadings("스위치") == ["B"])

        let third = try report(try vault.netkb(["index", "--format", "json"]))
        #expect(third["added"] as? Int == 0 && third["updated"] as? Int == 0 && third["removed"] as? Int == 0)
        #expect(third["unchanged"] as? Int == 3)
    }

    @Test func aNoteReplacedByOneOfTheSameSizeAndTimeIsReadAgain() throws {
        let vault = try Vault()
        let k = try vault.write("k.md", "# 델타\n\nkiloword01\n")
        let l = try vault.write("l.md", "# 델타\n\nlimaword02\n")
        let m = try vault.write("m.md", "# 델타\n\nmikeword03\n")
        let time = Date(timeIntervalSince1970: 1_700_000_000)
        for url in [k, l, m] { try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: url.path) }
        #expect(try vault.netkb(["index"]).status == 0)
        // `mv l.md k.md`, and an edit of m.md that keeps its size, with its time set back.
        #expect(rename(l.path, k.path) == 0)
        try Data("# 델타\n\nnovemword4\n".utf8).write(to: m)
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: m.path)
        let refresh = try vault.netkb(["index"])
        #expect(refresh.stdout.hasPrefix("indexed \(vault.notes.path): 0 added, 2 updated, 1 removed, 0 unchanged"), "\(refresh.stdout)")
        #expect(try vault.searchHeadings("limaword02").count == 1)
        #expect(try vault.searchHeadings("novemword4").count == 1)
        #expect(try vault.searchHeadings("kiloword01").isEmpty && vault.searchHeadings("mikeword03").isEmpty)
    }

    @Test func rebuildReReadsEverything() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        _ = try vault.netkb(["index"])
        let rebuilt = try report(try vault.netkb(["index", "--rebuild", "--format", "json"]))
        #expect(rebuilt["added"] as? Int == 1)
        #expect(try vault.searchHeadings("소켓") == ["A"])
    }

    @Test func hiddenFoldersAndOtherFilesAreSkipped() throws {
        let vault = try Vault()
        try vault.write("note.md", "# Note\n\n패킷\n")
        try vault.write("other.markdown", "# Other\n\n패킷\n")
        try vault.write(".obsidian/x.md", "# Hidden\n\n패킷\n")
        try vault.write(".trash/y.md", "# Trash\n\n패킷\n")
        try vault.write("image.png", "패킷")
        try vault.write("readme.txt", "패킷")
        #expect(Set(try vault.searchHeadings("패킷")) == ["Note", "Other"])
    }

    @Test func aMissingNotesFolderIsAnError() throws {
        let vault = try Vault()
        let missing = vault.root.appendingPathComponent("nowhere")
        let run = try NetKBBinary.run(["index", "--notes", missing.path, "--index", vault.index.path])
        #expect(run.status == 2)
        #expect(run.stderr == "netkb: error: notes folder \(missing.path) cannot be read: No such file or directory\n")
    }

    @Test func aNotesPathThatIsAFileIsAnError() throws {
        let vault = try Vault()
        let file = try vault.write("a.md", "# A\n")
        let run = try NetKBBinary.run(["index", "--notes", file.path, "--index", vault.index.path])
        #expect(run.status == 2)
        #expect(run.stderr == "netkb: error: notes folder \(file.path) is not a folder\n")
    }

    @Test func anUnwritableIndexPathIsAnErrorAndTheOldIndexStays() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        _ = try vault.netkb(["index"])
        let blocker = vault.root.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let bad = blocker.appendingPathComponent("netkb.sqlite").path
        let run = try NetKBBinary.run(["index", "--notes", vault.notes.path, "--index", bad])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("netkb: error: cannot write the index at \(bad): "))
        #expect(try vault.searchHeadings("소켓") == ["A"])
    }

    @Test func indexPathsThatSQLiteWouldReadAsAURIOrAsMemoryAreFiles() throws {
        let vault = try Vault()
        try vault.write("tcp.md", "# TCP\n")
        // Another netkb index sits where SQLite would take `file:other.sqlite.building` to lead.
        let other = try Vault()
        try other.write("udp.md", "# UDP\n")
        #expect(try other.netkb(["index"]).status == 0)
        let victim = vault.root.appendingPathComponent("other.sqlite.building")
        try FileManager.default.copyItem(at: other.index, to: victim)
        let before = try Data(contentsOf: victim)
        for name in ["file:other.sqlite", ":memory:"] {
            let index = ["--notes", vault.notes.path, "--index", name]
            let built = try NetKBBinary.run(["index"] + index, in: vault.root)
            #expect(built.status == 0, "\(name): \(built.stderr)")
            #expect(FileManager.default.fileExists(atPath: vault.root.appendingPathComponent(name).path), "\(name)")
            let found = try NetKBBinary.run(["search", "TCP", "--no-refresh"] + index, in: vault.root)
            #expect(found.status == 0 && !found.stdout.isEmpty, "\(name): \(found.stderr)")
        }
        #expect(try Data(contentsOf: victim) == before)
    }

    @Test func invalidUTF8AndNULBytesAreRepairedWithAWarningNamingFileAndLine() throws {
        let vault = try Vault()
        try vault.write("good.md", "# Good\n\n라우터\n")
        try vault.write("bad.md", bytes: Data("# Bad\n\n라우터 ".utf8) + Data([0xFF, 0xFE]) + Data(" 스위치\n\nnul".utf8) + Data([0]) + Data("here\n".utf8))
        let run = try vault.netkb(["index"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("bad.md:3: warning: "))
        #expect(run.stderr.contains("bad.md:5: warning: "))
        #expect(run.stdout.contains("2 added"))
        #expect(Set(try vault.searchHeadings("라우터")) == ["Good", "Bad"])
        #expect(try vault.searchHeadings("스위치") == ["Bad"])
    }

    @Test func aDamagedIndexIsRebuiltWithAMessage() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n소켓\n")
        _ = try vault.netkb(["index"])
        // Keep the 100-byte header, which says the file is netkb's, and ruin the rest.
        var bytes = try Data(contentsOf: vault.index)
        bytes.replaceSubrange(100..<bytes.count, with: Data(repeating: 0x42, count: bytes.count - 100))
        try bytes.write(to: vault.index)
        let run = try vault.netkb(["search", "소켓"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("netkb: the index at \(vault.index.path) was rebuilt because it is damaged"))
        #expect(run.stdout.contains("a.md:1  A"))
    }

    @Test func aSymlinkLoopEndsWithAWarning() throws {
        let vault = try Vault()
        try vault.write("sub/a.md", "# A\n\n소켓\n")
        try FileManager.default.createSymbolicLink(atPath: vault.notes.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: vault.notes.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
        let run = try vault.netkb(["index"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("1 added"))
        #expect(run.stderr.contains("sub/loop: warning: folder already visited"))
        #expect(run.stderr.contains("self.md: warning: broken or looping symbolic link"))
        #expect(try vault.searchHeadings("소켓") == ["A"])
    }

    @Test func anUnreadableFileIsNamedAndItsIndexedTextKept() throws {
        let vault = try Vault()
        try vault.write("open.md", "# Open\n\n라우터\n")
        let secret = try vault.write("secret.md", "# Secret\n\n라우터 소켓\n")
        _ = try vault.netkb(["index"])
        try vault.write("secret.md", "# Secret\n\n바뀐 내용\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: secret.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret.path) }
        let run = try vault.netkb(["index"], asUser: try vault.userWhoCannotReadEverything())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("secret.md: warning: cannot read: Permission denied; keeping what the index had of it"))
        // (Read without refreshing: as root, a refresh could read the file again.)
        #expect(Set(try vault.searchHeadings("라우터", "--no-refresh")) == ["Open", "Secret"])
        #expect(try vault.searchHeadings("소켓", "--no-refresh") == ["Secret"])
    }

    /// 400 notes, each with a word of its own (`w7x`) and `edit`: enough that changing them all
    /// writes a new file instead (see Indexer.rebuildsRather).
    func writeManyNotes(_ vault: Vault, edit: String) throws {
        for n in 0..<400 { try vault.write("d\(n / 100)/n\(n).md", "# N\(n)\n\nw\(n)x \(edit)\n") }
    }

    /// 400 notes indexed, then every one changed and `locked` (a note or folder) given `mode`:
    /// the refresh that follows, run by a user to whom the mode applies.
    func refreshOfManyChanges(locking locked: String, mode: Int) throws -> (Vault, NetKBBinary.Run) {
        let vault = try Vault()
        try writeManyNotes(vault, edit: "first")
        _ = try vault.netkb(["index"])
        try writeManyNotes(vault, edit: "second")
        let path = vault.notes.appendingPathComponent(locked).path
        let before = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: before], ofItemAtPath: path) }
        return (vault, try vault.netkb(["index", "--format", "json"], asUser: try vault.userWhoCannotReadEverything()))
    }

    @Test func manyChangesAreWrittenAsChangesWhenANoteCannotBeRead() throws {
        let (vault, run) = try refreshOfManyChanges(locking: "d1/n150.md", mode: 0o000)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("rebuilt") && run.stderr.contains("d1/n150.md: warning: cannot read: Permission denied; keeping what the index had of it"), "\(run.stderr)")
        #expect(try run.json()["updated"] as? Int == 399)
        #expect(try vault.searchHeadings("w150x", "--no-refresh") == ["N150"])
        #expect(try vault.searchHeadings("w151x", "second", "--no-refresh") == ["N151"])
    }

    @Test func manyChangesAreWrittenAsChangesWhileAFolderCannotBeRead() throws {
        let (vault, run) = try refreshOfManyChanges(locking: "d2", mode: 0o000)
        #expect(run.status == 0 && !run.stderr.contains("rebuilt"), "\(run.stderr)")
        #expect(try run.json()["updated"] as? Int == 300 && run.json()["removed"] as? Int == 0)
        #expect(try vault.searchHeadings("w250x", "--no-refresh") == ["N250"])
    }

    @Test func manyChangesAreWrittenAsANewFileAndSaidSo() throws {
        let vault = try Vault()
        try writeManyNotes(vault, edit: "first")
        _ = try vault.netkb(["index"])
        try writeManyNotes(vault, edit: "second")
        let run = try vault.netkb(["search", "w7x", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr == "netkb: the index at \(vault.index.path) was rebuilt because 400 of its 400 notes changed: a new file is written faster than that many changes\n", "\(run.stderr)")
        #expect(try vault.searchHeadings("second", "--no-refresh").count == 20 && vault.searchHeadings("first", "--no-refresh").isEmpty)
    }

    @Test func anIndexAnswersOnlyForTheNotesItWasWrittenFor() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\nalphaonly\n")
        let other = vault.root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("# B\n\nbravoonly\n".utf8).write(to: other.appendingPathComponent("b.md"))
        #expect(try vault.netkb(["index"]).status == 0)
        let index = ["--index", vault.index.path]
        let notes = try #require(realpath(vault.notes.path, nil).map { String(cString: $0) })
        let others = try #require(realpath(other.path, nil).map { String(cString: $0) })
        let message = "netkb: error: the index at \(vault.index.path) holds the notes of \(notes), not of \(others): give these notes an index of their own with --index, or run `netkb index --rebuild` to make this index theirs\n"
        // Another folder's notes neither replace the index's nor are answered for from it.
        for arguments in [["index"], ["search", "bravoonly"], ["search", "alphaonly", "--no-refresh"], ["check"]] {
            let run = try NetKBBinary.run(arguments + ["--notes", other.path] + index)
            #expect(run.status == 2 && run.stderr == message, "\(arguments): \(run.stderr)")
        }
        #expect(try vault.searchHeadings("alphaonly", "--no-refresh") == ["A"])
        // The same folder moved is still the index's.
        let moved = vault.root.appendingPathComponent("moved")
        try FileManager.default.moveItem(at: vault.notes, to: moved)
        let found = try NetKBBinary.run(["search", "alphaonly", "--notes", moved.path, "--format", "json"] + index)
        #expect(found.status == 0, "\(found.stderr)")
        // …and is recorded where it is now: a new folder at the old path is another folder.
        try FileManager.default.createDirectory(at: vault.notes, withIntermediateDirectories: true)
        try vault.write("new.md", "# New\n\nnewonly\n")
        let newFolder = try NetKBBinary.run(["search", "newonly", "--notes", vault.notes.path] + index)
        #expect(newFolder.status == 2 && newFolder.stderr.contains("holds the notes of \(moved.path), not of \(notes)"), "\(newFolder.stderr)")
        // --rebuild makes the index another folder's.
        #expect(try NetKBBinary.run(["index", "--rebuild", "--notes", other.path] + index).status == 0)
        let rebuilt = try NetKBBinary.run(["search", "bravoonly", "--notes", other.path, "--format", "json"] + index)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    }

    @Test func aNotesFolderFoundEmptyDoesNotEmptyTheIndex() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\nalphaonly\n")
        try vault.write("b.md", "# B\n\nbravoonly\n")
        #expect(try vault.netkb(["index"]).status == 0)
        // As if the drive holding the notes were not mounted.
        for name in ["a.md", "b.md"] { try FileManager.default.removeItem(at: vault.notes.appendingPathComponent(name)) }
        let refresh = try vault.netkb(["search", "alphaonly"])
        #expect(refresh.status == 2 && refresh.stderr.hasPrefix("netkb: error: found no notes in \(vault.notes.path), and the index at \(vault.index.path) holds 2: "), "\(refresh.stderr)")
        #expect(try vault.searchHeadings("alphaonly", "--no-refresh") == ["A"])
        let rebuilt = try vault.netkb(["index", "--rebuild", "--format", "json"])
        #expect(try rebuilt.status == 0 && rebuilt.json()["added"] as? Int == 0)
        #expect(try vault.searchHeadings("alphaonly", "--no-refresh").isEmpty)
    }

    /// A hostile trial: a search whose refresh wrote a new file replaced a read-only index, and
    /// one owned by another user (after `sudo netkb search` the owner could not write it again).
    @Test func manyChangesNeverReplaceAnIndexThatIsAnothersOrReadOnly() throws {
        let vault = try Vault()
        try writeManyNotes(vault, edit: "first")
        #expect(try vault.netkb(["index"]).status == 0)
        guard let user = try vault.userWhoCannotReadEverything() else { return }  // needs two users: run as root
        func inode() throws -> UInt64 { try #require(FileManager.default.attributesOfItem(atPath: vault.index.path)[.systemFileNumber] as? UInt64) }
        let before = try inode()
        // Another user's index, writable by all: changed in place, keeping its owner.
        try writeManyNotes(vault, edit: "second")
        let changed = try vault.netkb(["search", "second", "--format", "json"], asUser: user)
        #expect(changed.status == 0 && !changed.stderr.contains("rebuilt"), "\(changed.stderr)")
        #expect(try inode() == before)
        #expect(try FileManager.default.attributesOfItem(atPath: vault.index.path)[.ownerAccountID] as? UInt == 0)
        // A read-only index: answered from as it is, untouched.
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: vault.index.path)
        let bytes = try Data(contentsOf: vault.index)
        try writeManyNotes(vault, edit: "third")
        let stale = try vault.netkb(["search", "second"], asUser: user)
        #expect(stale.status == 0 && stale.stderr.contains("answering from the index as it is"), "\(stale.stderr)")
        #expect(try inode() == before && Data(contentsOf: vault.index) == bytes)
    }

    @Test func someonesFileUnderTheBuildingNameStopsOnlyANewFile() throws {
        let vault = try Vault()
        try writeManyNotes(vault, edit: "first")
        #expect(try vault.netkb(["index"]).status == 0)
        let building = vault.index.path + ".building"
        try Data("my own notes".utf8).write(to: URL(fileURLWithPath: building))
        // A refresh of a few notes writes changes; one of many falls back to changes too.
        try vault.write("d0/n1.md", "# N1\n\nw1x second\n")
        #expect(try vault.searchHeadings("w1x", "second") == ["N1"])
        try writeManyNotes(vault, edit: "thirdly")
        let many = try vault.netkb(["index", "--format", "json"])
        #expect(try many.status == 0 && many.json()["updated"] as? Int == 400, "\(many.stderr)")
        #expect(many.stderr.contains("\(building): warning: not netkb's file, so netkb wrote the changes into the index instead of a new file there"), "\(many.stderr)")
        // Only a rebuild, which must write a new file there, refuses.
        let rebuild = try vault.netkb(["index", "--rebuild"])
        #expect(rebuild.status == 2 && rebuild.stderr.contains(building), "\(rebuild.stderr)")
        #expect(try String(contentsOfFile: building, encoding: .utf8) == "my own notes")
    }

    @Test func anUnreadableFolderKeepsTheNotesIndexedFromIt() throws {
        let vault = try Vault()
        try vault.write("open.md", "# Open\n\n라우터\n")
        try vault.write("locked/inner/a.md", "# Locked\n\n라우터 소켓\n")
        _ = try vault.netkb(["index"])
        let locked = vault.notes.appendingPathComponent("locked")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let run = try vault.netkb(["index", "--format", "json"], asUser: try vault.userWhoCannotReadEverything())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("locked: warning: cannot read folder: Permission denied; keeping what the index had of the notes in it"))
        #expect(try run.json()["removed"] as? Int == 0)
        #expect(try vault.searchHeadings("소켓", "--no-refresh") == ["Locked"])
    }

    /// A hostile trial: a folder that can be listed but not entered (`r--`) lost its notes from
    /// the index without a word, and a link to a folder that is not there now (a drive not
    /// mounted) lost the notes under it.
    @Test func aFolderListedButNotEnteredOrALinkToNothingKeepsItsNotes() throws {
        let vault = try Vault()
        try vault.write("open.md", "# Open\n\n라우터\n")
        try vault.write("listed/inner.md", "# Listed\n\n라우터 소켓\n")
        let drive = vault.root.appendingPathComponent("drive")
        try FileManager.default.createDirectory(at: drive, withIntermediateDirectories: true)
        try Data("# Drive\n\n라우터 패킷\n".utf8).write(to: drive.appendingPathComponent("d.md"))
        try FileManager.default.createSymbolicLink(atPath: vault.notes.appendingPathComponent("usb").path, withDestinationPath: drive.path)
        _ = try vault.netkb(["index"])
        let listed = vault.notes.appendingPathComponent("listed")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: listed.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: listed.path) }
        try FileManager.default.moveItem(at: drive, to: vault.root.appendingPathComponent("drive.off"))
        let run = try vault.netkb(["index", "--format", "json"], asUser: try vault.userWhoCannotReadEverything())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("listed: warning: cannot read folder: Permission denied; keeping what the index had of the notes in it"), "\(run.stderr)")
        #expect(run.stderr.contains("usb: warning: symbolic link to nothing (No such file or directory); keeping what the index had of the notes under it"), "\(run.stderr)")
        #expect(try run.json()["removed"] as? Int == 0)
        #expect(try vault.searchHeadings("소켓", "--no-refresh") == ["Listed"])
        #expect(try vault.searchHeadings("패킷", "--no-refresh") == ["Drive"])
    }

    @Test func anUnreadableNotesFolderIsAnErrorAndTheIndexStays() throws {
        let vault = try Vault()
        try vault.write("a.md", "# A\n\n라우터\n")
        _ = try vault.netkb(["index"])
        let user = try vault.userWhoCannotReadEverything()
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: vault.notes.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: vault.notes.path) }
        let run = try vault.netkb(["index"], asUser: user)
        #expect(run.status == 2)
        #expect(run.stderr == "netkb: error: notes folder \(vault.notes.path) cannot be read: Permission denied\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: vault.notes.path)
        #expect(try vault.searchHeadings("라우터", "--no-refresh") == ["A"])
    }

    @Test func hugeAndDeeplyNestedNotesAreIndexed() throws {
        let vault = try Vault()
        // 10,000 nested list levels, 100,000 headings and a 20 MB note.
        let nested = String(repeating: "- ", count: 10_000) + "깊은곳 nestedend\n\n" + String(repeating: "> ", count: 10_000) + "인용\n"
        try vault.write("nested.md", "# Nested\n\n" + nested)
        try vault.write("headings.md", (0..<100_000).map { "## 제목 \($0)\n" }.joined() + "라스트헤딩\n")
        let paragraph = "소켓은 네트워크 통신의 끝점이다. The socket is an endpoint of a TCP connection.\n\n"
        var big = "# Big\n\n" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
        big += "유일무이한단어 bigend\n"
        try vault.write("big.md", big)
        #expect(big.utf8.count >= 20_000_000)
        let run = try vault.netkb(["index", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr.prefix(500))")
        #expect(try run.json()["added"] as? Int == 3)
        #expect(try vault.searchHeadings("bigend") == ["Big"])
        #expect(try vault.searchHeadings("유일무이한단어") == ["Big"])
        #expect(try vault.searchHeadings("라스트헤딩") == ["제목 99999"])
        #expect(try vault.searchHeadings("nestedend").count == 1)
    }
}

@Suite("netkb index progress")
struct IndexProgressTests {
    func vaultWithNotes() throws -> Vault {
        let vault = try Vault()
        for n in 0..<40 { try vault.write("n\(n).md", "# N\(n)\n\n본문 \(n)\n") }
        return vault
    }

    @Test func aProgressBarIsDrawnOnATerminal() throws {
        let vault = try vaultWithNotes()
        // script(1) gives netkb a pseudo-terminal; NETKB_PROGRESS_AFTER=0 shows the bar at once.
        let command = "\(NetKBBinary.url.path) index --notes \(vault.notes.path) --index \(vault.index.path)"
        let run = try NetKBBinary.run(["-qec", command, "/dev/null"], environment: ["NETKB_PROGRESS_AFTER": "0"], executable: "/usr/bin/script")
        #expect(run.status == 0)
        #expect(run.stdout.contains("██████████████████████████████ 40/40 notes"))
        #expect(run.stdout.contains("40 added"))
    }

    @Test func noProgressBarWhenNotOnATerminal() throws {
        let vault = try vaultWithNotes()
        let run = try vault.netkb(["index"], environment: ["NETKB_PROGRESS_AFTER": "0"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("notes\r") && !run.stderr.contains("█"))
    }
}
