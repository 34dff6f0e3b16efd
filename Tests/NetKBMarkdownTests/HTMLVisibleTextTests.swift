import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct HTMLVisibleTextTests {
    private func lines(_ html: String) -> [(Int, String)] {
        var html = html
        return html.withUTF8 { HTMLVisibleText.lines(in: $0) }.map { ($0.line, String(decoding: $0.text, as: UTF8.self)) }
    }

    @Test(arguments: [
        // Inline elements join the text around them; others stand for a space.
        ("<b>흐름</b>제어와 <span>TCP</span>", "흐름제어와 TCP"),
        ("<td>TCP</td><td>UDP</td>", "TCP UDP"),
        ("왼쪽<br>오른쪽", "왼쪽 오른쪽"),
        ("<p   class=\"a>b\">속성 안의 &gt;</p>", "속성 안의 >"),
        // Comments, declarations and hidden elements are not text.
        ("앞<!-- 숨김 <b>x</b> -->뒤", "앞뒤"),
        ("<!DOCTYPE html><?xml version=\"1.0\"?>본문", "본문"),
        ("<script>var 비밀 = '<b>';</script>보임<style>p { color: red }</style>", "보임"),
        ("<template><p>틀</p></template>밖", "밖"),
        // Character references.
        ("TCP &amp; UDP &rarr; &lt;소켓&gt; &#49;&#x32;&#X33;", "TCP & UDP → <소켓> 123"),
        ("a&nbsp;&nbsp;b", "a b"),
        ("&bogus; &amp &#; &#x; &#12345678901;", "&bogus; &amp &#; &#x; &#12345678901;"),
        ("&#0;&#xD800;&#x110000;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        // No escape character comes from a reference, and a decoded line feed is a space.
        ("색&#27;[31m 빨강&#x81;끝", "색\u{FFFD}[31m 빨강\u{FFFD}끝"),
        // As browsers read them: 0x80-0x9F as Windows-1252, HTML 4's names (digits too).
        ("dash&#150;word quote&#146;s caf&eacute; &frac12; &Alpha;", "dash–word quote’s café ½ Α"),
        ("첫&#10;둘&#x9;셋", "첫 둘 셋"),
        // A `<` that opens no tag is text.
        ("1 < 2 <3 </ 끝", "1 < 2 <3 </ 끝"),
    ])
    func oneLine(html: String, expected: String) {
        let found = lines(html)
        #expect(found.map(\.1) == [expected])
        #expect(found.map(\.0) == [0])
    }

    @Test func eachLineKeepsItsSourceLine() {
        let found = lines("""
        <div>
        <!-- 여러 줄
        주석 -->
        첫째 줄은
        <a
          href="x">둘째</a> 줄
        </div>

        """)
        #expect(found.map(\.0) == [3, 5])
        #expect(found.map(\.1) == ["첫째 줄은", "둘째 줄"])
    }

    @Test func unclosedMarkupEndsWithTheText() {
        #expect(lines("보임 <!-- 끝나지 않는 주석\n또 한 줄").map(\.1) == ["보임"])
        #expect(lines("<script>\n숨김\n").isEmpty)
        #expect(lines("<p class=\"열린 따옴표>\n텍스트").isEmpty)
    }

    @Test func aLongBlockKeepsEveryLine() {
        let html = String(repeating: "<tr><td><b>셀</b></td><td>&amp;</td></tr>\n", count: 20_000)
        let found = lines(html)
        #expect(found.count == 20_000)
        #expect(found.last?.1 == "셀 &")
        #expect(found.last?.0 == 19_999)
    }
}

@Suite struct HTMLBlockSectionTextTests {
    @Test func aBRLineSwallowingAParagraphIsSearchableText() throws {
        // GitHub shows the paragraph after a `<br>` line as part of an HTML block: cmark-gfm
        // reports it as one, and its text used to be left out of the index.
        let note = TestSupport.parse("""
        # TDD

        <br>
        우리는 보통 설계를 한 이후
        코드를 <b>개발</b>한다.

        <details><summary>TCP &amp; UDP 차이</summary>

        본문은 Markdown이다.

        </details>
        """).note
        let section = note.sections[0]
        #expect(section.text.contains("우리는 보통 설계를 한 이후 코드를 개발한다."))
        #expect(section.text.contains("TCP & UDP 차이"))
        #expect(section.text.contains("본문은 Markdown이다."))
        #expect(!section.text.contains("<br>"))
        #expect(!section.text.contains("summary"))
        func line(of word: String) throws -> Int? {
            let range = try #require(section.text.range(of: word))
            return section.textMap.line(at: section.text.utf8.distance(from: section.text.startIndex, to: range.lowerBound))
        }
        #expect(try line(of: "우리는") == 4)
        #expect(try line(of: "코드를") == 5)
        #expect(try line(of: "TCP") == 7)
        #expect(try line(of: "본문은") == 9)
    }

    @Test func htmlWithoutTextAddsNothing() {
        let with = TestSupport.parse("# 제목\n\n앞 문단\n\n<br>\n\n<img src=\"a.png\">\n\n뒤 문단\n").note
        let without = TestSupport.parse("# 제목\n\n앞 문단\n\n뒤 문단\n").note
        #expect(with.sections.map(\.text) == without.sections.map(\.text))
    }

    @Test func wikiLinksAndTagsInHTMLAreText() {
        let note = TestSupport.parse("<div>\n[[다른 노트]] #태그\n</div>\n").note
        #expect(note.links.isEmpty)
        #expect(note.tags.isEmpty)
        #expect(note.sections[0].text == "[[다른 노트]] #태그")
    }
}
