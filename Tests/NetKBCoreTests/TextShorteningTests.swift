import NetKBCore
import Testing

@Suite("Text shortening")
struct TextShorteningTests {
    @Test func textAtTheLimitIsKeptAndLongerTextEndsInAnEllipsis() {
        let eighty = String(repeating: "소", count: 80)
        #expect(eighty.shortened() == eighty)
        let cut = (eighty + "켓").shortened()
        #expect(cut.count == 80 && cut.hasSuffix("…") && cut.hasPrefix(String(repeating: "소", count: 79)))
        #expect("abcdef".shortened(toCharacters: 4) == "abc…")
        // Characters, not scalars: a flag or a family emoji is never cut in two.
        #expect(String(repeating: "👩‍👩‍👧", count: 5).shortened(toCharacters: 3) == "👩‍👩‍👧👩‍👩‍👧…")
    }
}
