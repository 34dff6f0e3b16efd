import Foundation
import NetKBTestSupport
import Testing
@testable import NetKB

@Suite("NotesFolder")
struct NotesFolderTests {
    @Test(arguments: [("a.md", true), ("A.MD", true), ("b.Markdown", true), (".md", false), ("md", false), ("a.mdx", false), ("a.txt", false), ("노트.md", true), ("a.m\u{0E}", false)])
    func noteEndings(name: String, isNote: Bool) {
        #expect(NotesFolder.isNote(name) == isNote)
    }

    /// A temporary notes folder, written with raw byte names where needed.
    final class Folder {
        let root: URL
        var path: String { root.path }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-scan-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        @discardableResult
        func write(_ relative: String, _ text: String = "# Note\n") throws -> URL {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return url
        }

        /// Writes a file whose name is `name`'s bytes, as they are, in `folder` (relative, made first).
        func write(bytes name: [UInt8], in folder: String = "", _ text: String = "# Note\n") throws {
            let directory = folder.isEmpty ? root : root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name
            let file = try #require(FileSystemPath.withCString(path) { fopen($0, "w") })
            fputs(text, file)
            fclose(file)
        }

        func makeFolder(bytes name: [UInt8]) throws {
            let path = Array(root.path.utf8) + [UInt8(ascii: "/")] + name
            #expect(FileSystemPath.withCString(path) { mkdir($0, 0o755) } == 0)
        }
    }

    func bytesOrdered(_ paths: [String]) -> [String] {
        paths.sorted { ByteOrder.precedes($0, $1) }
    }

    func scan(_ folder: Folder) throws -> NotesFolder.Scan {
        let concurrent = try NotesFolder(root: folder.path).scan(concurrently: true)
        let alone = try NotesFolder(root: folder.path).scan(concurrently: false)
        // The same, whichever thread read which folder.
        #expect(concurrent.files == alone.files)
        #expect(concurrent.warnings == alone.warnings)
        #expect(concurrent.otherFiles == alone.otherFiles)
        #expect(concurrent.unreadableFolders == alone.unreadableFolders)
        return concurrent
    }

    /// Names that sort differently alone and as paths: "a" as a folder goes after "a.md" and
    /// "a-b.md" ("/" is 0x2F) but before "a0.md"; upper case before lower; Hangul last.
    @Test func notesComeInByteOrderOfTheirPaths() throws {
        let folder = try Folder()
        let paths = [
            "a.md", "a-b.md", "a0.md", "a/x.md", "a/b/c.md", "a/b.md", "a b/y.md", "B.md", "Z/z.md", "가.md", "가/나.md",
            "ab.md", "a.md.d/e.md", "deep/er/and/deeper/note.markdown", "UPPER.MD",
        ]
        for path in paths { try folder.write(path) }
        let found = try scan(folder)
        #expect(found.files.map(\.path) == bytesOrdered(paths))
        #expect(found.noteCount == paths.count)
        #expect(found.warnings.isEmpty)
        for file in found.files {
            #expect(FileSystemPath.withCString(file.absolutePath) { access($0, R_OK) } == 0, "\(file.path)")
            #expect(file.absolutePath == Array((folder.path + "/" + file.path).utf8))
        }
    }

    @Test func manyFoldersAreReadAsOneList() throws {
        let folder = try Folder()
        var paths: [String] = []
        var generator = SeededGenerator(state: 7)
        for folderNumber in 0..<24 {
            let name = ["x", "X", "x-", "x.", "소켓", "a b"][folderNumber % 6] + String(folderNumber / 6)
            for noteNumber in 0..<(Int(generator.next() % 20) + 1) {
                paths.append("\(name)/\(noteNumber % 3 == 0 ? "n" : "N")\(noteNumber).md")
            }
            paths.append("\(name)/inner/\(folderNumber).md")
        }
        for path in paths { try folder.write(path) }
        let found = try scan(folder)
        #expect(found.files.map(\.path) == bytesOrdered(paths))
    }

    @Test func stampsAreTheFilesTimesInodeAndSize() throws {
        let folder = try Folder()
        let url = try folder.write("sub/a.md", "12345")
        let date = Date(timeIntervalSince1970: 1_700_000_000.25)
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
        var info = stat()
        #expect(stat(url.path, &info) == 0)
        let file = try #require(try scan(folder).files.first)
        #expect(file.size == 5)
        #expect(file.changeStamp == FileStamp.changeStamp(
            modified: 1_700_000_000_250_000_000,
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino)))
        // Another file of the same size and modification time put in its place (`mv`) is a
        // change: another inode, a later status-change time.
        let other = try folder.write("b.md", "67890")
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: other.path)
        #expect(rename(other.path, url.path) == 0)
        let replaced = try #require(try scan(folder).files.first)
        #expect(replaced.size == 5 && replaced.changeStamp != file.changeStamp)
    }

    @Test func hiddenFoldersAndOtherFilesAndFIFOsAreNotNotes() throws {
        let folder = try Folder()
        try folder.write("a.md")
        try folder.write(".git/b.md")
        try folder.write(".hidden.md")
        try folder.write("img/c.png")
        try folder.write("img/d.MD")
        #expect(mkfifo(folder.root.appendingPathComponent("fifo.md").path, 0o644) == 0)
        #expect(mkfifo(folder.root.appendingPathComponent("img/pipe").path, 0o644) == 0)
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["a.md", "img/d.MD"])
        #expect(found.otherFiles == ["img/c.png"])
        #expect(found.warnings.isEmpty)
    }

    @Test func symbolicLinksAreFollowedOnceAndLoopsEnd() throws {
        let folder = try Folder()
        let outside = try Folder()
        try outside.write("far/away.md")
        try outside.write("single.md")
        try folder.write("sub/a.md")
        let links: [(String, String)] = [
            ("sub/loop", ".."), ("self.md", "self.md"), ("gone.md", "nowhere.md"), ("far", outside.root.appendingPathComponent("far").path),
            ("single.md", outside.root.appendingPathComponent("single.md").path), ("again", "sub"),
        ]
        for (link, destination) in links {
            try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent(link).path, withDestinationPath: destination)
        }
        let found = try scan(folder)
        // "again" and "sub" are one folder, read once: as "again", which comes first.
        #expect(found.files.map(\.path) == ["again/a.md", "far/away.md", "single.md"])
        #expect(found.files.first?.absolutePath == Array((folder.path + "/again/a.md").utf8))
        #expect(found.warnings.map(\.description) == [
            "again/loop: warning: folder already visited (a symbolic link loop or a second link to it); skipped",
            "gone.md: warning: broken or looping symbolic link: No such file or directory",
            "self.md: warning: broken or looping symbolic link: Too many levels of symbolic links",
            "sub: warning: folder already visited (a symbolic link loop or a second link to it); skipped",
        ])
    }

    @Test func aLinkToAFolderThatHoldsTheNotesIsALoopAndSkipped() throws {
        let folder = try Folder()
        try folder.write("sub/a.md")
        // Followed, `..` would read the notes' neighbours and `/` the whole disk.
        for (link, destination) in [("up", ".."), ("sub/top", "/"), ("sub/grand", "../..")] {
            try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent(link).path, withDestinationPath: destination)
        }
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["sub/a.md"])
        #expect(found.warnings.map(\.description) == [
            "sub/grand: warning: symbolic link to a folder that holds the notes folder (a loop); skipped",
            "sub/top: warning: symbolic link to a folder that holds the notes folder (a loop); skipped",
            "up: warning: symbolic link to a folder that holds the notes folder (a loop); skipped",
        ])
    }

    /// `/proc` links to every process's working folder: followed, the walk read the notes of
    /// whatever any process was working in, and `/proc` itself changed as it was read.
    @Test(.enabled(if: NotesFolder.kernelFileSystem(at: Array("/proc".utf8)) == "proc", "/proc is not mounted here"))
    func theKernelsFileSystemsAreNeverWalked() throws {
        let folder = try Folder()
        try folder.write("a.md")
        try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent("kernel").path, withDestinationPath: "/proc")
        try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent("self").path, withDestinationPath: "/proc/self")
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["a.md"])
        #expect(found.otherFiles.isEmpty)
        #expect(found.warnings.map(\.description) == [
            "kernel: warning: folder of the kernel's proc file system, which holds no notes; skipped",
            "self: warning: folder of the kernel's proc file system, which holds no notes; skipped",
        ])
    }

    @Test func nfcAndNFDTwinsKeepTheNFCOne() throws {
        let folder = try Folder()
        let nfc = "소켓.md"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        try folder.write(nfd, "NFD")
        try folder.write(nfc, "NFC!")
        try folder.write("소켓.md.txt")
        try folder.write("가.md")
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["가.md", "소켓.md"])
        #expect(found.files.last?.absolutePath == Array((folder.path + "/" + nfc).utf8))
        #expect(found.files.last?.size == 4)
        #expect(found.warnings.map(\.description) == ["소켓.md: warning: two files have this name, spelled in different Unicode normalisations (NFC and NFD); indexed only the one spelled NFC"])
    }

    @Test func anNFDNameAloneIsShownNFCAndOpenedAsSpelled() throws {
        let folder = try Folder()
        let nfd = "네트워크".decomposedStringWithCanonicalMapping
        try folder.write("\(nfd)/\(nfd).md")
        let file = try #require(try scan(folder).files.first)
        #expect(Array(file.path.unicodeScalars) == Array("네트워크/네트워크.md".unicodeScalars))
        #expect(file.absolutePath == Array((folder.path + "/\(nfd)/\(nfd).md").utf8))
    }

    @Test func twinFoldersStillGiveOneSortedList() throws {
        let folder = try Folder()
        let nfc = "é"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        try folder.write("\(nfd)/x.md", "NFD")
        try folder.write("\(nfd)/z.md", "NFD")
        try folder.write("\(nfc)/x.md", "NFC!")
        try folder.write("\(nfc)/y.md", "NFC!")
        try folder.write("f.md")
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["f.md", "é/x.md", "é/y.md", "é/z.md"])
        // Of the twins, the one whose whole path is spelled NFC.
        #expect(found.files.map(\.size) == [7, 4, 4, 3])
        #expect(found.warnings.map(\.path) == ["é/x.md"])
    }

    @Test func namesThatAreNotUTF8AreEscapedAndOpenedAsSpelled() throws {
        let folder = try Folder()
        try folder.write(bytes: Array("caf".utf8) + [0xE9] + Array(".md".utf8))
        try folder.makeFolder(bytes: [0xB3, 0xD7])
        try folder.write(bytes: Array("n.md".utf8), in: "_")
        let found = try scan(folder)
        #expect(found.files.map(\.path) == ["_/n.md", "caf\\xE9.md"])
        #expect(found.files.last?.absolutePath == Array(folder.path.utf8) + Array("/caf".utf8) + [0xE9] + Array(".md".utf8))
        #expect(found.warnings.map(\.description) == [
            "\\xB3\\xD7: warning: the name is not UTF-8; shown with its bytes escaped",
            "caf\\xE9.md: warning: the name is not UTF-8; shown with its bytes escaped",
        ])
    }

    @Test func aMissingFolderIsAnError() throws {
        let folder = try Folder()
        #expect(throws: IndexError.self) { try NotesFolder(root: folder.path + "/missing").scan() }
    }

    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(state: 11)
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0]
        for _ in 0..<20_000 {
            let bytes = (0..<Int(generator.next() % 7)).map { _ in interesting[Int(generator.next() % UInt64(interesting.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(FileSystemPath.isUTF8(bytes) == expected, "\(bytes)")
        }
    }
}
