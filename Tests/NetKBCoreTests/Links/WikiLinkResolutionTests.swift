import Foundation
import Testing
import NetKBCore

@Suite("Wiki link resolution")
struct WikiLinkResolutionTests {
    @Test(arguments: [
        ("net/TCP", "index.md", LinkFixtures.note("net/TCP.md")),
        ("net/TCP.md", "index.md", LinkFixtures.note("net/TCP.md")),
        ("/net/TCP", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("TCP", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("tcp", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("../net/TCP", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("./UDP", "net/TCP.md", LinkFixtures.note("net/UDP.md")),
        ("Notes", "net/TCP.md", LinkFixtures.note("net/Notes.md")),
        ("Notes", "os/Socket.md", LinkFixtures.note("os/Notes.md")),
        ("Deep", "index.md", LinkFixtures.note("Deep.md")),
        ("y/Deep", "index.md", LinkFixtures.note("x/y/Deep.md")),
        ("Mixed", "index.md", LinkFixtures.note("net/case/Mixed.md")),
        ("mixed", "index.md", LinkFixtures.note("other/mixed.md")),
        ("소켓 프로그래밍", "index.md", LinkFixtures.note("os/소켓 프로그래밍.md")),
        ("전송 제어", "index.md", LinkFixtures.note("net/TCP.md")),
        ("transmission control protocol", "index.md", LinkFixtures.note("net/TCP.md")),
        ("하나", "index.md", LinkFixtures.note("alias/One.md")),
        ("Dup A", "index.md", LinkFixtures.note("a/Dup.md")),
        ("TCP#TCP", "index.md", LinkFixtures.note("net/TCP.md", heading: 0, section: 1)),
        ("TCP#3 Way Handshake - TCP 연결", "index.md", LinkFixtures.note("net/TCP.md", heading: 5, section: 6)),
        ("TCP#3 way handshake TCP 연결", "index.md", LinkFixtures.note("net/TCP.md", heading: 5, section: 6)),
        ("TCP#개요", "index.md", LinkFixtures.note("net/TCP.md", heading: 2, section: 3)),
        ("TCP#종료#개요", "index.md", LinkFixtures.note("net/TCP.md", heading: 4, section: 5)),
        ("TCP#TCP#종료#개요", "index.md", LinkFixtures.note("net/TCP.md", heading: 4, section: 5)),
        ("TCP#TCP#개요", "index.md", LinkFixtures.note("net/TCP.md", heading: 2, section: 3)),
        ("TCP#Custom", "index.md", LinkFixtures.note("net/TCP.md", heading: 6, section: 7)),
        ("TCP#^summary-1", "index.md", LinkFixtures.note("net/TCP.md", block: "summary-1")),
        ("TCP#^SUMMARY-1", "index.md", LinkFixtures.note("net/TCP.md", block: "SUMMARY-1")),
        ("#연결", "net/TCP.md", LinkFixtures.note("net/TCP.md", heading: 1, section: 2)),
        ("#^summary-1", "net/TCP.md", LinkFixtures.note("net/TCP.md", block: "summary-1")),
        ("TCP|전송", "index.md", LinkFixtures.note("net/TCP.md")),
        ("TCP\\", "index.md", LinkFixtures.note("net/TCP.md")),
        ("handshake.png", "index.md", LinkFixtures.file("img/handshake.png")),
        ("RFC 793.pdf#page=3", "index.md", LinkFixtures.file("docs/RFC 793.pdf")),
        ("패킷.png", "index.md", LinkFixtures.file("그림/패킷.png")),
    ])
    func resolves(written: String, from: String, expected: LinkResolution) {
        #expect(LinkFixtures.resolve(written, .wiki, from: from) == expected)
    }

    @Test func embedsFindAnyFileByName() {
        #expect(LinkFixtures.resolve("handshake.png", .embed, from: "net/TCP.md") == LinkFixtures.file("img/handshake.png"))
        #expect(LinkFixtures.resolve("UDP", .embed, from: "index.md") == LinkFixtures.note("net/UDP.md"))
        let nfd = "패킷.png".decomposedStringWithCanonicalMapping
        let resolved = LinkFixtures.resolve(nfd, .embed, from: "index.md").resolved
        #expect(resolved.map { Array($0.path.unicodeScalars) } == Array("그림/패킷.png".unicodeScalars))
    }

    @Test(arguments: [
        ("", BrokenLinkKind.wiki, nil),
        ("|", .wiki, nil),
        ("#", .wiki, nil),
        ("Note\u{0}", .wiki, nil),
        ("Nowhere", .wiki, nil),
        ("UPD", .wiki, "UDP"),
        ("Sokcet", .wiki, "Socket"),
        ("전송 재어", .wiki, "전송 제어"),
        ("Socket#", .file, nil),
        ("Dup", .ambiguous, nil),
        ("shared", .ambiguous, nil),
        ("../../x", .outsideRoot, nil),
        ("./TCP", .wiki, nil),
        ("TCP#3 Way Handshake TCP 연걸", .anchor, "3 Way Handshake - TCP 연결"),
        ("TCP#개오", .anchor, nil),
        ("TCP#연결#종료", .anchor, "TCP#종료"),
        ("TCP#연결#3 Way Handshake - TCP 연결", .anchor, "TCP#3 Way Handshake - TCP 연결"),
        ("TCP#^summary-2", .anchor, "^summary-1"),
        ("TCP#^nothing-near-this", .anchor, nil),
        ("#Nope", .anchor, nil),
    ] as [(String, BrokenLinkKind, String?)])
    func broken(written: String, kind: BrokenLinkKind, suggestion: String?) throws {
        let verdict = LinkFixtures.resolve(written, .wiki, from: "index.md")
        if written == "Socket#" {
            // `Socket#` is fine: the empty heading is ignored.
            #expect(verdict == LinkFixtures.note("os/Socket.md"))
            return
        }
        let broken = try #require(verdict.broken)
        #expect(broken.kind == kind)
        #expect(broken.suggestion == suggestion)
    }

    @Test(arguments: [
        ("Dup", "'Dup' could mean 2 files: 'a/Dup.md', 'b/Dup.md'"),
        ("shared", "'shared' could mean 2 files: 'alias/One.md', 'alias/Two.md'"),
        ("[[", "no note or file named '[['"),
        ("", "empty wiki link"),
        ("#", "empty wiki link: '#' names no heading"),
        ("TCP#연결#3 Way Handshake - TCP 연결",
         "no heading '연결#3 Way Handshake - TCP 연결' in 'net/TCP.md'; '3 Way Handshake - TCP 연결' is at 'TCP#3 Way Handshake - TCP 연결'"),
    ])
    func reasons(written: String, reason: String) throws {
        #expect(try #require(LinkFixtures.resolve(written, .wiki, from: "index.md").broken).reason == reason)
    }

    @Test func tenThousandCharacterWikiTarget() throws {
        let long = String(repeating: "네", count: 10_000)
        let broken = try #require(LinkFixtures.resolve(long + "#" + long + "#^" + long, .wiki, from: "index.md").broken)
        #expect(broken.kind == .wiki)
        let heading = try #require(LinkFixtures.resolve("TCP#" + long, .wiki, from: "index.md").broken)
        #expect(heading.kind == .anchor)
    }
}
