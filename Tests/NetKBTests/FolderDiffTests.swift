import Testing
@testable import NetKB

/// The disk-versus-index diff: one merge of two lists in path byte order.
@Suite("FolderDiff")
struct FolderDiffTests {
    func file(_ path: String, modified: Int64 = 1, size: Int64 = 1) -> NoteFile {
        NoteFile(path: path, absolutePath: Array(path.utf8), modified: modified, size: size)
    }

    func stamp(_ modified: Int64 = 1, _ size: Int64 = 1) -> FileStamp {
        FileStamp(modified: modified, size: size, contentHash: 7)
    }

    @Test func newChangedUnchangedAndGoneNotesAreTold() {
        // Byte order: "B.md" < "a.md" < "가.md"; the index lists the same order as SQLite would.
        let files = [file("B.md"), file("a.md", modified: 2), file("c.md"), file("가.md")]
        let indexed = [("a.md", stamp()), ("b.md", stamp()), ("c.md", stamp()), ("hidden/x.md", stamp()), ("가.md", stamp())]
        let diff = FolderDiff(files: files, indexed: indexed.map { (path: $0.0, stamp: $0.1) }, mayHide: { $0.hasPrefix("hidden/") })
        #expect(diff.toRead.map(\.path) == ["B.md", "a.md"])
        #expect(diff.previous == ["a.md": stamp()])
        #expect(diff.gone == ["b.md"])
        #expect(diff.unchanged == 2)
    }

    @Test func emptySidesAreFine() {
        #expect(FolderDiff(files: [], indexed: [], mayHide: { _ in false }).toRead.isEmpty)
        let onlyDisk = FolderDiff(files: [file("a.md")], indexed: [], mayHide: { _ in false })
        #expect(onlyDisk.toRead.map(\.path) == ["a.md"] && onlyDisk.previous.isEmpty)
        let onlyIndex = FolderDiff(files: [], indexed: [(path: "a.md", stamp: stamp())], mayHide: { _ in false })
        #expect(onlyIndex.gone == ["a.md"])
    }

    @Test(arguments: [("a", "b", true), ("b", "a", false), ("a", "ab", true), ("ab", "a", false), ("Z", "a", true), ("a", "가", true), ("", "", false)])
    func byteOrderIsSQLitesBinaryOrder(a: String, b: String, precedes: Bool) {
        #expect(NotesFolder.bytesPrecede(a, b) == precedes)
    }
}
