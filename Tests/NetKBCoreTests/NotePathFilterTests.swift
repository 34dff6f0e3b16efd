import NetKBCore
import Testing

@Suite struct NotePathFilterTests {
    @Test(arguments: [
        ("network/*", "network/*"),
        ("*/TCP*.md", "*/TCP*.md"),
        ("net[0-9]/*", "net[0-9]/*"),
        ("[]]*", "[]]*"),
        ("[^]a]*", "[^]a]*"),
        ("Network", "Network/*"),
        ("Network/", "Network/*"),
        ("./Network//", "Network/*"),
        ("././전송 계층", "전송 계층/*"),
        ("network/TCP.md", "network/TCP.md"),
        ("./network/TCP.Markdown", "network/TCP.Markdown"),
        ("/network", "network/*"),
        ("a/../network/./TCP.md", "network/TCP.md"),
        ("net/[[]x].md", "net/[[]x].md"),
    ])
    func aPathOrGlobBecomesTheGlobSearched(text: String, glob: String) throws {
        #expect(try NotePathFilter.glob(for: text) == glob)
    }

    @Test(arguments: [
        ("", NotePathFilter.Problem.empty),
        ("  ", .empty),
        ("./", .empty),
        ("/", .empty),
        ("[", .unclosedBracket("[")),
        ("net[0-9/*", .unclosedBracket("net[0-9/*")),
        ("a/[]", .unclosedBracket("a/[]")),
        (".", .empty),
        ("..", .outsideRoot("..")),
        ("a/../../b", .outsideRoot("a/../../b")),
    ])
    func whatKeepsNothingIsAProblem(text: String, problem: NotePathFilter.Problem) {
        #expect(throws: problem) { try NotePathFilter.glob(for: text) }
    }
}
