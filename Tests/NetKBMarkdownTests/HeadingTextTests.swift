import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct HeadingTextTests {
    @Test func explicitIDStaysInTheHeadingText() {
        let note = TestSupport.parse("""
        # TCP 연결 {#tcp-open}
        ## 3-way *handshake* {#three-way}
        본문
        """).note
        #expect(note.sections.map(\.heading) == ["TCP 연결 {#tcp-open}", "3-way handshake {#three-way}"])
        #expect(note.title == "TCP 연결 {#tcp-open}")
        // The core splits it off.
        let catalog = CatalogNote(note: note)
        #expect(catalog.headings.map(\.text) == ["TCP 연결", "3-way handshake"])
        #expect(catalog.headings.map(\.explicitID) == ["tcp-open", "three-way"])
        #expect(catalog.anchorIDs == ["tcp-open", "three-way"])
    }

    @Test func explicitIDIsNotATag() {
        let note = TestSupport.parse("## 소켓 #network {#sock}\n## 점 {#a.b}\n본문 {#prose-tag}\n").note
        #expect(note.tags.map(\.name) == ["network", "prose-tag"])
    }

    @Test(arguments: [
        ("## !!!", "!!!"),
        ("## 🚀", "🚀"),
        ("## 🎉 🎉", "🎉 🎉"),
        ("## ...", "..."),
        ("## (?)", "(?)"),
        ("## -", "-"),
        ("## `?`", "?"),
    ])
    func punctuationAndEmojiHeadingsKeepTheirText(line: String, heading: String) {
        let note = TestSupport.parse(line + "\n본문\n").note
        #expect(note.sections.map(\.heading) == [heading])
        #expect(note.sections.first?.level == 2)
    }

    @Test func aHeadingOfOnlyAClosingSequenceIsEmpty() {
        // `## #` is an empty heading in CommonMark: the `#` closes it.
        let note = TestSupport.parse("## #\n본문\n").note
        #expect(note.sections.map(\.heading) == [""])
        #expect(note.sections.map(\.level) == [2])
    }
}
