import Testing
@testable import NetKBMarkdown

@Suite struct BlockTextTests {
    func string(_ block: BlockText) -> String { String(decoding: block.bytes, as: UTF8.self) }

    @Test func lineBreaksBecomeOneSpaceOnlyBeforeMoreText() {
        var block = BlockText()
        block.append("첫 줄".utf8)
        block.breakLine()
        block.append("둘째 줄".utf8)
        block.breakLine()
        #expect(string(block) == "첫 줄 둘째 줄")
    }

    @Test func twoSpacesWhereDroppedTextStoodBecomeOne() {
        var block = BlockText()
        block.append("링크 ".utf8)
        block.append(" 뒤".utf8)
        #expect(string(block) == "링크 뒤")
    }

    @Test func cellsAreJoinedAndTheirRangesKept() {
        var block = BlockText()
        for cell in ["ESTABLISHED", "", "연결됨"] {
            block.startCell()
            block.append(cell.utf8)
        }
        block.closeCell()
        #expect(string(block) == "ESTABLISHED · 연결됨")
        #expect(block.cells.count == 3)
        #expect(block.cells[1] == nil)
        let texts = block.cells.map { $0.map { String(decoding: block.bytes[$0], as: UTF8.self) } }
        #expect(texts == ["ESTABLISHED", nil, "연결됨"])
        #expect(block.currentCell == 2)
    }

    @Test func aSeparatorDueBeforeALinkIsWrittenFirst() {
        var block = BlockText()
        block.append("앞".utf8)
        block.breakLine()
        block.writePendingSeparator()
        let linkStart = block.count
        block.append("라벨".utf8)
        #expect(String(decoding: block.bytes[linkStart...], as: UTF8.self) == "라벨")
    }

    @Test func trimmedAndCleared() {
        var block = BlockText()
        #expect(block.trimmed == nil)
        block.append("  가 \t".utf8)
        #expect(block.trimmed.map { String(decoding: $0, as: UTF8.self) } == "가")
        block.clear()
        #expect(block.isEmpty && block.currentCell == nil)
    }
}
