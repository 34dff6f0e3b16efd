import Foundation
import GRDB
import Testing
import NetKBMarkdown
@testable import NetKB
@testable import NetKBStore

/// The index keeps what resolving needs of every note packed and reads it back from its rows; a
/// refresh reads the headings of the notes its links can reach only. Either way, every verdict
/// is the one a catalog of every parsed note, held whole, gives: `Tests/Fixtures/links/verdicts`
/// has heading, block, alias and same-note links, broken ones with "did you mean" suggestions,
/// and 250 more notes are written beside it.
@Suite("Link verdicts of a full build")
struct FullBuildVerdictTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/links/verdicts")
    let root: URL
    var notes: URL { root.appendingPathComponent("notes") }
    var workspace: Workspace { Workspace(notesPath: notes.path, indexPath: root.appendingPathComponent("index/netkb.sqlite").path) }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-verdicts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixture, to: notes)
        // More notes than links to resolve in a refresh, so that it reads only the headings of
        // the notes those links can reach.
        let filler = notes.appendingPathComponent("filler")
        try FileManager.default.createDirectory(at: filler, withIntermediateDirectories: true)
        for number in 0..<250 {
            let next = (number + 1) % 250
            try Data("""
                # 노트 \(number)

                ## 절 \(number)

                [[노트 \(next)#절 \(next)]] [다음](노트%20\(next).md#절-\(next)) [[TCP#종료]] [[노트 \(next)#절 \(number)]]

                """.utf8).write(to: filler.appendingPathComponent("노트 \(number).md"))
        }
    }

    func refresh(rebuild: Bool = false) throws -> NoteStore {
        try workspace.open(.update(rebuild: rebuild)).store
    }

    /// Every link's verdict as a catalog of every parsed note gives it, in `row` form, sorted.
    func expected() throws -> [String] {
        let scan = try NotesFolder(root: notes.path).scan()
        let parser = MarkdownParser()
        let parsed = try scan.files.map { file in
            parser.parse([UInt8](try Data(contentsOf: notes.appendingPathComponent(file.path))), path: file.path).note
        }
        let resolver = LinkResolver(catalog: NoteCatalog(notes: parsed.map { LinkedNote($0).catalogEntry }, otherFiles: scan.otherFiles))
        return parsed.flatMap { note in
            note.links.map { link in
                let verdict: [String?]
                switch resolver.resolve(link, from: note.path) {
                case .external: verdict = ["external", nil, nil, nil, nil, nil]
                case .resolved(let resolved): verdict = ["ok", nil, nil, nil, resolved.path, resolved.sectionIndex.map(String.init)]
                case .broken(let broken): verdict = ["broken", broken.kind.rawValue, broken.reason, broken.suggestion, nil, nil]
                }
                return Self.row([note.path, "\(link.location.line)", "\(link.location.column)", link.kind.rawValue, link.target] + verdict)
            }
        }.sorted()
    }

    /// Every link's verdict as the index holds it, in `row` form, sorted.
    func stored(_ store: NoteStore) throws -> [String] {
        try store.reading { db in
            try Row.fetchAll(db, sql: """
                SELECT n.path, CAST(l.line AS TEXT), CAST(l.col AS TEXT), l.kind, l.target, l.status, l.broken_kind, l.reason,
                       l.suggestion, l.target_path, CAST(l.target_section AS TEXT)
                FROM links l JOIN notes n ON n.id = l.note_id
                """).map { row in Self.row((0..<row.count).map { row[$0] as String? }) }
        }.sorted()
    }

    static func row(_ fields: [String?]) -> String {
        fields.map { $0 ?? "∅" }.joined(separator: " | ")
    }

    @Test func aFullBuildGivesTheVerdictsOfTheWholeCatalog() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let expected = try expected()
        // The fixture has what it claims.
        #expect(expected.count > 1_000)
        #expect(expected.filter { $0.hasPrefix("net/") && $0.contains(" | ok | ") && !$0.hasSuffix(" | ∅") }.count >= 15)
        #expect(expected.filter { $0.contains(" | broken | anchor | ") && !$0.contains(" | ∅ | ∅ | ∅") }.count >= 10)
        #expect(expected.filter { $0.contains(" | broken | wiki | ") && !$0.contains(" | ∅ | ∅ | ∅") }.count >= 3)
        #expect(expected.filter { $0.contains(" | broken | file | ") && !$0.contains(" | ∅ | ∅ | ∅") }.count >= 4)
        #expect(expected.contains { $0.contains("| [[Transmision Control Protocol]] |") || $0.contains("| Transmision Control Protocol |") })
        #expect(try stored(refresh(rebuild: true)) == expected)
    }

    @Test func aRefreshGivesTheVerdictsOfTheWholeCatalog() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try refresh(rebuild: true)
        // A heading renamed, a block id gone, an alias added, a note added: the links that look
        // them up are resolved again, against the headings of the notes they can reach.
        let tcp = notes.appendingPathComponent("net/TCP.md")
        var text = try String(contentsOf: tcp, encoding: .utf8)
        text = text.replacingOccurrences(of: "## 종료", with: "## 연결 종료").replacingOccurrences(of: " ^last-step", with: "")
        text = text.replacingOccurrences(of: "aliases: [전송 제어", with: "aliases: [TPC, 전송 제어")
        try Data(text.utf8).write(to: tcp)
        try Data("# 새 노트\n\n[[TCP#연결 종료]] [[TCP#종료]] [[TPC#^handshake]]\n".utf8).write(to: notes.appendingPathComponent("new.md"))
        #expect(try stored(refresh()) == expected())
    }

    @Test func theHeadingsOfTheNotesLinksCanReachAreEnough() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let store = try refresh(rebuild: true)
        try store.update { transaction in
            let ids = try Int64.fetchAll(transaction.db, sql: """
                SELECT l.id FROM links l JOIN notes n ON n.id = l.note_id WHERE n.path NOT LIKE 'filler/%'
                """)
            let detailed = try #require(try transaction.relevantNotes(forLinks: ids))
            #expect(detailed.count < 20)
            let whole = LinkResolver(catalog: try transaction.catalog())
            let reduced = LinkResolver(catalog: try transaction.catalog(detailFor: detailed))
            for link in try transaction.linksToResolve(ids) {
                #expect(reduced.resolve(link.link, from: link.path) == whole.resolve(link.link, from: link.path), "\(link.path): \(link.target)")
            }
        }
    }
}
