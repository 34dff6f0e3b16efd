import Foundation
import NetKBCore

/// A small vault shared by the resolver's suites.
enum LinkFixtures {
    /// `net/TCP.md`, built from a parsed `Note` so headings carry section indices.
    static let tcp = CatalogNote(
        note: Note(
            path: "net/TCP.md", title: "TCP",
            frontMatter: FrontMatter(aliases: ["전송 제어", "Transmission Control Protocol"]),
            sections: [
                Section(headingPath: [], level: 0, startLine: 1, endLine: 4, text: ""),
                Section(headingPath: ["TCP"], level: 1, startLine: 5, endLine: 6, text: "TCP"),
                Section(headingPath: ["TCP", "연결"], level: 2, startLine: 7, endLine: 8, text: "연결"),
                Section(headingPath: ["TCP", "연결", "개요"], level: 3, startLine: 9, endLine: 10, text: "개요"),
                Section(headingPath: ["TCP", "종료"], level: 2, startLine: 11, endLine: 12, text: "종료"),
                Section(headingPath: ["TCP", "종료", "개요"], level: 3, startLine: 13, endLine: 14, text: "개요"),
                Section(
                    headingPath: ["TCP", "3 Way Handshake - TCP 연결"], level: 2, startLine: 15, endLine: 16,
                    text: "3 Way Handshake - TCP 연결"),
                Section(headingPath: ["TCP", "Custom {#custom-id}"], level: 2, startLine: 17, endLine: 18, text: "Custom"),
                Section(headingPath: ["TCP", "🚀!!"], level: 2, startLine: 19, endLine: 20, text: ""),
            ]),
        anchorIDs: ["html-anchor"], blockIDs: ["summary-1"])

    static let notes: [CatalogNote] = [
        CatalogNote(path: "index.md", title: "Index"),
        tcp,
        CatalogNote(path: "net/UDP.md", title: "UDP", headings: [NoteHeading(text: "UDP", level: 1)]),
        CatalogNote(path: "net/README.md", title: "Network"),
        CatalogNote(path: "net/Notes.md", title: "Net notes"),
        CatalogNote(path: "os/Notes.md", title: "OS notes"),
        CatalogNote(path: "os/Socket.md", title: "Socket"),
        CatalogNote(path: "os/소켓 프로그래밍.md".decomposedStringWithCanonicalMapping, title: "소켓"),
        CatalogNote(path: "a/Dup.md", title: "Dup A"),
        CatalogNote(path: "b/Dup.md", title: "Dup B"),
        CatalogNote(path: "Deep.md", title: "Deep"),
        CatalogNote(path: "x/y/Deep.md", title: "Deeper"),
        CatalogNote(path: "alias/One.md", title: "One", aliases: ["Shared", "하나"]),
        CatalogNote(path: "alias/Two.md", title: "Two", aliases: ["shared"]),
        CatalogNote(path: "net/case/Mixed.md", title: "Mixed"),
        CatalogNote(path: "other/mixed.md", title: "mixed"),
    ]

    static let otherFiles = [
        "img/handshake.png", "net/diagram.png", "docs/RFC 793.pdf", "그림/패킷.png".decomposedStringWithCanonicalMapping,
    ]

    static let catalog = NoteCatalog(notes: notes, otherFiles: otherFiles)

    static let resolver = LinkResolver(
        catalog: catalog, repository: RepositoryURL("https://github.com/kim/net-notes"))

    /// The verdict on a link written as `written` with `kind` in the note at `from`.
    static func resolve(_ written: String, _ kind: LinkKind, from: String) -> LinkResolution {
        let link = Link(target: written, text: "", kind: kind, location: SourceLocation(line: 1, column: 1), sectionIndex: 0)
        return resolver.resolve(link, from: from)
    }

    /// A resolved note, heading or file, for tables.
    static func note(_ path: String, heading: Int? = nil, section: Int? = nil, block: String? = nil) -> LinkResolution {
        .resolved(ResolvedLink(path: path, destination: .note, headingIndex: heading, sectionIndex: section, blockID: block))
    }

    static func file(_ path: String) -> LinkResolution {
        .resolved(ResolvedLink(path: path, destination: .file))
    }
}
