import Foundation
import Testing
import NetKBCore
import NetKBTestSupport
@testable import NetKBStore

/// Links are resolved where a change can matter, never all of them on every run.
@Suite("Link resolution in the store")
struct LinkResolutionStoreTests {
    func note(_ path: String, headings: [String] = ["Top"], links: [String]) -> Note {
        let sections = headings.enumerated().map { index, heading in
            Section(headingPath: [heading], level: 1, startLine: index * 10 + 1, endLine: index * 10 + 9, text: heading)
        }
        return Note(
            path: path, title: String(path.dropLast(3)), sections: sections,
            links: links.enumerated().map { Link(target: $1, text: $1, kind: .wiki, location: SourceLocation(line: 2, column: $0 + 1), sectionIndex: 0) })
    }

    func save(_ store: NoteStore, _ notes: [Note], repository: RepositoryURL? = nil) throws -> Int {
        try store.update { transaction in
            var keys = Set<String>()
            for note in notes { keys.formUnion(try transaction.save(note, stamp: stamp)) }
            return try transaction.resolveLinks(affectedKeys: keys, repository: repository)
        }
    }

    @Test func onlyTheLinksAChangeCanAffectAreResolvedAgain() throws {
        let store = try NoteStore.inMemory()
        var notes = (0..<50).map { note("n\($0).md", links: ["n\(($0 + 1) % 50)", "n\(($0 + 2) % 50)#Top"]) }
        notes.append(note("lonely.md", links: ["missing"]))
        #expect(try save(store, notes) == 101)
        // The same note again, same headings: its links keep their verdicts, nothing is resolved;
        // a link added to it is the only one resolved.
        #expect(try save(store, [note("n3.md", links: ["n4", "n5#Top"])]) == 0)
        #expect(try save(store, [note("n3.md", links: ["n4", "n5#Top", "n6"])]) == 1)
        // n7's heading changes: its own links, the links that look up "n7" (from n5 and n6), and the broken one.
        #expect(try save(store, [note("n7.md", headings: ["Renamed"], links: ["n8", "n9#Top"])]) == 2 + 2 + 1)
        let broken = try store.brokenLinks()
        #expect(broken.broken.map(\.target).sorted() == ["missing", "n7#Top"])
        // A note named "missing" appears and mends the broken link.
        _ = try save(store, [note("missing.md", links: [])])
        #expect(try store.brokenLinks().broken.map(\.target) == ["n7#Top"])
    }

    @Test func notePathsAreLookedUpExactly() throws {
        let store = try NoteStore.inMemory()
        _ = try save(store, [note("net/TCP.md", links: []), note("C#.md", links: []), note("한글.md", links: [])])
        #expect(try store.notePaths(among: []) == [])
        #expect(try store.notePaths(among: ["net/TCP.md", "net/TCP", "TCP.md", "net/tcp.md", "C#.md", "C#"]) == ["net/TCP.md", "C#.md"])
        // Paths are stored NFC: a decomposed spelling is not a path of the index.
        #expect(try store.notePaths(among: ["\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}.md", "한글.md"]).map { Array($0.unicodeScalars) } == [Array("한글.md".unicodeScalars)])
    }

    @Test func theNameCatalogHoldsEveryNotesNamesButNoHeadings() throws {
        let store = try NoteStore.inMemory()
        _ = try save(store, [note("net/TCP.md", headings: ["연결", "해제"], links: []), note("UDP.md", links: [])])
        let names = try store.nameCatalog()
        let full = try store.catalog()
        #expect(names.note(at: "net/TCP.md")?.title == "net/TCP" && names.note(at: "UDP.md") != nil)
        #expect(names.note(at: "net/TCP.md")?.headings.isEmpty == true)
        #expect(full.note(at: "net/TCP.md")?.headings.map(\.text) == ["연결", "해제"])
        // The notes that answer to one key, with their aliases: only those.
        var aliased = note("net/소켓.md", links: [])
        aliased.frontMatter.aliases = ["Socket", "TCP"]
        _ = try save(store, [aliased])
        let tcp = try store.nameCatalog(forKey: "tcp")
        #expect(tcp.notes.map(\.path).sorted() == ["net/TCP.md", "net/소켓.md"])
        #expect(tcp.note(at: "net/소켓.md")?.aliases == ["Socket", "TCP"])
        #expect(try store.nameCatalog(forKey: "nothing").notes.isEmpty)
        // A name resolves through each as through the whole catalog.
        for catalog in [names, full, try store.nameCatalog(forKey: "tcp")] {
            #expect(LinkResolver(catalog: catalog).resolve(LinkTarget(wiki: "TCP"), from: "").resolved?.path == "net/TCP.md")
        }
    }

    /// Seeded vaults whose file names, titles and aliases collide: a name leads to the same
    /// note, or to none, among the notes that answer to its key as among all the notes' names.
    @Test func aNameResolvesAmongItsKeysNotesAsAmongAll() throws {
        let pool = ["TCP", "tcp", "소켓", "Socket", "UDP", "개요", "index"]
        let folders = ["", "net/", "net/deep/", "os/"]
        for seed in UInt64(1)...25 {
            var random = SeededGenerator(state: seed)
            let store = try NoteStore.inMemory()
            var notes: [Note] = []
            var paths = Set<String>()
            for _ in 0..<14 {
                let path = folders.randomElement(using: &random)! + pool.randomElement(using: &random)! + ".md"
                guard paths.insert(path).inserted else { continue }
                var made = note(path, links: [])
                made.title = Bool.random(using: &random) ? pool.randomElement(using: &random)! : String(path.dropLast(3))
                made.frontMatter.aliases = (0..<Int.random(in: 0...2, using: &random)).map { _ in pool.randomElement(using: &random)! }
                notes.append(made)
            }
            _ = try save(store, notes)
            let all = LinkResolver(catalog: try store.nameCatalog())
            let names = pool + folders.flatMap { folder in pool.map { folder + $0 } } + ["없음", "net/없음"]
            for name in names {
                let target = LinkTarget(wiki: name)
                let among = LinkResolver(catalog: try store.nameCatalog(forKey: LinkLookupKey.of(target)))
                // Both ways: these vaults hold no files besides notes.
                #expect(among.resolve(target, from: "").resolved?.path == all.resolve(target, from: "").resolved?.path, "seed \(seed), \(name)")
            }
        }
    }

    @Test func anotherRepositoryResolvesEveryLinkAgain() throws {
        let store = try NoteStore.inMemory()
        #expect(try save(store, [note("a.md", links: ["b"]), note("b.md", links: ["a"])]) == 2)
        #expect(try save(store, [], repository: RepositoryURL("https://github.com/me/notes")) == 2)
        #expect(try save(store, [], repository: RepositoryURL("https://github.com/me/notes")) == 0)
    }

    /// A full build resolves the first links while its indexes are built and the rest after,
    /// a chunk at a time: the verdicts are those of resolving them all at once.
    @Test func linksPastTheOverlapGetTheSameVerdicts() throws {
        let notes = (0..<40).map { note("n\($0).md", links: ["n\(($0 + 1) % 40)", "n\(($0 + 3) % 45)#Top", "n\($0)#Nowhere"]) }
        func verdicts(overlapping limit: Int?) throws -> [String] {
            let store = try NoteStore.inMemory()
            var ranMeanwhile = false
            let resolved = try store.update { transaction in
                for note in notes { _ = try transaction.save(note, stamp: stamp) }
                if let limit {
                    return try transaction.resolveLinks(affectedKeys: [], repository: nil, meanwhile: { ranMeanwhile = true }, overlapping: limit)
                }
                return try transaction.resolveLinks(affectedKeys: [], repository: nil)
            }
            #expect(resolved == 120)
            #expect(ranMeanwhile == (limit != nil))
            return try store.reading { db in
                try String.fetchAll(db, sql: "SELECT target || ' ' || status || ' ' || ifnull(broken_kind, '') || ' ' || ifnull(target_path, '') FROM links ORDER BY id")
            }
        }
        let whole = try verdicts(overlapping: nil)
        #expect(whole.filter { $0.contains(" broken ") }.count == 40 + 3)
        for limit in [1, 7, 119, 120, 500] { #expect(try verdicts(overlapping: limit) == whole, "overlapping \(limit)") }
    }
}
