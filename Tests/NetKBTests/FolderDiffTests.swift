import Testing
import NetKBCore
import NetKBStore
@testable import NetKB

/// The disk-versus-index diff: one merge of two lists in path byte order.
@Suite("FolderDiff")
struct FolderDiffTests {
    func file(_ path: String, changeStamp: Int64 = 1, size: Int64 = 1) -> NoteFile {
        NoteFile(path: path, absolutePath: Array(path.utf8), changeStamp: changeStamp, size: size)
    }

    func stamp(_ changeStamp: Int64 = 1, _ size: Int64 = 1) -> FileStamp {
        FileStamp(changeStamp: changeStamp, size: size, contentHash: 7)
    }

    @Test func newChangedUnchangedAndGoneNotesAreTold() {
        // Byte order: "B.md" < "a.md" < "가.md"; the index lists the same order as SQLite would.
        let files = [file("B.md"), file("a.md", changeStamp: 2), file("c.md"), file("가.md")]
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
        #expect(ByteOrder.precedes(a, b) == precedes)
    }

    @Test func onlyTheNotesToReadAreMadeIntoFiles() {
        var notes = NoteList()
        notes.folders = [Array("/notes".utf8), Array("/notes/sub/".utf8)]
        for (prefix, name, folder, spelling) in [("", "a.md", 0, nil), ("sub/", "b.md", 1, nil), ("sub/", "소켓.md", 1, Array("소켓.md".decomposedStringWithCanonicalMapping.utf8))] as [(String, String, Int, [UInt8]?)] {
            Array(prefix.utf8).withUnsafeBufferPointer { prefix in
                Array(name.utf8).withUnsafeBufferPointer { name in
                    notes.append(prefix: prefix, name: name, folder: folder, spelling: spelling, changeStamp: 5, size: 6)
                }
            }
        }
        var indexed = IndexedFileList()
        indexed.append(path: Array("a.md".utf8), stamp: stamp(5, 6))
        indexed.append(path: Array("sub/b.md".utf8), stamp: stamp(4, 6))
        let diff = FolderDiff(notes: notes, indexed: indexed, mayHide: { _ in false })
        #expect(diff.unchanged == 1)
        #expect(diff.toRead == [
            NoteFile(path: "sub/b.md", absolutePath: Array("/notes/sub/b.md".utf8), changeStamp: 5, size: 6),
            NoteFile(path: "sub/소켓.md", absolutePath: Array("/notes/sub/".utf8) + spellingBytes("소켓.md".decomposedStringWithCanonicalMapping), changeStamp: 5, size: 6),
        ])
        #expect(diff.previous == ["sub/b.md": stamp(4, 6)])
    }

    func spellingBytes(_ name: String) -> [UInt8] { Array(name.utf8) }
}

extension FolderDiff {
    /// The diff of plain lists, each in byte order of its paths.
    init(files: [NoteFile], indexed: [(path: String, stamp: FileStamp)], mayHide: (String) -> Bool) {
        var notes = NoteList()
        for file in files {
            let path = Array(file.path.utf8)
            // No folder: the absolute path is the spelling itself.
            notes.folders.append([])
            notes.spellings.append(file.absolutePath)
            notes.pathBytes += path
            notes.entries.append(NoteList.Entry(
                pathStart: notes.pathBytes.count - path.count, nameStart: notes.pathBytes.count - path.count, pathEnd: notes.pathBytes.count,
                changeStamp: file.changeStamp, size: file.size, folder: Int32(notes.folders.count - 1), spelling: Int32(notes.spellings.count - 1)))
        }
        var list = IndexedFileList()
        for (path, stamp) in indexed { list.append(path: Array(path.utf8), stamp: stamp) }
        self.init(notes: notes, indexed: list, mayHide: mayHide)
    }
}
