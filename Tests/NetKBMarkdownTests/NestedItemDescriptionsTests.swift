import Testing
@testable import NetKBMarkdown

@Suite struct NestedItemDescriptionsTests {
    @Test func nestedItemsDescribeTheOnlyLinkAbove() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 7, described: false)], text: nil)
        for text in ["첫 설명", "둘째 설명"] {
            items.enterItem(isNested: true)
            items.leadParagraphEnded(cited: [], text: text)
            #expect(items.exitItem().isEmpty)
        }
        #expect(items.exitItem() == [.init(reference: 7, nested: ["첫 설명", "둘째 설명"])])
        #expect(items.depth == 0)
    }

    @Test func aNestedItemWithItsOwnLinkIsNotADescription() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 0, described: false)], text: nil)
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: [(reference: 1, described: false)], text: nil)
        _ = items.exitItem()
        #expect(items.exitItem().isEmpty)
    }

    @Test func withSeveralLinksOnlyThoseWithoutTheirOwnDescriptionGetIt() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [(reference: 0, described: true), (reference: 1, described: false)], text: nil)
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: [], text: "설명")
        _ = items.exitItem()
        #expect(items.exitItem() == [.init(reference: 1, nested: ["설명"])])
    }

    @Test func anItemWithoutLinksCollectsNothing() {
        var items = NestedItemDescriptions()
        items.enterItem(isNested: false)
        items.leadParagraphEnded(cited: [], text: "주로 참고할 것")
        items.enterItem(isNested: true)
        items.leadParagraphEnded(cited: [], text: "하위")
        #expect(items.exitItem().isEmpty)
        #expect(items.exitItem().isEmpty)
        #expect(items.exitItem().isEmpty, "leaving more items than were entered is harmless")
    }
}
