import Testing
import NetKBCore

@Suite("EditDistance")
struct EditDistanceTests {
    @Test(arguments: [
        ("socket", "socket", 2, 0),
        ("socket", "sockt", 2, 1),
        ("socket", "sokcet", 2, 2),
        ("kitten", "sitting", 3, 3),
        ("소켓", "소캣", 1, 1),
        ("", "ab", 2, 2),
        ("abc", "", 3, 3),
    ] as [(String, String, Int, Int)])
    func withinLimit(a: String, b: String, limit: Int, expected: Int) {
        #expect(EditDistance.between(a, b, limit: limit) == expected)
        #expect(EditDistance.between(b, a, limit: limit) == expected)
    }

    @Test(arguments: [
        ("socket", "tcp", 2),
        ("kitten", "sitting", 2),
        ("abcdef", "badcfe", 2),
        ("a", "abcd", 2),
    ] as [(String, String, Int)])
    func beyondLimit(a: String, b: String, limit: Int) {
        #expect(EditDistance.between(a, b, limit: limit) == nil)
    }

    @Test(arguments: [
        ("handshak", ["handshake", "handshaking", "hand"], "handshake"),
        ("socket.md", ["Socket.md", "sockets.md", "pocket.md"], "Socket.md"),
        ("tcp", ["udp", "tcp", "tcb"], "tcb"),
        ("ab", ["abc"], nil),
        ("완전히다른", ["전송계층"], nil),
    ] as [(String, [String], String?)])
    func closest(text: String, candidates: [String], expected: String?) {
        #expect(EditDistance.closest(to: text, among: candidates) == expected)
    }

    @Test func comparisonsAreCapped() {
        let candidates = (0..<100_000).map { "note-\($0)" } + ["notez"]
        #expect(EditDistance.closest(to: "notes", among: candidates, maximumComparisons: 10) == nil)
    }

    @Test func longStringsUseABand() {
        let a = String(repeating: "가", count: 10_000)
        #expect(EditDistance.between(a, a + "나", limit: 2) == 1)
        #expect(EditDistance.between(a, String(repeating: "나", count: 10_000), limit: 2) == nil)
    }
}
