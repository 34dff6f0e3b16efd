import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct AnchorIDTests {
    @Test func htmlBlocksAndInlineHTMLInSourceOrder() {
        let note = TestSupport.parse("""
        # 참고

        <a id="top"></a>

        문단 <span id="inline-one">안</span> 그리고 <a name='legacy'></a> 끝

        <div id="block" name="block-name">
        <p id="nested">블록</p>
        </div>

        - 항목 <a id="in-item"></a>
        > 인용 <a id="in-quote"></a>

        다시 <a id="top"></a>
        """).note
        #expect(note.anchorIDs == ["top", "inline-one", "legacy", "block", "block-name", "nested", "in-item", "in-quote"])
        // HTML is not visible text.
        #expect(!note.sections[0].text.contains("inline-one"))
    }

    @Test func neverFromCode() {
        let note = TestSupport.parse("""
        코드 `<a id="span"></a>` 끝

        ```html
        <a id="fenced"></a>
        ```

            <a id="indented"></a>

        ~~~
        <div id="tilde"></div>
        ~~~
        """).note
        #expect(note.anchorIDs.isEmpty)
    }

    @Test func escapedTagsAreText() {
        let note = TestSupport.parse(#"글 \<a id="escaped"> 과 &lt;a id="entity"&gt;"# + "\n").note
        #expect(note.anchorIDs.isEmpty)
    }

    @Test func footnotesKeepSourceOrder() {
        let note = TestSupport.parse("""
        본문[^1] <a id="first"></a>

        [^1]: 각주 <a id="in-footnote"></a>

        뒤 <a id="last"></a>
        """).note
        #expect(note.anchorIDs == ["first", "in-footnote", "last"])
    }

    @Test func noteWithoutAnchors() {
        let note = TestSupport.parse("# 제목\n본문\n").note
        #expect(note.anchorIDs.isEmpty)
        #expect(note.blockIDs.isEmpty)
    }
}
