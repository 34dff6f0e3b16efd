import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct WikiLinkTableTests {
    @Test func escapedAliasBarInATable() {
        let note = TestSupport.parse("""
        | 노트 | 설명 |
        |---|---|
        | [[Note\\|alias]] | 첫째 |
        | [[TCP 연결#3-way\\|핸드셰이크]] | ![[그림.png\\|300]] |
        | [[Plain]] | [[Block#^blk\\|블록]] |
        """).note
        #expect(note.links.map(\.kind) == [.wiki, .wiki, .embed, .wiki, .wiki])
        #expect(note.links.map(\.target) == ["Note", "TCP 연결#3-way", "그림.png", "Plain", "Block#^blk"])
        #expect(note.links.map(\.text) == ["alias", "핸드셰이크", "300", "Plain", "블록"])
        #expect(note.links.map(\.location) == [
            SourceLocation(line: 3, column: 3), SourceLocation(line: 4, column: 3), SourceLocation(line: 4, column: 29),
            SourceLocation(line: 5, column: 3), SourceLocation(line: 5, column: 15),
        ])
        // The escaped bar does not split the cell.
        #expect(note.sections[0].text.contains("alias · 첫째"))
    }

    @Test func escapedBarOutsideATable() {
        let note = TestSupport.parse("문단 [[Note\\|alias]]\n").note
        #expect(note.links.map(\.target) == ["Note"])
        #expect(note.links.map(\.text) == ["alias"])
        #expect(note.links.first?.location == SourceLocation(line: 1, column: 4))
    }

    @Test func noLinksInCodeInsideTables() {
        let note = TestSupport.parse("""
        | 코드 | 링크 |
        |---|---|
        | `[[NotALink\\|x]]` | `[m](https://code.com)` |
        | `https://bare.com` | [[Real]] |
        """).note
        #expect(note.links.map(\.target) == ["Real"])
        #expect(note.references.isEmpty)
    }

    @Test func noLinksOfAnyKindInCode() {
        let note = TestSupport.parse("""
        인라인 `[[wiki]]` `![[embed]]` `[md](a.md)` `![img](a.png)` `<https://auto.com>` `https://bare.com` ``[[double]]``

        ```markdown
        [[wiki]] ![[embed]] [md](a.md) ![img](a.png) <https://auto.com> https://bare.com
        ```

        ~~~
        [[tilde]] https://tilde.com
        ~~~

            [[indented]] https://indented.com

        - 목록 안

          ```
          [[in-item]] https://in-item.com
          ```
        > ```
        > [[in-quote]] https://in-quote.com
        > ```
        """).note
        #expect(note.links.isEmpty)
        #expect(note.references.isEmpty)
        #expect(note.tags.isEmpty)
    }
}
