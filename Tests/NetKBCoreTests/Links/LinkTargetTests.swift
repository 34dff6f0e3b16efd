import Foundation
import Testing
import NetKBCore

@Suite("LinkTarget")
struct LinkTargetTests {
    @Test(arguments: [
        ("https://example.com/a#b", LinkTarget.external("https://example.com/a#b")),
        ("<https://example.com/a b>", .external("https://example.com/a b")),
        ("mailto:me@example.com", .external("mailto:me@example.com")),
        ("//cdn.example.com/x.js", .external("//cdn.example.com/x.js")),
        ("#3-way-handshake---tcp-연결", .anchor("3-way-handshake---tcp-연결")),
        ("#%EC%97%B0%EA%B2%B0", .anchor("연결")),
        ("#", .anchor("")),
        ("?tab=1", .anchor("")),
        ("../net/TCP%20연결.md#3-way", .path("../net/TCP 연결.md", anchor: "3-way")),
        ("<../net/TCP 연결.md>", .path("../net/TCP 연결.md", anchor: nil)),
        ("img/a.png?raw=true", .path("img/a.png", anchor: nil)),
        ("a.md?x=1#y", .path("a.md", anchor: "y")),
        ("/index.md", .path("/index.md", anchor: nil)),
        ("C:/notes/a.md", .path("C:/notes/a.md", anchor: nil)),
        ("%E0%A4%A.md", .path("%E0%A4%A.md", anchor: nil)),
        ("%zz.md#%zz", .path("%zz.md", anchor: "%zz")),
        // `#` and `?` split the target at their byte, a combining mark after them included.
        ("a.md#\u{301}b", .path("a.md", anchor: "\u{301}b")),
        ("a.md?\u{301}#x", .path("a.md", anchor: "x")),
        ("소켓.md##", .path("소켓.md", anchor: "#")),
        ("", .invalid(reason: "empty link target")),
        ("  ", .invalid(reason: "empty link target")),
        ("<>", .invalid(reason: "empty link target")),
        ("a\u{0}b.md", .invalid(reason: "the target contains the control character U+0000")),
        ("a\u{1B}[31m.md", .invalid(reason: "the target contains the control character U+001B")),
        ("a\u{85}.md", .invalid(reason: "the target contains the control character U+0085")),
        ("a%00b.md", .invalid(reason: "the target contains the control character U+0000 once percent-decoded")),
        ("a.md#x%0Ay", .invalid(reason: "the target contains the control character U+000A once percent-decoded")),
    ])
    func markdown(written: String, expected: LinkTarget) {
        #expect(LinkTarget(markdown: written) == expected)
    }

    @Test(arguments: [
        ("Note", WikiTarget(name: "Note")),
        ("folder/Note.md", WikiTarget(name: "folder/Note.md")),
        ("Note#Heading", WikiTarget(name: "Note", headings: ["Heading"])),
        ("Note#H1#H2", WikiTarget(name: "Note", headings: ["H1", "H2"])),
        ("Note##H1# #H2#", WikiTarget(name: "Note", headings: ["H1", "H2"])),
        ("Note#^block-id", WikiTarget(name: "Note", blockID: "block-id")),
        ("Note#H1#^b", WikiTarget(name: "Note", headings: ["H1"], blockID: "b")),
        ("#Heading", WikiTarget(name: "", headings: ["Heading"])),
        ("#^b", WikiTarget(name: "", blockID: "b")),
        (" 소켓 # 연결 ", WikiTarget(name: "소켓", headings: ["연결"])),
        ("Note|별칭", WikiTarget(name: "Note")),
        ("Note\\|별칭", WikiTarget(name: "Note")),
        ("소켓|\u{301}별칭", WikiTarget(name: "소켓")),
        ("소켓#\u{301}연결", WikiTarget(name: "소켓", headings: ["\u{301}연결"])),
        ("Note\\", WikiTarget(name: "Note")),
        ("100%20", WikiTarget(name: "100%20")),
        ("그림.png", WikiTarget(name: "그림.png")),
    ])
    func wiki(written: String, expected: WikiTarget) {
        #expect(LinkTarget(wiki: written) == .wiki(expected))
    }

    @Test(arguments: [
        ("", "empty wiki link"),
        ("|", "empty wiki link"),
        ("|alias", "empty wiki link"),
        ("#", "empty wiki link: '#' names no heading"),
        (" # # ", "empty wiki link: '#' names no heading"),
        ("Note#^", "empty block reference '#^'"),
        ("No\u{0}te", "the target contains the control character U+0000"),
        ("Note\u{7F}", "the target contains the control character U+007F"),
    ])
    func emptyOrUnusableWikiTargets(written: String, reason: String) {
        #expect(LinkTarget(wiki: written) == .invalid(reason: reason))
    }

    @Test func nfdWikiNameIsComposed() throws {
        let nfd = "소켓#연결".decomposedStringWithCanonicalMapping
        guard case .wiki(let target) = LinkTarget(wiki: nfd) else {
            Issue.record("not a wiki target")
            return
        }
        #expect(Array(target.name.unicodeScalars) == Array("소켓".unicodeScalars))
        #expect(Array(try #require(target.headings.first).unicodeScalars) == Array("연결".unicodeScalars))
    }

    @Test func linkKindChoosesTheSyntax() {
        let location = SourceLocation(line: 1, column: 1)
        let wiki = Link(target: "a#b", text: "a", kind: .embed, location: location, sectionIndex: 0)
        let markdown = Link(target: "a#b", text: "a", kind: .image, location: location, sectionIndex: 0)
        #expect(LinkTarget(wiki) == .wiki(WikiTarget(name: "a", headings: ["b"])))
        #expect(LinkTarget(markdown) == .path("a", anchor: "b"))
    }

    @Test func tenThousandCharacterTargets() {
        let long = String(repeating: "가나다/", count: 2_500)
        #expect(long.count == 10_000)
        #expect(LinkTarget(markdown: long + "#" + long) == .path(long, anchor: long))
        #expect(LinkTarget(wiki: long + "#" + long) == .wiki(WikiTarget(name: long, headings: [long])))
        let escapes = String(repeating: "%", count: 10_000)
        #expect(LinkTarget(markdown: escapes) == .path(escapes, anchor: nil))
    }
}
