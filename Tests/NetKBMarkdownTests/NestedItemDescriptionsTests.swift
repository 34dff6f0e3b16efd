import Testing
@testable import NetKBMarkdown

@Suite struct NestedItemDescriptionsTests {
    @Test func nestedItemsDescribeTheOnlyLinkAbove() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 7, described: false)]) { nil }
        for text in ["첫 설명", "둘째 설명"] {
            items.enterItem(isNested: true)
            items.leadParagraphEnded(cited: []) { text }
            #expect(items.exitItem().isEmpty)
        }
        #expect(items.exitItem() == [.init(reference: 7, nested: ["첫 설명", "둘째 설명"])])
        #expect(items.depth == 0)
    }

    @Test func aNestedItemWithItsOwnLinkIsNotADescription() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 0, described: false)]) { nil }
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: [(reference: 1, described: false)]) { nil }
        _ = items.exitItem()
        #expect(items.exitItem().isEmpty)
    }

    @Test func withSeveralLinksOnlyThoseWithoutTheirOwnDescriptionGetIt() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 0, described: true), (reference: 1, described: false)]) { nil }
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: []) { "설명" }
        _ = items.exitItem()
        #expect(items.exitItem() == [.init(reference: 1, nested: ["설명"])])
    }

    /// An item's text is cleaned only when an item right above it cites a link.
    @Test func textIsAskedForOnlyUnderACitingItem() {
        var items = NestedItemDescriptions()
        var asked: [String] = []
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: []) { asked.append("top"); return "top" }
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: []) { asked.append("under plain"); return "under plain" }
        _ = items.exitItem()
        _ = items.exitItem()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 0, described: false)]) { asked.append("citing"); return nil }
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: []) { asked.append("under citing"); return "under citing" }
        _ = items.exitItem()
        #expect(items.exitItem() == [.init(reference: 0, nested: ["under citing"])])
        #expect(asked == ["under citing"])
    }

    @Test func anItemWithoutLinksCollectsNothing() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: []) { "주로 참고할 것" }
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: []) { "하위" }
        #expect(items.exitItem().isEmpty)
        #expect(items.exitItem().isEmpty)
        #expect(items.exitItem().isEmpty, "leaving more items than were entered is harmless")
    }
}
