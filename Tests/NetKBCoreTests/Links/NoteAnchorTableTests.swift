import Testing
@testable import NetKBCore

/// A note's anchors, heading keys and block ids are looked up in tables made once per note:
/// the answers are those of a pass over every heading, and thousands of links into a note with
/// 100,000 headings make its tables once, not once per link.
@Suite("Note anchor tables")
struct NoteAnchorTableTests {
    /// A note with more headings than a short note, duplicates, ids and near misses among them.
    static let note: CatalogNote = {
        var headings: [NoteHeading] = []
        for index in 0..<150 {
            let text = ["개요", "TCP 연결 {#open}", "3 Way Handshake - TCP 연결", "Socket", "socket", "소켓 \(index)", "S\(index)"][index % 7]
            headings.append(NoteHeading(text: text, level: 1 + index % 4, sectionIndex: index))
        }
        return CatalogNote(
            path: "big.md", title: "Big", headings: headings, anchorIDs: ["HTML-Id", "html-id", "zeta", "Open"],
            blockIDs: ["Ref1", "ref-2", "ABC", "abd"])
    }()

    static let typed = [
        "개요", "개요-1", "개요-99", "socket", "Socket", "socket-1", "SOCKET-2", "open", "OPEN", "html-id", "HTML-ID",
        "tcp-연결", "tcp 연결", "TCP 연결", "3-way-handshake---tcp-연결", "3-way-handshake--tcp-연결", "소켓-5",
        "소켓 5", "s7", "s7x", "S7", "s1", "sockte", "zeta", "zetx", "nothing-like-it", "", "a", "ab", "abc", "abx",
        "ref1", "ref-3", "REF-2", "3 way handshake tcp 연결", "tcp 연겷", "s777",
    ]

    @Test func answersAsAPassOverTheHeadings() {
        let note = Self.note
        #expect(NoteAnchorTables.keeps(note))
        let table = NoteAnchorTable(note)
        let slugs = note.slugs
        let anchors = slugs + note.anchorIDs.sorted()
        let keys = note.headings.map { ObsidianHeadingKey.make($0.text) }
        let blocks = note.blockIDs.sorted()
        let catalog = NoteCatalog(notes: [note])
        for text in Self.typed {
            let scanned = note.outline.firstIndex(ofSlug: text) ?? note.outline.firstIndex(ofExplicitID: text)
            #expect(catalog.heading(withAnchor: text, in: note) == scanned, "\(text)")
            #expect(table.heading(withSlug: text) == note.outline.firstIndex(ofSlug: text), "\(text)")
            #expect(table.heading(withExplicitID: text) == note.outline.firstIndex(ofExplicitID: text), "\(text)")
            #expect(table.hasSlug(text) == slugs.contains(text), "\(text)")
            #expect(table.anchor(lowercasedAs: text) == anchors.first { $0.lowercased() == text.lowercased() }, "\(text)")
            #expect(table.anchors.closest(to: text).map { table.anchors.names[$0] } == EditDistance.closest(to: text, among: anchors), "\(text)")
            let key = ObsidianHeadingKey.make(text)
            #expect(table.headings(withKey: key) == keys.indices.filter { keys[$0] == key }, "\(text)")
            #expect(table.headingKeys.closest(to: key) == EditDistance.closest(to: key, among: keys).flatMap { keys.firstIndex(of: $0) }, "\(text)")
            #expect(table.hasBlock(lowercasedAs: text) == blocks.contains { $0.lowercased() == text.lowercased() }, "\(text)")
            #expect(table.blockIDs.closest(to: text).map { blocks[$0] } == EditDistance.closest(to: text, among: blocks), "\(text)")
        }
        #expect(table.parents == note.outline.parents)
        #expect(catalog.anchorTablesMade == 1)
    }

    /// 2,000 links into a note of 100,000 headings (`## S0` … `## S99999`): the note's tables are
    /// made once, where resolving each link by a pass over every heading took minutes.
    @Test func manyLinksIntoANoteWithManyHeadingsMakeItsTablesOnce() throws {
        let headings = (0..<100_000).map { NoteHeading(text: "S\($0)", level: 2, sectionIndex: $0 + 1) }
        let catalog = NoteCatalog(notes: [
            CatalogNote(path: "h.md", title: "H", headings: headings), CatalogNote(path: "l.md", title: "L"),
        ])
        let resolver = LinkResolver(catalog: catalog)
        for link in 0..<2_000 {
            let heading = (link * 49_999) % 100_000
            switch link % 4 {
            case 0:
                let resolved = try #require(resolver.resolve(LinkTarget(wiki: "h#S\(heading)"), from: "l.md").resolved)
                #expect(resolved.headingIndex == heading && resolved.sectionIndex == heading + 1)
            case 1:
                #expect(resolver.resolve(LinkTarget(markdown: "h.md#s\(heading)"), from: "l.md").resolved?.headingIndex == heading)
            case 2:
                let broken = resolver.resolve(LinkTarget(markdown: "h.md#s\(link % 10)x"), from: "l.md").broken
                #expect(broken?.kind == .anchor && broken?.suggestion == "#s\(link % 10)")
            default:
                let broken = resolver.resolve(LinkTarget(wiki: "h#S\(link % 10)#S\(heading)"), from: "l.md").broken
                #expect(broken?.kind == .anchor && broken?.suggestion == "S\(heading)")
            }
        }
        #expect(catalog.anchorTablesMade == 1)
        let near = NoteAnchorTable(catalog.note(at: "h.md")!).anchors
        #expect(Array(near.candidates(near: 3, within: 1)).count == 1_000)  // S0 … S999 only.
    }
}
