import Testing
@testable import NetKBCore

/// The catalog keeps its lookup tables as hashes and positions rather than strings, and each
/// note's headings packed: what it answers is what tables of strings, built as they were before,
/// answer.
@Suite("Compact catalog")
struct CompactCatalogTests {
    static let notes: [CatalogNote] = [
        CatalogNote(path: "net/TCP.md", title: "TCP", aliases: ["전송 제어", "Transmission Control Protocol", "TCP"]),
        CatalogNote(path: "net/tcp.md", title: "tcp (소문자)", aliases: ["전송 제어"]),
        CatalogNote(path: "os/TCP.md", title: "TCP", aliases: ["transmission control protocol", "", "Transmission Control Protocol"]),
        CatalogNote(path: "os/소켓.md".decomposedStringWithCanonicalMapping, title: "소켓", aliases: ["Socket", "socket", "SOCKET"]),
        CatalogNote(path: "Socket.md", title: "", aliases: ["소켓".decomposedStringWithCanonicalMapping]),
        CatalogNote(path: "a/b/c/Deep Note.md", title: "Deep", aliases: ["공유"]),
        CatalogNote(path: "x/Deep Note.md", title: "deep", aliases: ["공유"]),
        CatalogNote(path: "README.md", title: "Readme"),
    ]
    static let otherFiles = ["img/TCP.png", "img/tcp.png", "net/TCP.png", "docs/소켓.pdf".decomposedStringWithCanonicalMapping, "net/TCP.md"]

    /// The keys looked up: every key the tables hold, in other cases and normalisations, and misses.
    static var keys: [String] {
        var keys: [String] = ["", "nothing", "tcp", "tcp.md", "socket", "소켓", "deep note.md", "net/tcp.md", "net/tcp.png"]
        for note in notes {
            keys += [note.path, NotePath.fileName(of: note.path).description, note.title] + note.aliases
        }
        keys += otherFiles + otherFiles.map { NotePath.fileName(of: $0).description }
        return keys.flatMap { [$0, $0.lowercased(), $0.uppercased(), $0.decomposedStringWithCanonicalMapping.lowercased()] }
    }

    @Test func lookupsAnswerAsTablesOfStringsDo() {
        let catalog = NoteCatalog(notes: Self.notes, otherFiles: Self.otherFiles)
        var byPath: [String: [String]] = [:]
        var byName: [String: [String]] = [:]
        for path in catalog.files {
            byPath[path.fastLowercased(), default: []].append(path)
            byName[NotePath.fileName(of: path).fastLowercased(), default: []].append(path)
        }
        var byAlias: [String: [Int]] = [:]
        var byTitle: [String: [Int]] = [:]
        for (index, note) in catalog.notes.enumerated() {
            for alias in Set(note.aliases.map { $0.fastLowercased() }) where !alias.isEmpty {
                byAlias[alias, default: []].append(index)
            }
            if !note.title.isEmpty { byTitle[note.title.fastLowercased(), default: []].append(index) }
        }
        var found = 0
        for key in Self.keys {
            #expect(catalog.firstFile(withLowercasedPath: key) == byPath[key]?.sorted().first, "\(key)")
            #expect(catalog.files(withLowercasedName: key) == byName[key]?.sorted(), "\(key)")
            #expect(catalog.notes(withLowercasedAlias: key) == byAlias[key], "\(key)")
            #expect(catalog.notes(withLowercasedTitle: key) == byTitle[key], "\(key)")
            if byName[key] != nil || byAlias[key] != nil { found += 1 }
        }
        #expect(found > 20)
        #expect(catalog.files(withLowercasedName: "tcp.md") == ["net/TCP.md", "net/tcp.md", "os/TCP.md"])
        #expect(catalog.notes(withLowercasedAlias: "소켓".decomposedStringWithCanonicalMapping) == [4])
    }

    @Test func wikiSuggestionsAreSpelledAsFirstWritten() {
        let catalog = NoteCatalog(notes: Self.notes, otherFiles: Self.otherFiles)
        // As the catalog made them before: the files in byte order, then the aliases.
        var spellings: [String: String] = [:]
        for path in catalog.files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let name = catalog.note(at: path) != nil ? String(NotePath.stem(of: path)) : String(NotePath.fileName(of: path))
            if spellings[name.fastLowercased()] == nil { spellings[name.fastLowercased()] = name }
        }
        for note in catalog.notes {
            for alias in Set(note.aliases.map { $0.fastLowercased() }) where !alias.isEmpty && spellings[alias] == nil {
                spellings[alias] = note.aliases.first { $0.fastLowercased() == alias }
            }
        }
        let names = NearNameIndex(Array(spellings.keys))
        var suggested = 0
        for key in Self.keys.map({ $0.lowercased() }) + ["tpc", "transmision control protocol", "sockt", "deep notes", "전송 재어", "readm", "tcp.pn"] {
            let expected = names.closest(to: key).map { spellings[$0] ?? $0 }
            #expect(catalog.wikiNames.closest(to: key) == expected, "\(key)")
            if expected != nil { suggested += 1 }
        }
        #expect(suggested > 5)
        #expect(catalog.wikiNames.closest(to: "transmision control protocol") == "Transmission Control Protocol")
    }

    @Test func headingsComeBackAsGiven() {
        let headings = [
            NoteHeading(text: "TCP 연결 {#open}", level: 2, sectionIndex: 3),
            NoteHeading(text: "개요", level: 1),
            NoteHeading(text: "개요", level: 3, sectionIndex: 7),
            NoteHeading(text: "", level: 2, sectionIndex: 0),
            NoteHeading(text: "a {#b} {#c}", level: 4, sectionIndex: 9),
            NoteHeading(text: "소켓".decomposedStringWithCanonicalMapping, level: 6, sectionIndex: 10),
        ]
        let note = CatalogNote(path: "a.md", title: "A", headings: headings, anchorIDs: ["html"])
        #expect(note.headings == headings)
        #expect(note.headings[4].text == "a {#b}" && note.headings[4].explicitID == "c")
        #expect(note.slugs == HeadingSlugger.slugs(for: headings.map(\.text)))
        #expect(note.anchorIDs == ["html", "open", "c"])
        #expect(NoteAnchorTable(note).headingKeys.names == headings.map { ObsidianHeadingKey.make($0.text) })
        #expect(note.outline.parents == [nil, nil, 1, 1, 3, 4])
        #expect(NoteAnchorTable(note).parents == note.outline.parents)
        #expect(note.outline.firstIndex(ofSlug: "개요-1") == 2)
        #expect(note.outline.firstIndex(ofExplicitID: "c") == 4)
        #expect(note.outline.firstIndex(ofExplicitID: "b") == nil)
        #expect(note == CatalogNote(path: "a.md", title: "A", headings: headings, anchorIDs: ["html"]))
        #expect(note != CatalogNote(path: "a.md", title: "A", headings: Array(headings.dropLast()), anchorIDs: ["html"]))
        #expect(CatalogNote(path: "b.md", title: "B").headings.isEmpty)
    }
}
