import Testing
@testable import NetKBMarkdown

@Suite struct HTMLAnchorScanTests {
    @Test(arguments: [
        (#"<a id="rfc-793"></a>"#, ["rfc-793"]),
        (#"<a name='old-style'>x</a>"#, ["old-style"]),
        (#"<div id=plain class="x">"#, ["plain"]),
        (#"<SPAN ID="Upper" Name = "both">"#, ["Upper", "both"]),
        (#"<h2 id="  padded  ">"#, ["padded"]),
        (#"<img src="a.png" id="그림-1"/>"#, ["그림-1"]),
        ("<a\n  id=\"across-lines\"\n>", ["across-lines"]),
        (#"<p>text id="not-in-a-tag" and <b id="in">x</b></p>"#, ["in"]),
        (#"<!-- <a id="commented"> --><a id="after">"#, ["after"]),
        (#"<![CDATA[ <a id="cdata"> ]]><?php id="pi" ?><!DOCTYPE html id="dt">"#, []),
        (#"<script>var s = '<a id="in-script">'</script><a id="after-script">"#, ["after-script"]),
        (#"<a id="" name=''>"#, []),
        (#"<a data-id="x" idx="y" aria-labelledby="z">"#, []),
        (#"</a id="closing">"#, []),
        (#"<a title="has id=&quot;x&quot;" href='#id'>"#, []),
        (#"a < b id="x" > c"#, []),
        (#"<a id="unterminated"#, ["unterminated"]),
    ])
    func idsAndNames(html: String, ids: [String]) {
        #expect(HTMLAnchorScan.ids(in: html) == ids)
    }
}
