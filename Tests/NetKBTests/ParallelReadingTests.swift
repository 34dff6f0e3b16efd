import Foundation
import GRDB
import NetKBTestSupport
import Testing
@testable import NetKB
@testable import NetKBStore

/// Notes read and parsed on several threads at once: results come out in the files' order, and
/// the index is the one a single reader builds, byte for byte in every table. cmark-gfm keeps the
/// special characters of its inline extensions in one table for the whole process, so the notes
/// are full of what those extensions parse (autolinks, e-mail addresses, strikethrough, tables).
@Suite("Reading notes on several threads")
struct ParallelReadingTests {
    let root: URL
    var notes: URL { root.appendingPathComponent("notes") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
    }

    /// 160 notes in 8 folders, drawn from a seeded generator.
    func writeNotes() throws {
        var random = SeededGenerator(state: 0x6E65_746B_62)
        let pieces = [
            "www.example.com/socket 을 보라", "https://example.org/tcp_ip?q=1 참고", "메일 admin@example.net 로",
            "~~지운 줄~~ 남은 줄", "| 계층 | 예 |\n| --- | --- |\n| 전송 | [TCP](https://tcp.example/) ~~UDP~~ www.udp.example |",
            "[[TCP#3-way handshake]] 와 [[없는 노트]]", "[소켓](소켓.md#소켓은) `code www.not.link`",
            "혼잡 제어와 흐름제어는 TCP의 기능", "라우터는 3계층 장비, 스위치는 2계층", "- [x] 할 일 https://todo.example/a",
        ]
        for number in 0..<160 {
            let folder = notes.appendingPathComponent("폴더 \(number % 8)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var text = "# 노트 \(number)\n\n"
            for section in 0..<Int.random(in: 1...4, using: &random) {
                text += "## 절 \(section)\n\n"
                for _ in 0..<Int.random(in: 1...6, using: &random) {
                    text += pieces.randomElement(using: &random)! + "\n\n"
                }
            }
            // Some notes far longer than others, so that threads finish out of order.
            if number % 17 == 0 { text += String(repeating: "소켓 통신 www.long.example 패킷\n\n", count: 400) }
            try Data(text.utf8).write(to: folder.appendingPathComponent("노트 \(number).md"))
        }
    }

    /// Every row of every table of the index at `path`, as text, table by table.
    func rows(ofIndexAt path: String) throws -> [String: [String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            var tables: [String: [String]] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'") {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier)").map(\.description)
            }
            return tables
        }
    }

    @Test func anyNumberOfReaderThreadsBuildsTheSameIndex() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeNotes()
        var built: [[String: [String]]] = []
        for threads in [1, 2, 6] {
            let path = root.appendingPathComponent("index-\(threads).sqlite").path
            let workspace = Workspace(notesPath: notes.path, indexPath: path, readerThreads: threads)
            let report = try #require(try workspace.open(.update(rebuild: true)).report)
            #expect(report.added == 160)
            built.append(try rows(ofIndexAt: path))
            // A full build makes its indexes again around link resolution: all of them are
            // there, as an empty index has them, and the full-text index is one segment.
            let shape = try DatabaseQueue(path: path).read { db in
                (try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"),
                 try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM sections_fts_idx"))
            }
            let empty = try NoteStore.inMemory().reading { db in
                try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            }
            #expect(shape.0 == empty && shape.0.contains { $0.contains("links_by_target") })
            #expect(shape.1 == 1)
        }
        let single = built[0]
        #expect(single["notes"]?.count == 160)
        #expect((single["note_references"]?.count ?? 0) > 100)
        for other in built.dropFirst() {
            #expect(Set(other.keys) == Set(single.keys))
            for (table, rows) in single.sorted(by: { $0.key < $1.key }) {
                let differing = zip(rows, other[table] ?? []).first { $0 != $1 }
                #expect(rows.count == other[table]?.count && differing == nil, "table \(table): \(String(describing: differing))")
            }
        }
    }

    @Test func resultsComeInTheFilesOrderWhateverEachOneIs() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [NoteFile] = []
        for number in 0..<100 {
            let path = "n\(number).md"
            let url = notes.appendingPathComponent(path)
            switch number % 10 {
            case 3: break   // never written: it vanished
            case 7: #expect(mkfifo(url.path, 0o644) == 0)   // not a regular file
            default: try Data("# N\(number)\n\n\(String(repeating: "소켓 ", count: (number % 4) * 5000))".utf8).write(to: url)
            }
            files.append(NoteFile(path: path, absolutePath: Array(url.path.utf8), changeStamp: 0, size: 0))
        }
        let reader = NoteReader(files: files, indexed: [:], threads: 8)
        reader.start()
        var seen: [String] = []
        while let outcome = reader.next() {
            switch outcome {
            case .parsed(let file, let parsed, _, _, _, _):
                #expect(parsed.note.title == "N\(file.path.dropFirst().dropLast(3))")
                seen.append("parsed " + file.path)
            case .vanished(let file): seen.append("vanished " + file.path)
            case .unreadable(let file, _): seen.append("unreadable " + file.path)
            case .sameContent(let file, _): seen.append("same " + file.path)
            }
            if seen.count % 9 == 0 { usleep(2000) }   // a slow writer: the readers wait for it
        }
        let expected = (0..<100).map { number in
            (number % 10 == 3 ? "vanished " : number % 10 == 7 ? "unreadable " : "parsed ") + "n\(number).md"
        }
        #expect(seen == expected)
        #expect(reader.next() == nil)
    }

    /// The writer reads files itself while the readers are behind: with no reader thread
    /// started at all, it reads every one, in order.
    @Test(.timeLimit(.minutes(1))) func theCallerReadsWhatNoReaderHasTaken() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        let files = try (0..<50).map { number in
            let url = notes.appendingPathComponent("n\(number).md")
            try Data("# N\(number)\n\n소켓 \(number)\n".utf8).write(to: url)
            return NoteFile(path: "n\(number).md", absolutePath: Array(url.path.utf8), changeStamp: 0, size: 0)
        }
        let reader = NoteReader(files: files, indexed: [:], threads: 4)
        var titles: [String] = []
        while let outcome = reader.next() {
            guard case .parsed(_, let parsed, _, _, _, _) = outcome else { Issue.record("\(outcome)"); continue }
            titles.append(parsed.note.title)
        }
        #expect(titles == (0..<50).map { "N\($0)" })
    }
}
