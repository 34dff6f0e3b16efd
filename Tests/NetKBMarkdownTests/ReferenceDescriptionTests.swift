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
        // Wrong ones found on gyoogle/tech-interview-for-developer: a link with a Korean
        // particle glued to it is part of the sentence, a bare URL inside a sentence keeps its
        // text, a link in brackets of its own is set apart, and "( )" or "[1]" say nothing.
        ("⟦Travis 사이트⟧로 접속하여 깃허브 계정으로 로그인 후, Settings로 들어간다.", true, ["Travis 사이트로 접속하여 깃허브 계정으로 로그인 후, Settings로 들어간다."]),
        ("⟦git lfs⟧와 ⟦BFG Repo Cleaner⟧ 설치", false, ["git lfs와 BFG Repo Cleaner 설치", "git lfs와 BFG Repo Cleaner 설치"]),
        ("We follow the ⟦GitHub Flow⟧", false, ["We follow the GitHub Flow"]),
        ("선형 회귀: 회귀분석 기법입니다. (⟦위키링크⟧)", false, ["선형 회귀: 회귀분석 기법입니다."]),
        ("글 - '운영체제란 무엇인가?' ( ⟦⟧ )", false, ["글 - '운영체제란 무엇인가?'"]),
        ("[1] ⟦⟧", true, [nil]),
        ("⟦Since⟧ ⟦author⟧ ⟦LICENSE⟧", true, [nil, nil, nil]),
    ] as [(String, Bool, [String?])])
    func inProse(text: String, isParagraph: Bool, expected: [String?]) {
        let (bytes, citations) = Self.marked(text)
        #expect(ReferenceDescription.inProse(bytes, citations: citations, isParagraph: isParagraph) == expected)
    }

    @Test func aBareURLInsideASentenceKeepsItsText() {
        let (bytes, _) = Self.marked("이제 로 접속하면 화면이 나온다. 주소 창에 을 입력했을 때")
        let first = Array("이제 ".utf8).count
        let second = Array("이제 로 접속하면 화면이 나온다. 주소 창에 ".utf8).count
        let citations = [
            ReferenceDescription.Citation(range: first..<first, hiddenText: Array("http://localhost:8080/login".utf8)),
            ReferenceDescription.Citation(range: second..<second, hiddenText: Array("http://naver.com".utf8)),
        ]
        #expect(ReferenceDescription.inProse(bytes, citations: citations, isParagraph: true) == [
            "이제 http://localhost:8080/login로 접속하면 화면이 나온다.", "주소 창에 http://naver.com을 입력했을 때",
        ])
        // With nothing after it, a bare URL is set apart.
        let alone = Array("머리말 ".utf8)
        #expect(ReferenceDescription.inProse(alone, citations: [.init(range: alone.count..<alone.count, hiddenText: Array("https://a.com".utf8))], isParagraph: true) == ["머리말"])
    }

    @Test func aThousandLinksInALineWithoutFullStopsTakeLinearTime() {
        var bytes: [UInt8] = []
        var citations: [ReferenceDescription.Citation] = []
        for index in 0..<20_000 {
            bytes += Array("글 ".utf8)
            let start = bytes.count
            bytes += Array("링크\(index)".utf8)
            citations.append(.init(range: start..<bytes.count))
            bytes += Array("를 ".utf8)
        }
        let descriptions = ReferenceDescription.inProse(bytes, citations: citations, isParagraph: true)
        #expect(descriptions.count == 20_000)
        #expect(descriptions.allSatisfy { ($0?.utf8.count ?? 0) <= ReferenceDescription.maximumBytes })
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
