import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct BlockIDTests {
    @Test func paragraphsAndListItems() {
        let note = TestSupport.parse("""
        # 블록

        TCP는 연결 지향이다. ^tcp-def

        여러 줄 문단
        마지막 줄에 ^multi-line

        - 항목 하나 ^item-1
        - 항목 둘
          - 중첩 항목 ^nested
        1. 번호 ^ordered

        > 인용문 ^quote

        | a | b |
        |---|---|
        | 1 | 2 |

        ^after-table
        """).note
        #expect(note.blockIDs == ["tcp-def", "multi-line", "item-1", "nested", "ordered", "quote", "after-table"])
    }

    @Test func onlyTheLastLineOfAParagraphCounts() {
        let note = TestSupport.parse("첫 줄 ^not-last\n둘째 줄\n\n문단\n^standalone\n").note
        #expect(note.blockIDs == ["standalone"])
    }

    @Test(arguments: [
        "붙은^glued",
        "밑줄 ^under_score",
        "점 ^dot.id",
        "`코드 ^in-code`",
        "한글 ^한글",
        "빈 ^",
    ])
    func notBlockIDs(line: String) {
        #expect(TestSupport.parse(line + "\n").note.blockIDs.isEmpty)
    }

    @Test func neverFromCodeOrHeadings() {
        let note = TestSupport.parse("""
        ## 제목 ^heading

        ```
        코드 ^fenced
        ```

            들여쓴 코드 ^indented

        | 표 ^cell | b |
        |---|---|
        """).note
        #expect(note.blockIDs.isEmpty)
    }

    @Test func duplicatesOnce() {
        let note = TestSupport.parse("가 ^same\n\n나 ^same\n\n다 ^other\n").note
        #expect(note.blockIDs == ["same", "other"])
    }

    @Test func aParagraphRightAboveATable() {
        // cmark-gfm's table extension leaves this paragraph without a source position.
        let note = TestSupport.parse("설명\n끝 ^above\n| a | b |\n|---|---|\n| 1 | 2 |\n").note
        #expect(note.blockIDs == ["above"])
    }

    @Test func theIDStaysInTheSectionTextAsWritten() {
        // Left as written: a search for the id finds its paragraph, and the words are intact.
        let note = TestSupport.parse("# 정의\nTCP는 연결 지향이다. ^tcp-def\n").note
        #expect(note.sections[0].text == "정의\nTCP는 연결 지향이다. ^tcp-def")
        #expect(note.tags.isEmpty)
    }
}
