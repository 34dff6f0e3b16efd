import Testing
import NetKBCore

@Suite("RepositoryURL")
struct RepositoryURLTests {
    static let repository = RepositoryURL("https://github.com/Kim/net-notes")!

    @Test(arguments: [
        ("https://github.com/kim/net-notes/blob/main/net/TCP.md#3-way", RepositoryURL.Target(path: "net/TCP.md", anchor: "3-way")),
        ("https://GitHub.com/KIM/Net-Notes/blob/main/net/TCP.md", .init(path: "net/TCP.md")),
        ("http://www.github.com/kim/net-notes/blob/dev/a.md?plain=1#L3", .init(path: "a.md", anchor: "L3")),
        ("https://github.com/kim/net-notes/blob/main/%EC%86%8C%EC%BC%93/TCP%20%EC%97%B0%EA%B2%B0.md#%EA%B0%9C%EC%9A%94",
         .init(path: "소켓/TCP 연결.md", anchor: "개요")),
        ("https://github.com/kim/net-notes/tree/main/net", .init(path: "net", isFolder: true)),
        ("https://github.com/kim/net-notes/tree/main/net/", .init(path: "net", isFolder: true)),
        ("https://github.com/kim/net-notes/tree/main", .init(path: "", isFolder: true)),
        ("https://github.com/kim/net-notes/raw/main/img/a.png", .init(path: "img/a.png")),
        ("https://raw.githubusercontent.com/kim/net-notes/main/img/a.png", .init(path: "img/a.png")),
        ("https://RAW.githubusercontent.com/Kim/NET-notes/main/a%20b.md", .init(path: "a b.md")),
    ])
    func mapsIntoTheNotes(url: String, expected: RepositoryURL.Target) {
        #expect(Self.repository.target(of: url) == expected)
    }

    @Test(arguments: [
        "https://github.com/kim/net-notes",
        "https://github.com/kim/net-notes/issues/3",
        "https://github.com/kim/other/blob/main/a.md",
        "https://github.com/lee/net-notes/blob/main/a.md",
        "https://github.com/kim/net-notes/blob/main",
        "https://gitlab.com/kim/net-notes/blob/main/a.md",
        "https://raw.githubusercontent.com/kim/net-notes/main",
        "ftp://github.com/kim/net-notes/blob/main/a.md",
        "mailto:kim@example.com",
        "",
    ])
    func staysExternal(url: String) {
        #expect(Self.repository.target(of: url) == nil)
    }

    @Test(arguments: [
        ("https://github.com/kim/net-notes.git", "kim", "net-notes"),
        ("https://github.com/Kim/Net-Notes/", "kim", "net-notes"),
        ("http://www.github.com/a/b", "a", "b"),
    ])
    func parsesRepositoryURLs(url: String, owner: String, name: String) throws {
        let repository = try #require(RepositoryURL(url))
        #expect(repository.owner == owner && repository.name == name)
    }

    @Test(arguments: ["https://github.com/kim", "https://example.com/kim/notes", "github.com/kim/notes", "https://github.com/a/b/c"])
    func rejectsOtherURLs(url: String) {
        #expect(RepositoryURL(url) == nil)
    }

    @Test func notesInASubfolderOfTheRepository() throws {
        let repository = try #require(RepositoryURL("https://github.com/kim/study", notesFolder: "/notes/"))
        #expect(repository.target(of: "https://github.com/kim/study/blob/main/notes/net/TCP.md")?.path == "net/TCP.md")
        #expect(repository.target(of: "https://github.com/kim/study/tree/main/notes") == .init(path: "", isFolder: true))
        #expect(repository.target(of: "https://github.com/kim/study/blob/main/README.md") == nil)
        #expect(repository.target(of: "https://github.com/kim/study/blob/main/notesX/a.md") == nil)
    }
}
