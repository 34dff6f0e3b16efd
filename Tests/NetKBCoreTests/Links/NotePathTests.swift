import Testing
import NetKBTestSupport
@testable import NetKBCore

@Suite("NotePath")
struct NotePathTests {
    @Test(arguments: [
        ("tcp.md", "net/udp.md", NotePath.Resolution.inside("net/tcp.md")),
        ("../os/socket.md", "net/udp.md", .inside("os/socket.md")),
        ("./a/./b/../c.md", "x.md", .inside("a/c.md")),
        ("/index.md", "a/b/c.md", .inside("index.md")),
        ("//index.md", "a/b/c.md", .inside("index.md")),
        ("sub/", "a/b.md", .inside("a/sub")),
        (".", "a/b.md", .inside("a")),
        ("..", "a/b.md", .inside("")),
        ("../x.md", "top.md", .outsideRoot),
        ("../../../../x.md", "a/b/c.md", .outsideRoot),
        ("/../x.md", "a/b.md", .outsideRoot),
        ("a/../../x.md", "n.md", .outsideRoot),
        ("../a/../../b.md", "f/n.md", .outsideRoot),
        ("소켓/../연결.md", "네트워크/노트.md", .inside("네트워크/연결.md")),
    ])
    func resolution(target: String, notePath: String, expected: NotePath.Resolution) {
        #expect(NotePath.resolve(target, from: notePath) == expected)
    }

    /// The short way for plain paths gives what resolving component by component gives.
    @Test func plainPathsResolveAsComponentsDo() {
        var generator = SeededGenerator(state: 0x5041_5448)
        let pieces = ["a", "소켓", ".", "..", "...", ".md", "", "b c", "x.md", "é"]
        func path() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "/")
        }
        var plain = 0
        for _ in 0..<5_000 {
            let lead = ["", "", "/", "../", "../../", "./", "./../", "../../../"].randomElement(using: &generator)!
            let (target, notePath) = (lead + path(), Int.random(in: 0..<8, using: &generator) == 0 ? "" : path())
            #expect(NotePath.resolve(target, from: notePath) == NotePath.resolveComponents(target, from: notePath), "\(target) from \(notePath)")
            if NotePath.isPlain(target.replacingOccurrences(of: "../", with: "")), notePath.isEmpty || NotePath.isPlain(notePath) { plain += 1 }
        }
        #expect(plain > 500)
        #expect(NotePath.isPlain("a/b.md") && NotePath.isPlain("...") && NotePath.isPlain(".md/x"))
        #expect(!NotePath.isPlain("a//b") && !NotePath.isPlain("./a") && !NotePath.isPlain("a/..") && !NotePath.isPlain("a/") && !NotePath.isPlain(""))
    }

    @Test func farAboveTheRootIsOutsideNotACrash() {
        let climb = String(repeating: "../", count: 5_000) + "x.md"
        #expect(NotePath.resolve(climb, from: "a/b.md") == .outsideRoot)
        let deep = String(repeating: "d/", count: 5_000)
        #expect(NotePath.resolve(deep + String(repeating: "../", count: 5_000) + "x.md", from: "n.md") == .inside("x.md"))
    }

    @Test(arguments: [
        ("a/b/c.md", "a/b", "c.md", "c"),
        ("c.md", "", "c.md", "c"),
        ("a/.hidden", "a", ".hidden", ".hidden"),
        ("네트워크/TCP 연결.md", "네트워크", "TCP 연결.md", "TCP 연결"),
        ("a/archive.tar.gz", "a", "archive.tar.gz", "archive.tar"),
    ])
    func parts(path: String, folder: String, fileName: String, stem: String) {
        #expect(NotePath.folder(of: path) == folder)
        #expect(NotePath.fileName(of: path) == fileName)
        #expect(NotePath.stem(of: path) == stem)
    }

    @Test(arguments: [
        ("a/b/c.md", "c.md", true),
        ("a/b/c.md", "b/c.md", true),
        ("a/b/c.md", "a/b/c.md", true),
        ("a/b/c.md", "/c.md", false),
        ("a/b/c.md", "bc.md", false),
        ("a/bc.md", "c.md", false),
        ("a/b/c.md", "b/c", false),
        ("c.md", "a/c.md", false),
        ("네트워크/전송 계층/소켓.md", "전송 계층/소켓.md", true),
        ("네트워크/전송계층/소켓.md", "계층/소켓.md", false),
    ])
    func endsWithAWholePath(path: String, tail: String, expected: Bool) {
        #expect(NotePath.endsWithPath(path, tail) == expected)
    }

    @Test func componentsSplitAtTheByteSlashAlone() {
        #expect(NotePath.components(of: "//a/./소켓//b.md/") == ["a", ".", "소켓", "b.md"])
        #expect(NotePath.components(of: "") == [])
        #expect(NotePath.components(of: "///") == [])
        // A combining mark after a slash stays with the component it starts.
        #expect(NotePath.components(of: "a/\u{301}b") == ["a", "\u{301}b"])
    }
}
