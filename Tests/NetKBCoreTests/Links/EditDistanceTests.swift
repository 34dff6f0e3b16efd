import Testing
import NetKBTestSupport
import NetKBCore

@Suite("EditDistance")
struct EditDistanceTests {
    @Test(arguments: [
        ("socket", "socket", 2, 0),
        ("socket", "sockt", 2, 1),
        ("socket", "sokcet", 2, 1),
        ("tcp", "tpc", 1, 1),
        ("ca", "abc", 3, 3),
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

    /// The full table, for comparison with the banded one.
    static func unbanded(_ a: [Character], _ b: [Character]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                table[i][j] = min(table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), table[i - 1][j] + 1, table[i][j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    @Test(arguments: 0..<4)
    func bandAgreesWithTheFullTable(limit: Int) {
        // Seeded by the limit, so that a failure can be replayed.
        var generator = SeededGenerator(state: UInt64(limit))
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...7, using: &generator)).map { _ in "abc".randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...7, using: &generator)).map { _ in "abc".randomElement(using: &generator)! }
            let full = Self.unbanded(a, b)
            #expect(EditDistance.between(String(a), String(b), limit: limit) == (full <= limit ? full : nil), "\(String(a)) \(String(b))")
        }
    }
}
