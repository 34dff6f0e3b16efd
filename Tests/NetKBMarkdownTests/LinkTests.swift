import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct WikiLinkTests {
    @Test func wikiLinksAndEmbedsWithScalarColumns() throws {
        let note = TestSupport.parse("""
        # 위키
        한국어 문장 [[Target]] 그리고 [[Target#Heading]] 또 [[Target|별칭]]
        같은 줄 [[#Heading]] 블록 [[Target#^blockid]] 임베드 ![[그림.png]] 끝
        """).note
        let links = note.links
        #expect(links.map(\.kind) == [.wiki, .wiki, .wiki, .wiki, .wiki, .embed])
        #expect(links.map(\.target) == ["Target", "Target#Heading", "Target", "#Heading", "Target#^blockid", "그림.png"])
        #expect(links.map(\.text) == ["Target", "Target#Heading", "별칭", "#Heading", "Target#^blockid", "그림.png"])
        #expect(links.map(\.location) == [
            SourceLocation(line: 2, column: 8),
            SourceLocation(line: 2, column: 23),
            SourceLocation(line: 2, column: 44),
            SourceLocation(line: 3, column: 6),
            SourceLocation(line: 3, column: 22),
            SourceLocation(line: 3, column: 46),
        ])
        #expect(links.allSatisfy { $0.sectionIndex == 0 && !$0.isExternal })
        #expect(note.references.isEmpty)
        // The visible text shows the alias or the target, without brackets.
        #expect(note.sections[0].text == "위키\n한국어 문장 Target 그리고 Target#Heading 또 별칭 같은 줄 #Heading 블록 Target#^blockid 임베드 그림.png 끝")
        // `#Heading` inside a wiki link is not a tag.
        #expect(note.tags.isEmpty)
    }

    @Test func sameWikiLinkTwiceOnALineGetsTwoColumns() {
        let note = TestSupport.parse("한글 [[A]] 한글 [[A]]\n").note
        #expect(note.links.map(\.location.column) == [4, 13])
    }

    @Test func noWikiLinksInCode() {
        let note = TestSupport.parse("""
        코드 `[[NotALink]]` 와 [[Real]]

        ```
        [[AlsoNot]] ![[Nope]]
        ```

            [[IndentedCode]]
        """).note
        #expect(note.links.map(\.target) == ["Real"])
        #expect(note.links.first?.location == SourceLocation(line: 1, column: 21))
        // Code is visible text, as written.
        #expect(note.sections[0].text.contains("[[AlsoNot]] ![[Nope]]"))
        #expect(note.sections[0].text.contains("[[NotALink]]"))
    }

    @Test func malformedWikiLinksAreText() {
        let note = TestSupport.parse("[[]] [[a]b]] [[열림 그리고 [[닫힘]] [[|x]]\n").note
        #expect(note.links.map(\.target) == ["닫힘"])
        #expect(note.links.first?.location.column == 23)
    }

    @Test func wikiLinksInHeadingsTablesAndQuotes() {
        let note = TestSupport.parse("""
        ## 제목 [[H]]
        | 열 | 값 |
        |---|---|
        | 가 | [[T]] |
        > 인용 ![[Q]]
        """).note
        #expect(note.sections[0].headingPath == ["제목 H"])
        #expect(note.links.map(\.location) == [
            SourceLocation(line: 1, column: 7), SourceLocation(line: 4, column: 7), SourceLocation(line: 5, column: 6),
        ])
        #expect(note.links.map(\.kind) == [.wiki, .wiki, .embed])
    }
}

@Suite struct MarkdownLinkTests {
    @Test func markdownLinksImagesAndAutolinks() throws {
        let note = TestSupport.parse("""
        # 링크
        한국어 [설명 *강조*](https://a.com/x "제목") 그리고 ![그림 설명](img/a.png)
        <https://angle.com/p> 와 https://bare.com/q 와 www.example.com 와 <me@example.com>
        [https://same.com](https://same.com) [상대](../other.md#part)
        """).note
        let links = note.links
        #expect(links.map(\.kind) == [.markdown, .image, .autolink, .autolink, .autolink, .autolink, .markdown, .markdown])
        #expect(links.map(\.target) == [
            "https://a.com/x", "img/a.png", "https://angle.com/p", "https://bare.com/q", "http://www.example.com",
            "mailto:me@example.com", "https://same.com", "../other.md#part",
        ])
        #expect(links.map(\.text) == [
            "설명 강조", "그림 설명", "https://angle.com/p", "https://bare.com/q", "www.example.com",
            "me@example.com", "https://same.com", "상대",
        ])
        #expect(links.map(\.location) == [
            SourceLocation(line: 2, column: 5), SourceLocation(line: 2, column: 41),
            SourceLocation(line: 3, column: 1), SourceLocation(line: 3, column: 25),
            SourceLocation(line: 3, column: 46), SourceLocation(line: 3, column: 64),
            SourceLocation(line: 4, column: 1), SourceLocation(line: 4, column: 38),
        ])
        // Link and alt text are visible; URLs are not.
        #expect(note.sections[0].text == "링크\n한국어 설명 강조 그리고 그림 설명 와 와 와 상대")
    }

    @Test func bareURLColumnAfterKoreanText() {
        // cmark reports 0:0 for bare URLs; the column comes from the source line.
        let note = TestSupport.parse("- 목록\n\t- 한국어 설명 https://example.com/경로?q=1 뒤\n").note
        let link = note.links.first
        #expect(link?.kind == .autolink)
        #expect(link?.target == "https://example.com/경로?q=1")
        #expect(link?.location == SourceLocation(line: 2, column: 11))
    }

    @Test func lazyContinuationLineColumns() {
        let note = TestSupport.parse("""
        > 인용문 첫 줄
        게으른 줄 [링크](https://lazy.com) https://bare.com
        - 항목
        게으른 항목 ![](https://img.com/a.png)
        """).note
        #expect(note.links.map(\.location) == [
            SourceLocation(line: 2, column: 7), SourceLocation(line: 2, column: 30), SourceLocation(line: 4, column: 8),
        ])
    }

    @Test func repeatedURLsOnOneLineGetTheirOwnColumns() {
        let note = TestSupport.parse("https://a.com 그리고 https://a.com [x](https://a.com) https://a.com\n").note
        #expect(note.links.map(\.location.column) == [1, 19, 33, 52])
        #expect(note.links.map(\.kind) == [.autolink, .autolink, .markdown, .autolink])
    }

    @Test func referenceStyleLinksAndBracketsInText() {
        let note = TestSupport.parse("""
        [참고] 아님 [정의][ref] 그리고 [직접](https://d.com)

        [ref]: https://ref.com
        """).note
        #expect(note.links.map(\.target) == ["https://ref.com", "https://d.com"])
        #expect(note.links.map(\.location.column) == [9, 23])
    }

    @Test func imageInsideLink() {
        let note = TestSupport.parse("앞 [![배지](https://badge.svg)](https://project.com) 뒤\n").note
        #expect(note.links.map(\.kind) == [.markdown, .image])
        #expect(note.links.map(\.location.column) == [3, 4])
        #expect(note.links.map(\.text) == ["배지", "배지"])
    }

    @Test func multiLineLinkText() {
        let note = TestSupport.parse("한국어 [여러\n줄 링크](https://m.com) 다음 https://n.com\n").note
        #expect(note.links.map(\.location) == [SourceLocation(line: 1, column: 5), SourceLocation(line: 2, column: 25)])
        #expect(note.links.first?.text == "여러 줄 링크")
    }

    @Test func linksInCodeAreNotLinks() {
        let note = TestSupport.parse("`https://code.com` 와 `[x](y)`\n\n```\nhttps://block.com\n```\n").note
        #expect(note.links.isEmpty)
    }

    @Test func htmlTagsAreNotText() {
        let note = TestSupport.parse("<div>\n블록 <b>html</b>\n</div>\n\n문단 <span title=\"x\">안</span> 끝 [l](https://l.com)\n").note
        #expect(note.sections[0].text == "블록 html\n문단 안 끝 l")
        #expect(note.links.first?.location == SourceLocation(line: 5, column: 31))
    }
}

@Suite struct ReferenceTests {
    @Test func descriptionsFromTheItemOrItsNestedItem() throws {
        let note = TestSupport.parse("""
        - [쉬운코드](https://youtube.com/a) - 네트워크 시리즈
        - https://youtube.com/b
          - 쉬운코드 시리즈
          - 두번째 하위 항목
        - 설명이 앞에: https://c.com
        - https://d.com
        - 참고 자료 (https://e.com)
        - [같음](https://f.com)
        - 문단 안의 https://g.com 링크
        - ![그림](https://img.com/x.png)
        - [[위키]] 내부 링크
        """).note
        let references = note.references.filter { !$0.isImage }
        #expect(references.map(\.url) == [
            "https://youtube.com/a", "https://youtube.com/b", "https://c.com", "https://d.com", "https://e.com",
            "https://f.com", "https://g.com",
        ])
        #expect(references.map(\.label) == ["쉬운코드", nil, nil, nil, nil, "같음", nil])
        #expect(references.map(\.description) == [
            "네트워크 시리즈", "쉬운코드 시리즈; 두번째 하위 항목", "설명이 앞에", nil, "참고 자료", nil, "문단 안의 https://g.com 링크",
        ])
        // An image is a reference only on request (`refs --images`): its alt text is its label.
        let image = try #require(note.references.first { $0.isImage })
        #expect(image.url == "https://img.com/x.png" && image.label == "그림" && image.description == nil)
        #expect(references.map(\.location.line) == [1, 2, 5, 6, 7, 8, 9])
        #expect(references.map(\.location.column) == [3, 3, 11, 3, 10, 3, 9])
    }

    @Test func paragraphReferencesAndSections() {
        let note = TestSupport.parse("""
        머리말 https://intro.com

        # 하나
        본문에서 [문서](https://doc.com)를 참고.
        """).note
        #expect(note.sections.map(\.level) == [0, 1])
        #expect(note.references.map(\.sectionIndex) == [0, 1])
        // The link's words stay in the sentence around it.
        #expect(note.references.map(\.description) == ["머리말", "본문에서 문서를 참고."])
        #expect(note.references[1].label == "문서")
    }

    @Test func onlyHTTPLinksAreReferences() {
        let note = TestSupport.parse("연락: <me@example.com> [js](javascript:alert(1)) [d](data:text/plain,x) [m](mailto:a@b.c) <ftp://f.org/x>\n").note
        #expect(note.references.isEmpty)
        #expect(note.links.count == 5)
    }
}

@Suite struct MultiLineInlineTests {
    @Test func codeSpansAndHTMLAcrossLines() {
        let note = TestSupport.parse("앞 `코\n드` 뒤 <span\nx=\"1\"> 끝 [l](https://u.com) [[w]]\n").note
        #expect(note.links.map(\.location) == [SourceLocation(line: 3, column: 10), SourceLocation(line: 3, column: 29)])
        #expect(note.sections[0].text == "앞 코 드 뒤 끝 l w")
    }
}

@Suite struct TableTests {
    @Test func paragraphRightAboveATableKeepsItsLines() {
        // cmark-gfm's table extension leaves this paragraph without a source position.
        let note = TestSupport.parse("""
        # 표

        설명 [[위키]] #태그
        둘째 줄 https://a.com
        | 열 | 링크 |
        |---|---|
        | 값 | [라벨](https://b.com) |
        """).note
        #expect(note.links.map(\.location) == [
            SourceLocation(line: 3, column: 4), SourceLocation(line: 4, column: 6), SourceLocation(line: 7, column: 7),
        ])
        #expect(note.tags == [Tag(name: "태그", line: 3)])
        #expect(note.sections[0].text == "표\n설명 위키 #태그 둘째 줄\n열 · 링크\n값 · 라벨")
        #expect(note.references.map(\.description) == ["설명 위키 #태그 둘째 줄", "값"])
    }
}

@Suite struct LinkTextTests {
    @Test func relativeLinkWhoseTextIsItsTargetStaysVisible() {
        let note = TestSupport.parse("보기 [notes](notes) 와 [https://x.com](https://x.com)\n").note
        #expect(note.sections[0].text == "보기 notes 와")
        #expect(note.links.map(\.kind) == [.markdown, .markdown])
        #expect(note.links.map(\.text) == ["notes", "https://x.com"])
    }

    @Test func severalCitedLinksInOneItemShareItsText() {
        let note = TestSupport.parse("- [가](https://a.com) - 첫 설명, [나](https://b.com): 둘째 설명\n").note
        #expect(note.references.map(\.description) == ["첫 설명", "둘째 설명"])
        #expect(note.references.map(\.label) == ["가", "나"])
    }
}

@Suite struct BareURLParticleTests {
    /// A Korean particle written straight after a bare URL ends the URL; a URL in `<…>` or in
    /// `[…](…)` is kept whole, as its writer marked its end.
    @Test func particleAfterABareURLIsNotPartOfIt() {
        let note = TestSupport.parse("""
        # 배포
        https://travis-ci.org/에서 GitHub Login 을 한다
        http://myweb/users와 같은 URI, www.example.com/a로 간다
        <https://example.com/b에서> 와 [https://example.com/c에서](https://example.com/c에서)
        https://ko.wikipedia.org/wiki/라우터 를 보라
        """).note
        #expect(note.links.map(\.target) == [
            "https://travis-ci.org/", "http://myweb/users", "http://www.example.com/a",
            "https://example.com/b에서", "https://example.com/c에서", "https://ko.wikipedia.org/wiki/라우터",
        ])
        #expect(note.links.map(\.location.column) == [1, 1, 29, 1, 29, 1])
        #expect(note.references.map(\.url) == note.links.map(\.target))
        #expect(note.references.map(\.normalizedURL) == [
            "https://travis-ci.org/", "http://myweb/users", "http://example.com/a",
            "https://example.com/b에서", "https://example.com/c에서", "https://ko.wikipedia.org/wiki/라우터",
        ])
    }
}
