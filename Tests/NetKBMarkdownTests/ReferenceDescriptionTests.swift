import Testing
@testable import NetKBMarkdown

/// What the text around a link says about it, with the link's visible text marked `⟦…⟧` (or
/// `⟦⟧` for a bare URL, whose text is not shown).
@Suite struct ReferenceDescriptionTests {
    /// The block text and citations of a marked text.
    static func marked(_ text: String) -> ([UInt8], [ReferenceDescription.Citation]) {
        var bytes: [UInt8] = []
        var citations: [ReferenceDescription.Citation] = []
        var start: Int?
        for character in text {
            switch character {
            case "⟦": start = bytes.count
            case "⟧": citations.append(.init(range: start!..<bytes.count))
            default: bytes.append(contentsOf: String(character).utf8)
            }
        }
        return (bytes, citations)
    }

    @Test(arguments: [
        // A list item: the rest of its text, separators trimmed.
        ("⟦⟧ - 네트워크 기초 무료 강의", false, ["네트워크 기초 무료 강의"]),
        ("⟦MDN 문서⟧ - 핸드셰이크 용어 정리", false, ["핸드셰이크 용어 정리"]),
        ("블로그: ⟦⟧", false, ["블로그"]),
        ("⟦같음⟧", false, [nil]),
        ("참고 자료 (⟦⟧)", false, ["참고 자료"]),
        // Several links in one item: each has the text after it.
        ("⟦가⟧ - 첫 설명, ⟦나⟧: 둘째 설명", false, ["첫 설명", "둘째 설명"]),
        // A link inside a sentence keeps its words there.
        ("본문에서 ⟦문서⟧를 참고.", true, ["본문에서 문서를 참고."]),
        ("TCP는 신뢰성 있는 전송을 맡는다. 자세한 내용은 ⟦RFC 793⟧과 tcp-header.png 참고.", true, ["자세한 내용은 RFC 793과 tcp-header.png 참고."]),
        // A paragraph: only the sentence holding the link.
        ("인용: 연결은 연결 수립 절을 보라. 게으른 줄에도 링크 ⟦⟧ 가 있다. 다음 문장.", true, ["게으른 줄에도 링크 가 있다."]),
        ("버전 3.4 문서 ⟦⟧ 참고", true, ["버전 3.4 문서 참고"]),
        ("끝에 온다: ⟦RFC⟧", true, ["끝에 온다"]),
        // Wrong ones found on sindresorhus/awesome: a comma after a link does not set it apart,
        // a sentence with two links keeps both, and a lone "." is no description.
        ("Should only have one level of ⟦nested lists⟧, preferably none.", false, ["Should only have one level of nested lists, preferably none."]),
        ("You will need a ⟦GitHub account⟧! If you are new to GitHub, ⟦get started here⟧.", true,
         ["You will need a GitHub account!", "If you are new to GitHub, get started here."]),
        ("For example, the ⟦Chalk⟧ project could feature this badge because it's listed in ⟦Awesome Node.js⟧. It's optional.", true,
         ["For example, the Chalk project could feature this badge because it's listed in Awesome Node.js.",
          "For example, the Chalk project could feature this badge because it's listed in Awesome Node.js."]),
        ("⟦get started here⟧.", true, [nil]),
    ] as [(String, Bool, [String?])])
    func inProse(text: String, isParagraph: Bool, expected: [String?]) {
        let (bytes, citations) = Self.marked(text)
        #expect(ReferenceDescription.inProse(bytes, citations: citations, isParagraph: isParagraph) == expected)
    }

    @Test func aTableRowIsDescribedByItsOtherCellsUnderTheirHeaders() {
        var block = BlockText()
        var cells: [String] = ["ESTABLISHED", "연결됨", ""]
        var linkCell = 0
        for (index, cell) in cells.enumerated() {
            block.startCell()
            block.append(cell.utf8)
            if cell.isEmpty { linkCell = index }
        }
        block.closeCell()
        let citation = ReferenceDescription.Citation(range: block.count..<block.count)
        #expect(ReferenceDescription.inTableRow(block.bytes, cells: block.cells, linkCell: linkCell, citation: citation, headers: ["상태", "설명", "링크"])
            == "상태: ESTABLISHED · 설명: 연결됨")
        #expect(ReferenceDescription.inTableRow(block.bytes, cells: block.cells, linkCell: linkCell, citation: citation, headers: [])
            == "ESTABLISHED · 연결됨")
        // One other cell: its text alone. The link's own cell with text: that text.
        block.clear()
        cells = ["[Name]", "A tool for X"]
        block.startCell()
        block.append("Name".utf8)
        let link = 0..<block.count
        block.startCell()
        block.append("A tool for X".utf8)
        block.closeCell()
        #expect(ReferenceDescription.inTableRow(block.bytes, cells: block.cells, linkCell: 0, citation: .init(range: link), headers: ["이름", "설명"]) == "A tool for X")
    }

    @Test func nestedItemsAreJoinedAfterTheItemsOwnText() {
        #expect(ReferenceDescription.withNestedItems(own: nil, nested: ["쉬운코드 시리즈"]) == "쉬운코드 시리즈")
        #expect(ReferenceDescription.withNestedItems(own: "강의", nested: ["a", "b"]) == "강의; a; b")
        #expect(ReferenceDescription.withNestedItems(own: "강의", nested: []) == "강의")
    }

    @Test func cleanTrimsSeparatorsAndEmptyBrackets() {
        #expect(ReferenceDescription.clean(Array(" - 설명 () :".utf8)) == "설명")
        #expect(ReferenceDescription.clean(Array("a  b".utf8)) == "a b")
        #expect(ReferenceDescription.clean(Array(" — · ".utf8)) == nil)
    }

    @Test func longDescriptionsAreCutAtACharacter() throws {
        let long = String(repeating: "가", count: 2_000)
        let cut = try #require(ReferenceDescription.clean(Array(long.utf8)))
        #expect(cut.utf8.count <= ReferenceDescription.maximumBytes)
        #expect(cut.hasSuffix("…") && cut.dropLast().allSatisfy { $0 == "가" })
    }

    @Test func sentenceRange() {
        let text = Array("하나. 둘 링크 셋? 넷".utf8)
        let link = Array("하나. 둘 ".utf8).count
        let range = ReferenceDescription.sentenceRange(in: text, around: link..<(link + Array("링크".utf8).count))
        #expect(String(decoding: text[range], as: UTF8.self) == " 둘 링크 셋?")
    }
}
