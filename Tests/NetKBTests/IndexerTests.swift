import Foundation
import GRDB
import NetKBMarkdown
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

    @Test func rebuildingRatherThanChangingIsChosenForAQuarterOfTheNotes() {
        #expect(!Indexer.rebuildsRather(changed: 255, of: 300))
        #expect(Indexer.rebuildsRather(changed: 256, of: 1_024) && !Indexer.rebuildsRather(changed: 256, of: 1_025))
        #expect(Indexer.rebuildsRather(changed: 2_500, of: 10_000) && !Indexer.rebuildsRather(changed: 2_499, of: 10_000))
    }

    /// 400 notes, each with a word of its own (`w7x`), and one that cannot be read when asked to.
    func writeManyNotes(edit: String) throws {
        for n in 0..<400 { try write("d\(n / 100)/n\(n).md", "# N\(n)\n\nw\(n)x \(edit)\n") }
    }

    @Test func manyChangedNotesAreWrittenAsANewFileWithTheSameAnswers() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        try writeManyNotes(edit: "first")
        _ = try refresh()
        // A hundred notes changed: changes.
        for n in 0..<100 { try write("d0/n\(n).md", "# N\(n)\n\nw\(n)x second\n") }
        let (_, few) = try refresh()
        #expect(few.rebuiltBecause == nil && few.updated == 100)
        // All changed in size, one gone: a new file, said so, with every note in it, and the
        // report says what changed, not that every note was added.
        try writeManyNotes(edit: "thirdly")
        try FileManager.default.removeItem(at: notes.appendingPathComponent("d3/n399.md"))
        let (store, many) = try refresh()
        #expect(many.rebuiltBecause == "400 of its 400 notes changed: a new file is written faster than that many changes", "\(many)")
        #expect(many.added == 0 && many.updated == 399 && many.removed == 1 && many.unchanged == 0, "\(many)")
        #expect(try headings(store, "thirdly").count == 20 && headings(store, "second").isEmpty)
        #expect(try headings(store, "w398x") == ["N398"] && headings(store, "w399x").isEmpty)
        // New times alone (`touch`, `chmod -R`) are not counted as changes: the notes are read
        // again and found the same, and no new file is written.
        let later = Date().addingTimeInterval(60)
        for n in 0..<399 {
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: notes.appendingPathComponent("d\(n / 100)/n\(n).md").path)
        }
        let (_, touched) = try refresh()
        #expect(touched.rebuiltBecause == nil && touched.unchanged == 399 && touched.updated == 0, "\(touched)")
        // Some notes added, some edited, some touched: each counted as what it is.
        for n in 0..<200 { try write("d0/new\(n).md", "# New\(n)\n\nfresh\n") }
        for n in 0..<100 { try write("d1/n\(n + 100).md", "# N\(n + 100)\n\nw\(n + 100)x edited again\n") }
        for n in 200..<250 {
            try FileManager.default.setAttributes([.modificationDate: later.addingTimeInterval(60)], ofItemAtPath: notes.appendingPathComponent("d2/n\(n).md").path)
        }
        let (_, mixed) = try refresh()
        #expect(mixed.rebuiltBecause != nil, "\(mixed)")
        #expect(mixed.added == 200 && mixed.updated == 100 && mixed.unchanged == 299 && mixed.removed == 0, "\(mixed)")
    }
}

/// A refresh that reads notes tags them with the taxonomy the index keeps, not by reading and
/// checking the taxonomy's files again.
@Suite("Indexer and the stored taxonomy")
struct StoredTaxonomyTests {
    /// A user's concept that the shipped taxonomy does not have.
    static let widgetProtocol = """
        concepts:
          - id: widget-protocol
            name: Widget protocol
            abbreviations: [WGP]
            osi: [7]
            kind: protocol
        """

    @Test func anEditedNoteIsTaggedWithTheStoredTaxonomyUserConceptsIncluded() throws {
        let test = try IndexerTests()
        defer { try? FileManager.default.removeItem(at: test.root) }
        try test.write(".netkb/concepts.yml", Self.widgetProtocol)
        try test.write("a.md", "# 소개\n\n아직 아무것도 없다.\n")
        let (first, _) = try test.refresh()
        let source = try test.workspace.taxonomySource()
        let stored = try #require(try first.storedTaxonomy())
        #expect(stored == (try source.taxonomy()))
        #expect(stored.concept(id: "widget-protocol") != nil)
        try test.write("a.md", "# 소개\n\nWGP 위에서 TCP 3-way handshake를 한다.\n")
        let (store, report) = try test.refresh()
        #expect(report.updated == 1 && report.retagged == 0)
        let hit = try #require(try store.search(SearchQuery(parsing: "WGP"), filter: SearchFilter()).first)
        #expect(hit.concepts.contains("widget-protocol"))
        #expect(hit.concepts.contains("tcp"))
        #expect(hit.concepts.contains("three-way-handshake"))
    }

    /// The copy the index keeps is what tags a refresh: a concept only it has (the files do
    /// not) is found in the edited note.
    @Test func theIndexsCopyIsWhatTagsARefresh() throws {
        let test = try IndexerTests()
        defer { try? FileManager.default.removeItem(at: test.root) }
        try test.write("a.md", "# 소개\n\n아직 아무것도 없다.\n")
        _ = try test.refresh()
        let onlyInTheIndex = try ShippedTaxonomy.taxonomy(user: TaxonomyReader.read(Self.widgetProtocol, file: ".netkb/concepts.yml"))
        let queue = try DatabaseQueue(path: test.workspace.indexPath)
        try queue.write { db in
            try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'taxonomy-text'", arguments: [onlyInTheIndex.canonicalText])
            try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'taxonomy'", arguments: [onlyInTheIndex.fingerprint])
        }
        try queue.close()
        try test.write("a.md", "# 소개\n\nWGP 위에서 TCP를 쓴다.\n")
        _ = try test.refresh()
        // The section's own list (search shows only the concepts the index's table names).
        let lists = try DatabaseQueue(path: test.workspace.indexPath).read { db in
            try String.fetchAll(db, sql: "SELECT concepts FROM sections WHERE concepts != ''")
        }
        #expect(lists.count == 1)
        #expect(Set(lists.joined(separator: "\n").split(separator: "\n")) == ["widget-protocol", "tcp"])
    }

    @Test func anIndexWithoutItsTaxonomyGetsItStoredAndTagsAlike() throws {
        let test = try IndexerTests()
        defer { try? FileManager.default.removeItem(at: test.root) }
        try test.write("a.md", "# 소개\n\n라우터와 스위치\n")
        _ = try test.refresh()
        // As an index written before netkb kept its taxonomy.
        let queue = try DatabaseQueue(path: test.workspace.indexPath)
        try queue.write { try $0.execute(sql: "DELETE FROM settings WHERE key = 'taxonomy-text'") }
        try queue.close()
        let (before, _) = try test.refresh()
        #expect(try before.storedTaxonomy() == nil, "nothing read, nothing stored")
        try test.write("a.md", "# 소개\n\n라우터와 스위치, 그리고 TCP\n")
        let (store, report) = try test.refresh()
        #expect(report.retagged == 0)
        #expect(try store.storedTaxonomy()?.fingerprint == (try store.taxonomyFingerprint()))
        let hit = try #require(try store.search(SearchQuery(parsing: "라우터"), filter: SearchFilter()).first)
        #expect(hit.concepts.contains("router") && hit.concepts.contains("tcp"))
    }
}

/// A refresh counts again only the concepts whose entries it changed; the counts must be those
/// a full build gives.
@Suite("Indexer and concept counts")
struct ConceptCountTests {
    func counts(_ store: NoteStore) throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try store.concepts().map { ($0.concept.id, $0.sectionCount) })
    }

    @Test func countsAfterEditsAndRemovalsAreThoseOfAFullBuild() throws {
        let test = try IndexerTests()
        defer { try? FileManager.default.removeItem(at: test.root) }
        try test.write("a.md", "# TCP\n\nTCP 3-way handshake\n\n## UDP\n\nUDP와 TCP\n")
        try test.write("b.md", "# 라우터\n\n라우터와 스위치, ARP\n")
        try test.write("c.md", "# DNS\n\nDNS 서버와 UDP\n")
        _ = try test.refresh()
        try test.write("a.md", "# TCP\n\nTCP 혼잡 제어\n")
        try FileManager.default.removeItem(at: test.notes.appendingPathComponent("c.md"))
        try test.write("d.md", "# 새 노트\n\n스위치와 VLAN, DNS\n")
        let (store, report) = try test.refresh()
        #expect(report.updated == 1 && report.removed == 1 && report.added == 1)
        let refreshed = try counts(store)
        let (rebuilt, _) = try (test.workspace.open(.update(rebuild: true)).store, ())
        let expected = try counts(rebuilt)
        #expect(refreshed == expected)
        #expect(refreshed["tcp"] == 1 && refreshed["udp"] == 0 && refreshed["switch"] == 2 && refreshed["dns"] == 1)
    }
}
