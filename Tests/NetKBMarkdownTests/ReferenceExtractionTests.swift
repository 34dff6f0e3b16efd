import Foundation
import Testing
import NetKBCore
@testable import NetKBMarkdown

/// Which links are references, their labels and descriptions, and bad input.
@Suite struct ReferenceExtractionTests {
    func references(_ text: String) -> [Reference] {
        TestSupport.parse(text).note.references
    }

    @Test func everyFormOfHTTPLink() {
        let found = references("""
        - 맨 URL https://a.com/x
        - <https://b.com/y> 꺾쇠
        - [라벨](https://c.com/z) 인라인
        - [참조][c] 참조식
        - [https://e.com](https://e.com) 주소가 곧 글
        - ![그림](https://f.com/i.png)

        [c]: https://d.com/r
        """)
        #expect(found.map(\.url) == ["https://a.com/x", "https://b.com/y", "https://c.com/z", "https://d.com/r", "https://e.com", "https://f.com/i.png"])
        #expect(found.map(\.label) == [nil, nil, "라벨", "참조", nil, "그림"])
        #expect(found.map(\.description) == ["맨 URL", "꺾쇠", "인라인", "참조식", "주소가 곧 글", nil])
        #expect(found.map(\.isImage) == [false, false, false, false, false, true])
    }

    @Test func urlsWithSpaces() {
        let found = references("- [띄어쓰기](<https://a.com/a b.pdf>) 자료\n- https://b.com/a b\n")
        #expect(found.map(\.url) == ["https://a.com/a b.pdf", "https://b.com/a"])
        #expect(found.map(\.normalizedURL) == ["https://a.com/a%20b.pdf", "https://b.com/a"])
        #expect(found[1].description == "b", "a bare URL ends at the space; the rest is text")
    }

    @Test func parenthesesInURLs() {
        let found = references("""
        - https://en.wikipedia.org/wiki/TCP_(protocol)
        - (참고: https://en.wikipedia.org/wiki/UDP_(protocol))
        - [TCP](https://en.wikipedia.org/wiki/TCP_(protocol)) 위키
        - https://en.wikipedia.org/wiki/IP_(protocol 닫는 괄호 없음
        """)
        #expect(found.map(\.url) == [
            "https://en.wikipedia.org/wiki/TCP_(protocol)", "https://en.wikipedia.org/wiki/UDP_(protocol)",
            "https://en.wikipedia.org/wiki/TCP_(protocol)", "https://en.wikipedia.org/wiki/IP_(protocol",
        ])
        #expect(found[0].normalizedURL == found[2].normalizedURL)
        #expect(found.map(\.description) == [nil, "참고", "위키", "닫는 괄호 없음"])
    }

    @Test func internationalHostsAndPercentEncodedHangul() throws {
        let found = references("""
        - https://한국어.kr/경로 한글 도메인
        - https://ko.wikipedia.org/wiki/%EC%A0%84%EC%86%A1_%EA%B3%84%EC%B8%B5 인코딩된
        - https://ko.wikipedia.org/wiki/전송_계층 그대로
        """)
        #expect(found.count == 3)
        #expect(found[0].domain == "한국어.kr")
        #expect(found[1].normalizedURL == found[2].normalizedURL, "percent-encoded Hangul is the same page")
        #expect(found[1].domain == "wikipedia.org")
    }

    @Test func aHundredKilobyteURL() throws {
        let url = "https://a.com/" + String(repeating: "가", count: 34_000)
        let found = references("- \(url) 긴 주소\n- [짧은](https://b.com) 다음\n")
        #expect(found.count == 2)
        #expect(found.first?.url == url)
        #expect(found.first?.description == "긴 주소")
        #expect(found.last?.location.line == 2)
    }

    @Test func aListNestedAThousandDeep() throws {
        var text = "- https://top.com 맨 위\n"
        for level in 1...1_000 {
            text += String(repeating: "  ", count: level) + "- 단계 \(level)\n"
        }
        text += String(repeating: "  ", count: 1_001) + "- https://deep.com\n"
        text += String(repeating: "  ", count: 1_002) + "- 가장 깊은 설명\n"
        let found = references(text)
        #expect(found.map(\.url) == ["https://top.com", "https://deep.com"])
        #expect(found[0].description == "맨 위; 단계 1", "only the item right under it")
        #expect(found[1].description == "가장 깊은 설명")
        #expect(found[1].location.line == 1_002)
    }

    @Test func badgesAndListsOfLinksAreNotSentences() {
        // gyoogle's README: a line of badges, one of them a link inside the page; a list of links.
        let found = references("""
        [![Hits](https://hits.com/b.svg)](https://hits.com)
        [![All Contributors](https://img.com/c.svg)](#contributors)
        [![PRs Welcome](https://img.com/p.svg)](http://makeapullrequest.com)

        - [참고 자료] : [링크1](https://a.com), [링크2](https://b.com)
        """).filter { !$0.isImage }
        #expect(found.map(\.label) == ["Hits", "PRs Welcome", "링크1", "링크2"])
        #expect(found.map(\.description) == [nil, nil, "참고 자료", nil])
    }

    @Test func neverJavascriptDataOrMail() {
        #expect(references("[a](javascript:alert(1)) [b](data:text/html,x) <mailto:me@x.com> me@y.com [c](HTTP://C.COM)\n").map(\.url) == ["HTTP://C.COM"])
    }

    @Test func linkTextInsideADescriptionStays() {
        let found = references("""
        - 강의는 [쉬운코드](https://a.com)와 [널널한 개발자](https://b.com)가 좋다

        표를 보면 [RFC 793](https://rfc.com)에 나온 상태가 있다. 다른 문장.
        """)
        // Both links are part of one sentence: each has the sentence, both names in it.
        #expect(found.map(\.description) == ["강의는 쉬운코드와 널널한 개발자가 좋다", "강의는 쉬운코드와 널널한 개발자가 좋다", "표를 보면 RFC 793에 나온 상태가 있다."])
    }
}
