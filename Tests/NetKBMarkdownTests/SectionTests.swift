import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct SectionTests {
    @Test func headingPathsPopDeeperHeadings() {
        let note = TestSupport.parse("""
        # 하나
        ## 둘
        #### 넷
        ### 셋
        ## 둘 다시
        # 새 하나
        ### 바로 셋
        """).note
        #expect(note.sections.map(\.headingPath) == [
            ["하나"], ["하나", "둘"], ["하나", "둘", "넷"], ["하나", "둘", "셋"], ["하나", "둘 다시"], ["새 하나"],
            ["새 하나", "바로 셋"],
        ])
        #expect(note.sections.map(\.level) == [1, 2, 4, 3, 2, 1, 3])
        #expect(note.sections.map(\.startLine) == [1, 2, 3, 4, 5, 6, 7])
        #expect(note.sections.map(\.endLine) == [1, 2, 3, 4, 5, 6, 7])
    }

    @Test func setextHeadings() {
        let note = TestSupport.parse("""
        큰 제목
        =====

        본문

        작은 제목
        ---
        끝
        """).note
        #expect(note.sections.map(\.headingPath) == [["큰 제목"], ["큰 제목", "작은 제목"]])
        #expect(note.sections.map(\.level) == [1, 2])
        #expect(note.sections.map(\.startLine) == [1, 6])
        #expect(note.sections.map(\.endLine) == [4, 8])
        #expect(note.sections.map(\.text) == ["큰 제목\n본문", "작은 제목\n끝"])
        #expect(note.title == "큰 제목")
    }

    @Test func preambleSection() {
        let note = TestSupport.parse("""

        머리말 첫 문단
        둘째 줄

        # 제목
        본문
        """).note
        #expect(note.sections.count == 2)
        let preamble = note.sections[0]
        #expect(preamble.level == 0)
        #expect(preamble.headingPath == [])
        #expect(preamble.heading == "")
        #expect(preamble.startLine == 2)
        #expect(preamble.endLine == 3)
        #expect(preamble.text == "머리말 첫 문단 둘째 줄")
    }

    @Test func preambleWithoutVisibleTextIsDropped() {
        let note = TestSupport.parse("<!-- 주석 -->\n\n---\n\n# 제목\n[[L]]\n").note
        #expect(note.sections.map(\.level) == [1])
        #expect(note.links.first?.sectionIndex == 0)
    }

    @Test func preambleWithOnlyALinkIsKeptForTheLink() {
        let note = TestSupport.parse("https://only.com\n\n# 제목\n").note
        #expect(note.sections.map(\.level) == [0, 1])
        #expect(note.sections[0].text == "")
        #expect(note.links.map(\.sectionIndex) == [0])
    }

    @Test func sectionEndsSkipTrailingBlankLines() {
        let note = TestSupport.parse("# 하나\n본문\n\n\n\n# 둘\n\n끝\n\n\n").note
        #expect(note.sections.map(\.endLine) == [2, 8])
    }

    @Test func blockTextSeparatedByNewlines() {
        let note = TestSupport.parse("""
        # 제목
        첫 문단 **굵게** _기울임_ ~~취소~~ `코드`
        이어지는 줄  
        강제 줄바꿈

        - 항목 하나
        - [ ] 할 일
          1. 중첩 번호

        > 인용

        | 이름 | 설명 |
        |:--|--:|
        | TCP | 신뢰성 |
        | UDP |  |

        ```swift
        let 값 = 1

        print(값)
        ```

        ---
        <div>숨김</div>
        """).note
        #expect(note.sections.count == 1)
        #expect(note.sections[0].text == """
        제목
        첫 문단 굵게 기울임 취소 코드 이어지는 줄 강제 줄바꿈
        항목 하나
        할 일
        중첩 번호
        인용
        이름 · 설명
        TCP · 신뢰성
        UDP
        let 값 = 1

        print(값)
        숨김
        """)
    }

    @Test func headingsInsideListsAndQuotesAreSections() {
        let note = TestSupport.parse("- # 목록 속 제목\n> ## 인용 속 제목\n").note
        #expect(note.sections.map(\.headingPath) == [["목록 속 제목"], ["목록 속 제목", "인용 속 제목"]])
    }

    @Test func footnotesStayInTheirSection() {
        let note = TestSupport.parse("""
        # 하나
        본문[^1] https://a.com

        [^1]: 각주 [[위키]] #태그

        # 둘
        끝 https://b.com
        """).note
        #expect(note.sections.map(\.text) == ["하나\n본문\n각주 위키 #태그", "둘\n끝"])
        #expect(note.links.map(\.location) == [
            SourceLocation(line: 2, column: 8), SourceLocation(line: 4, column: 10), SourceLocation(line: 7, column: 3),
        ])
        #expect(note.links.map(\.sectionIndex) == [0, 0, 1])
        #expect(note.tags == [Tag(name: "태그", line: 4)])
    }
}

@Suite struct TagTests {
    @Test func inlineTags() {
        let note = TestSupport.parse("""
        # 제목 #머리태그
        본문 #네트워크 그리고 #tcp/handshake, (#괄호) #under_score #dash-ed #1 #2024년
        C#x a#b ##double &#35;entity `#code` [#링크텍스트](https://x.com) https://u.com/#frag
        #줄시작 #trailing/ 「#한자괄호」 #
        """).note
        #expect(note.tags.map(\.name) == [
            "머리태그", "네트워크", "tcp/handshake", "괄호", "under_score", "dash-ed", "2024년", "줄시작", "trailing",
            "한자괄호",
        ])
        #expect(note.tags.map(\.line) == [1, 2, 2, 2, 2, 2, 2, 4, 4, 4])
    }

    @Test func frontMatterTagsFirstAndDuplicatesOnALineDropped() {
        let note = TestSupport.parse("---\ntags: [a]\n---\n#a #a\n#b\n").note
        #expect(note.tags == [Tag(name: "a", line: 1), Tag(name: "a", line: 4), Tag(name: "b", line: 5)])
    }

    @Test func headingMarkerIsNotATag() {
        let note = TestSupport.parse("#제목아님\n# 제목\n## 둘 ##\n").note
        // `#제목아님` is a paragraph with a tag (no space after #); the real headings have none.
        #expect(note.tags.map(\.name) == ["제목아님"])
        #expect(note.sections.map(\.heading) == ["", "제목", "둘"])
        #expect(note.sections.map(\.level) == [0, 1, 2])
    }
}

@Suite struct EscapeTests {
    @Test func escapedTagsAndWikiLinksAreText() {
        let note = TestSupport.parse("앞 \\#아님 &#35;엔티티 #진짜 \\[\\[아님]] [[진짜]]\n").note
        #expect(note.tags.map(\.name) == ["진짜"])
        #expect(note.links.map(\.target) == ["진짜"])
        #expect(note.links.first?.location == SourceLocation(line: 1, column: 30))
        #expect(note.sections[0].text == "앞 #아님 #엔티티 #진짜 [[아님]] 진짜")
    }
}
