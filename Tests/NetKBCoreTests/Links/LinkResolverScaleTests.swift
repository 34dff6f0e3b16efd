import Testing
import NetKBCore

@Suite("LinkResolver at scale")
struct LinkResolverScaleTests {
    /// 30,000 notes in 500 folders, each with a few headings; 20,000 images.
    static func largeCatalog() -> NoteCatalog {
        let headings = ["개요", "3 Way Handshake - TCP 연결", "개요", "정리"].enumerated().map {
            NoteHeading(text: $0.element, level: $0.offset == 0 ? 1 : 2)
        }
        let notes = (0..<30_000).map { index in
            CatalogNote(
                path: "folder-\(index % 500)/노트 \(index).md", title: "노트 \(index)", aliases: ["alias \(index)"],
                headings: headings, blockIDs: ["b\(index)"])
        }
        let images = (0..<20_000).map { "img/\($0 % 100)/그림 \($0).png" }
        return NoteCatalog(notes: notes, otherFiles: images)
    }

    /// Right answers among many similar names. How fast is the benchmark script's business
    /// (`check` rows in benchmarks/RESULTS.md), not a timed test's.
    @Test func resolvingAmongManySimilarNames() {
        let resolver = LinkResolver(catalog: Self.largeCatalog())
        do {
            for index in stride(from: 0, to: 30_000, by: 100) {
                let from = "folder-\(index % 500)/노트 \(index).md"
                #expect(resolver.resolve(LinkTarget(wiki: "노트 \(index + 1)#3 Way Handshake TCP 연결"), from: from).resolved != nil)
                #expect(resolver.resolve(LinkTarget(wiki: "alias \(index)"), from: from).resolved != nil)
                #expect(resolver.resolve(LinkTarget(markdown: "노트 \(index).md#개요-1"), from: from).resolved?.headingIndex == 2)
                #expect(resolver.resolve(LinkTarget(wiki: "그림 \(index % 20_000).png"), from: from).resolved != nil)
                // Misses run the bounded suggestion search.
                #expect(resolver.resolve(LinkTarget(wiki: "노트 \(index)x"), from: from).broken?.kind == .wiki)
                #expect(resolver.resolve(LinkTarget(markdown: "노트 \(index)x.md"), from: from).broken?.kind == .file)
            }
        }
    }
}
