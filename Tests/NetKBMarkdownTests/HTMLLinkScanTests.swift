import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct HTMLLinkScanTests {
    private func found(_ html: String) -> [HTMLLinkScan.Found] {
        var html = html
        return html.withUTF8 { HTMLLinkScan.links(in: $0) }
    }

    @Test func imagesAndLinksWithTheirText() throws {
        let html = """
        <p align="center"><IMG width=400 SRC='images/tcp.png' alt="TCP &amp; UDP"></p>
        <a href=" https://example.com/a?x=1&amp;y=2 "><b>예제</b> 링크</a>
        """
        let offset = { (tag: String) throws -> Int in
            html.utf8.distance(from: html.startIndex, to: try #require(html.range(of: tag)).lowerBound)
        }
        #expect(found(html) == [
            .init(offset: try offset("<IMG"), end: try offset("</p>"), isImage: true, target: "images/tcp.png", text: "TCP & UDP"),
            .init(offset: try offset("<a "), end: try offset("<b>"), isImage: false, target: "https://example.com/a?x=1&y=2", text: "예제 링크"),
        ])
    }

    @Test(arguments: [
        "<!-- <img src=\"hidden.png\"> -->",
        "<script>let s = '<a href=\"x.md\">'</script>",
        "<img src=\"\"><a href=\"  \">빈 값</a><a name=\"anchor\">",
        "<div data-src=\"x.png\"><link href=\"style.css\"></div>",
    ])
    func noLinkFrom(html: String) {
        #expect(found(html).isEmpty)
    }

    @Test(arguments: [("</a>", true), ("</A  >", true), ("</abbr>", false), ("</a", true), ("<a>", false), ("</ a>", false)])
    func linkEnd(html: String, isEnd: Bool) {
        var html = html
        #expect(html.withUTF8 { HTMLScanning.isClosingTag($0, named: "a") } == isEnd)
    }

    @Test func hiddenContentMakesNoLinksAndURLsLoseLineBreaks() {
        #expect(found("<template><img src=\"tmpl.png\"></template><textarea><img src=\"ta.png\"></textarea>").isEmpty)
        #expect(found("<a href=\"very/\n\tlong.md\">nl</a> <img src=\"a.png\" alt=\"두\n줄\">").map(\.target) == ["very/long.md", "a.png"])
    }

    @Test func anOpeningTagAloneHasNoText() {
        // Inline HTML hands one tag at a time: `<a href="…">` alone.
        #expect(found("<a href=\"b.md\">").map(\.text) == [""])
    }

    @Test func aLinkNeverClosedHasNoText() {
        // Links cannot nest: the next `<a` ends the search for the `</a>` of the one before.
        #expect(found("<a href=\"a.md\">A <a href=\"b.md\">B</a>").map(\.text) == ["", "B"])
        #expect(found("<a href=\"a.md\">" + String(repeating: "긴 글 ", count: 2_000) + "</a>").map(\.text) == [""])
    }

    @Test func manyUnclosedLinksAreAllFound() {
        let links = found(String(repeating: "<a href=\"n.md\">링크 ", count: 20_000))
        #expect(links.count == 20_000)
        #expect(links.allSatisfy { $0.text.isEmpty && $0.target == "n.md" })
    }
}

@Suite struct HTMLLinksInNotesTests {
    @Test func eachHTMLLinkIsALinkWhereItsTagStands() {
        let parsed = TestSupport.parse("""
        # 그림

        <img src="images/ok.png" width="400">
        <img src="images/missing.png" alt="없는 그림" style="zoom:50%;" />

        문단 <img src="images/inline.png"> 과 <a href="https://example.com/a?x=1&amp;y=2">예제</a>

        > <a href="other.md#제목">다른 노트</a>
        """)
        let links = parsed.note.links
        #expect(links.map(\.kind) == Array(repeating: .html, count: 5))
        #expect(links.map(\.target) == ["images/ok.png", "images/missing.png", "images/inline.png", "https://example.com/a?x=1&y=2", "other.md#제목"])
        #expect(links.map(\.location) == [
            SourceLocation(line: 3, column: 1), SourceLocation(line: 4, column: 1), SourceLocation(line: 6, column: 4),
            SourceLocation(line: 6, column: 36), SourceLocation(line: 8, column: 3),
        ])
        #expect(links.map(\.text) == ["", "없는 그림", "", "예제", "다른 노트"])
        #expect(parsed.note.references.map(\.label) == ["예제"])
        // The http(s) link is a reference; images and notes are not.
        #expect(parsed.note.references.map(\.url) == ["https://example.com/a?x=1&y=2"])
        #expect(links.map(\.isExternal) == [false, false, false, true, false])
    }

    @Test func inlineScriptAndTemplateMakeNoLinks() {
        let note = TestSupport.parse("""
        글 <script>document.write('<img src="script.png">')</script> 과 <template><img src="tmpl.png"></template> 뒤 <img src="shown.png">

        다음 문단 <img src="next.png">
        """).note
        #expect(note.links.map(\.target) == ["shown.png", "next.png"])
    }

    @Test func manyTagsOnOneLineKeepTheirColumns() {
        let tags = (0..<2_000).map { "<img src=\"m\($0 % 7).png\">" }
        let note = TestSupport.parse("# I\n\n<div>" + tags.joined() + "</div>\n").note
        var column = 6
        var expected: [Int] = []
        for tag in tags {
            expected.append(column)
            column += tag.unicodeScalars.count
        }
        #expect(note.links.map(\.location.column) == expected)
        #expect(Set(note.links.map(\.location.line)) == [3])
    }

    @Test func aTagInACommentBeforeItIsNotTakenForIt() {
        let note = TestSupport.parse("# T\n\n<p align=\"center\"><!-- 옛 그림 <img src=\"d.png\"> --> <img src=\"d.png\">\n</p>\n").note
        #expect(note.links.map(\.location) == [SourceLocation(line: 3, column: 51)])
    }

    @Test func aParagraphAfterAOneLineHTMLBlockAndBeforeATableKeepsItsLine() {
        // cmark-gfm reports `<style>x</style>` as ending on the line before it (3:1-2:0), and
        // the paragraph the table extension splits off has no line of its own.
        let note = TestSupport.parse("# T\n\n<style>x</style>\ntext [l](x.md) <img src=\"i.png\">\n| a | b |\n|---|---|\n| c | d |\n").note
        #expect(note.links.map(\.location) == [SourceLocation(line: 4, column: 6), SourceLocation(line: 4, column: 16)])
    }
}
