import Testing
import NetKBCore

@Suite("ObsidianHeadingKey")
struct ObsidianHeadingKeyTests {
    @Test(arguments: [
        ("3 Way Handshake - TCP 연결", "3 way handshake tcp 연결"),
        ("TCP/IP:  4 계층", "tcp ip 4 계층"),
        ("  Spaces   collapse  ", "spaces collapse"),
        ("snake_case", "snake case"),
        ("🚀 Launch!", "launch"),
        ("!!!", ""),
        ("ÉCOLE", "école"),
    ])
    func key(text: String, expected: String) {
        #expect(Array(ObsidianHeadingKey.make(text).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test(arguments: [
        ("tcp ip 4 계층", "TCP/IP: 4 계층"),
        ("3 Way Handshake TCP 연결", "3 Way Handshake - TCP 연결"),
        ("흐름 제어", "흐름  제어"),
    ])
    func writtenLinkMatchesHeading(link: String, heading: String) {
        #expect(ObsidianHeadingKey.make(link) == ObsidianHeadingKey.make(heading))
    }

    @Test(arguments: [
        ("Some text ^my-id", "my-id"),
        ("문장 끝 ^abc123  ", "abc123"),
        ("^solo", "solo"),
        ("no id here", nil),
        ("caret^glued", nil),
        ("trailing ^", nil),
        ("bad ^id_x", nil),
        ("2^10", nil),
        ("![[image.png]]^version-history-image", "version-history-image"),
        ("[x]^y", "y"),
    ] as [(String, String?)])
    func blockIDAtLineEnd(line: String, id: String?) {
        #expect(BlockID.atEnd(of: line) == id)
    }
}
