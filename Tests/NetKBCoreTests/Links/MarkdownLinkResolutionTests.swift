import Foundation
import Testing
import NetKBCore

@Suite("Markdown link resolution")
struct MarkdownLinkResolutionTests {
    @Test(arguments: [
        ("TCP.md", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("./TCP.md", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("../net/TCP.md", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("/net/TCP.md", "os/Socket.md", LinkFixtures.note("net/TCP.md")),
        ("net/TCP.md", "index.md", LinkFixtures.note("net/TCP.md")),
        ("<TCP.md>", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("TCP.md?plain=1", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("TCP.md#tcp", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 0, section: 1)),
        ("TCP.md#3-way-handshake---tcp-연결", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 5, section: 6)),
        ("TCP.md#3-way-handshake---tcp-%EC%97%B0%EA%B2%B0", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 5, section: 6)),
        ("TCP.md#개요", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 2, section: 3)),
        ("TCP.md#개요-1", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 4, section: 5)),
        ("TCP.md#custom", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 6, section: 7)),
        ("TCP.md#custom-id", "net/UDP.md", LinkFixtures.note("net/TCP.md", heading: 6, section: 7)),
        ("TCP.md#html-anchor", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("TCP.md#", "net/UDP.md", LinkFixtures.note("net/TCP.md")),
        ("#연결", "net/TCP.md", LinkFixtures.note("net/TCP.md", heading: 1, section: 2)),
        ("#", "net/TCP.md", LinkFixtures.note("net/TCP.md")),
        ("diagram.png", "net/TCP.md", LinkFixtures.file("net/diagram.png")),
        ("../img/handshake.png", "net/TCP.md", LinkFixtures.file("img/handshake.png")),
        ("../docs/RFC%20793.pdf#page=3", "net/TCP.md", LinkFixtures.file("docs/RFC 793.pdf")),
        ("../os/소켓 프로그래밍.md", "net/TCP.md", LinkFixtures.note("os/소켓 프로그래밍.md")),
        ("../os/%EC%86%8C%EC%BC%93%20프로그래밍.md", "net/TCP.md", LinkFixtures.note("os/소켓 프로그래밍.md")),
        ("../그림/패킷.png", "net/TCP.md", LinkFixtures.file("그림/패킷.png")),
        ("https://example.com/x", "net/TCP.md", .external("https://example.com/x")),
        ("https://github.com/kim/net-notes/blob/main/net/TCP.md#tcp", "index.md", LinkFixtures.note("net/TCP.md", heading: 0, section: 1)),
        ("https://raw.githubusercontent.com/kim/net-notes/main/img/handshake.png", "index.md", LinkFixtures.file("img/handshake.png")),
        ("https://github.com/kim/net-notes/tree/main/net", "index.md", .resolved(ResolvedLink(path: "net", destination: .folder))),
        ("https://github.com/kim/net-notes/issues", "index.md", .external("https://github.com/kim/net-notes/issues")),
    ])
    func resolves(written: String, from: String, expected: LinkResolution) {
        #expect(LinkFixtures.resolve(written, .markdown, from: from) == expected)
    }

    @Test(arguments: [
        ("tcp.md", "net/UDP.md", BrokenLinkKind.file, "net/TCP.md"),
        ("../os/socket.md", "net/UDP.md", .file, "os/Socket.md"),
        ("TCP", "net/UDP.md", .file, "net/TCP.md"),
        ("TPC.md", "net/UDP.md", .file, "net/TCP.md"),
        ("../net", "os/Socket.md", .file, "net/README.md"),
        ("../os/", "net/TCP.md", .file, nil),
        ("handshake.png", "net/TCP.md", .file, "img/handshake.png"),
        ("nothing-like-it.md", "net/TCP.md", .file, nil),
        ("..", "net/TCP.md", .file, nil),
        ("../x.md", "index.md", .outsideRoot, nil),
        ("../../../../x.md", "net/TCP.md", .outsideRoot, nil),
        ("TCP.md#TCP", "net/UDP.md", .anchor, "tcp"),
        ("TCP.md#3 Way Handshake - TCP 연결", "net/UDP.md", .anchor, "3-way-handshake---tcp-연결"),
        ("TCP.md#개요-2", "net/UDP.md", .anchor, "#개요-1"),
        ("TCP.md#completely-absent", "net/UDP.md", .anchor, nil),
        ("#no-such-heading", "net/TCP.md", .anchor, nil),
        ("", "net/TCP.md", .file, nil),
        ("a\u{0}.md", "net/TCP.md", .file, nil),
        ("TCP.md%00", "net/TCP.md", .file, nil),
        ("https://github.com/kim/net-notes/blob/main/net/tcp.md", "index.md", .file, "net/TCP.md"),
        ("https://github.com/kim/net-notes/tree/main/nowhere", "index.md", .file, nil),
    ] as [(String, String, BrokenLinkKind, String?)])
    func broken(written: String, from: String, kind: BrokenLinkKind, suggestion: String?) throws {
        let broken = try #require(LinkFixtures.resolve(written, .markdown, from: from).broken)
        #expect(broken.kind == kind)
        #expect(broken.suggestion.map { Array($0.unicodeScalars) } == suggestion.map { Array($0.unicodeScalars) })
        #expect(!broken.reason.isEmpty)
    }

    @Test(arguments: [
        ("../os/socket.md", "net/UDP.md", "no such file 'os/socket.md'; 'os/Socket.md' differs only in letter case"),
        ("TCP.md#TCP", "net/UDP.md", "no anchor '#TCP' in 'net/TCP.md'; '#tcp' differs only in letter case"),
        ("../../x.md", "net/UDP.md", "'../../x.md' leads outside the notes folder"),
        ("../net", "os/Socket.md", "'net' is a folder, not a file"),
        ("TCP.md%00", "net/TCP.md", "the target contains the control character U+0000 once percent-decoded"),
    ])
    func reasonsNameWhatWasMeant(written: String, from: String, reason: String) throws {
        #expect(try #require(LinkFixtures.resolve(written, .markdown, from: from).broken).reason == reason)
    }

    @Test func nfcLinkFindsAnNFDFileAndReportsItInNFC() throws {
        let resolved = try #require(LinkFixtures.resolve("../os/소켓 프로그래밍.md", .markdown, from: "net/TCP.md").resolved)
        #expect(Array(resolved.path.unicodeScalars) == Array("os/소켓 프로그래밍.md".unicodeScalars))
        let nfdLink = "../그림/패킷.png".decomposedStringWithCanonicalMapping
        let image = try #require(LinkFixtures.resolve(nfdLink, .image, from: "net/TCP.md").resolved)
        #expect(Array(image.path.unicodeScalars) == Array("그림/패킷.png".unicodeScalars))
    }

    @Test func tenThousandCharacterTargetIsBrokenQuickly() throws {
        let long = String(repeating: "가", count: 10_000)
        let broken = try #require(LinkFixtures.resolve(long + ".md#" + long, .markdown, from: "net/TCP.md").broken)
        #expect(broken.kind == .file)
        #expect(broken.reason.count < 120)
        let anchor = try #require(LinkFixtures.resolve("TCP.md#" + long, .markdown, from: "net/UDP.md").broken)
        #expect(anchor.kind == .anchor)
    }
}
