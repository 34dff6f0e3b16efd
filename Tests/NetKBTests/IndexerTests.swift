import Foundation
import Testing
@testable import NetKB

/// The indexer and the notes folder on real files and a real SQLite file.
@Suite("Indexer")
struct IndexerTests {
    let root: URL
    var notes: URL { root.appendingPathComponent("notes") }
    var workspace: Workspace { Workspace(notesPath: notes.path, indexPath: root.appendingPathComponent("index/netkb.sqlite").path) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-indexer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        let url = notes.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Brings the index up to date, as `netkb index` does.
    func refresh(progress: ((IndexProgress) -> Void)? = nil) throws -> (NoteStore, IndexReport) {
        let opened = try workspace.open(.update(rebuild: false), progress: progress)
        return (opened.store, opened.report!)
    }

    func headings(_ store: NoteStore, _ text: String) throws -> [String] {
        try store.search(SearchQuery(parsing: text), filter: SearchFilter()).map(\.heading)
    }

    @Test func aFileThatVanishesDuringTheRunIsReportedAndRemoved() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try write("stays.md", "# Stays\n\n소켓\n")
        try write("goes.md", "# Goes\n\n소켓\n")
        _ = try refresh()
        try write("goes.md", "# Goes\n\n소켓 바뀜\n")
        try write("stays.md", "# Stays\n\n소켓 바뀜\n")
        // Between the scan and the reading of files, the changed note disappears.
        let (store, report) = try refresh { progress in
            if case .scanned = progress {
                try? FileManager.default.removeItem(at: notes.appendingPathComponent("goes.md"))
            }
        }
        #expect(report.warnings.map(\.description) == ["goes.md: warning: vanished during the run"])
        #expect(report.removed == 1 && report.updated == 1)
        #expect(try headings(store, "바뀜") == ["Stays"])
    }

    @Test func nfdFileNamesAreStoredAsNFC() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let nfdName = "네트워크.md".decomposedStringWithCanonicalMapping
        try write(nfdName, "# 제목\n\n라우터\n")
        let (store, _) = try refresh()
        let hits = try store.search(SearchQuery(parsing: "라우터"), filter: SearchFilter())
        #expect(hits.map { Array($0.path.unicodeScalars) } == [Array("네트워크.md".unicodeScalars)])
    }

    @Test func progressCountsEveryNoteRead() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        for n in 0..<50 { try write("n\(n).md", "# N\(n)\n\n본문 \(n)\n") }
        var reads = 0
        var scanned = (0, 0)
        _ = try refresh { progress in
            switch progress {
            case .scanned(let total, let toRead): scanned = (total, toRead)
            case .read: reads += 1
            }
        }
        #expect(scanned == (50, 50))
        #expect(reads == 50)
    }
}
