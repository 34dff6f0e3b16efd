import Testing
@testable import NetKBCore

@Suite("Path segments")
struct PathSegmentsTests {
    @Test(arguments: [
        ("a/b.md", false, false),
        ("...", false, false),
        (".md/x", false, false),
        ("a/./b", true, false),
        ("a/..", true, false),
        ("..", true, false),
        ("/a/b", false, true),
        ("a/", false, true),
        ("a//b", false, true),
        ("", false, true),
        ("/../x", true, true),
        ("소켓/.한/b", false, false),
    ])
    func segments(path: String, dot: Bool, empty: Bool) {
        let segments = PathSegments(path)
        #expect(segments.hasDotSegment == dot)
        #expect(segments.hasEmptySegment == empty)
    }
}
