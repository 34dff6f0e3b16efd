import Testing
@testable import NetKBMarkdown

/// Markup cmark leaves as text is not part of what a reader sees, nor of the indexed text.
@Suite struct LeftoverMarkupTests {
    func visible(_ text: String) -> String {
        String(decoding: LeftoverMarkup.visible(Array(text.utf8)), as: UTF8.self)
    }

    @Test(arguments: [
        // Emphasis cmark could not pair: punctuation inside, a Korean particle right after.
        ("**'해시 테이블'**을 이용해", "'해시 테이블'을 이용해"),
        ("바로 **'데이터 계산 시점'**이다.", "바로 '데이터 계산 시점'이다."),
        ("(이를 **폴링(Polling)**이라고 한다", "(이를 폴링(Polling)이라고 한다"),
        ("*'강조'*는", "'강조'는"),
        ("__'밑줄'__을", "'밑줄'을"),
        ("~~'취소'~~를", "'취소'를"),
        ("***\"둘 다\"***와", "\"둘 다\"와"),
        // Emoji shortcodes.
        (":arrow_double_up: 위로", "위로"),
        ("앞 :rocket: 뒤", "앞 뒤"),
        ("좋아요 :+1:", "좋아요 "),
        // Left as they are.
        ("a * b * c", "a * b * c"),
        ("*.md 와 *.txt", "*.md 와 *.txt"),
        ("2**10", "2**10"),
        ("**", "**"),
        ("snake_case_name", "snake_case_name"),
        ("a__b", "a__b"),
        ("std::map 과 a:b:c", "std::map 과 a:b:c"),
        ("시각 10:30:00", "시각 10:30:00"),
        ("https://example.com/:path:", "https://example.com/:path:"),
        ("key :Value: 대문자", "key :Value: 대문자"),
        ("한 글자 :a: 는 그대로", "한 글자 :a: 는 그대로"),
    ])
    func leftoverMarkupIsDropped(text: String, expected: String) {
        #expect(visible(text) == expected)
    }

    @Test func plainTextAllocatesNothing() {
        let text = Array("평범한 문장: 아무 표시도 없다".utf8)
        #expect(text.withUnsafeBufferPointer { LeftoverMarkup.visible($0) } == nil)
    }

    @Test func notesKeepWhatTheReaderSees() {
        let note = TestSupport.parse("""
        # 해시 :hash:
        따라서 **'해시 테이블'**을 이용해 찾는다 :arrow_double_up:
        `**코드**는` 그대로
        """).note
        #expect(note.sections[0].headingPath == ["해시"])
        #expect(note.sections[0].text == "해시\n따라서 '해시 테이블'을 이용해 찾는다 **코드**는 그대로")
    }
}
