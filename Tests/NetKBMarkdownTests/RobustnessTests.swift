import Foundation
import NetKBTestSupport
import NetKBCore
import Testing
@testable import NetKBMarkdown

/// Large and pathological inputs, generated here (nothing big is committed).
@Suite struct RobustnessTests {
    @Test func tenThousandNestedListLevelsOnOneLine() {
        let depth = 10_000
        let text = String(repeating: "- ", count: depth) + "깊은 [[바닥]] https://deep.com\n"
        let note = TestSupport.parse(text).note
        #expect(note.sections.count == 1)
        #expect(note.sections[0].text == "깊은 바닥")
        #expect(note.links.map(\.kind) == [.wiki, .autolink])
        #expect(note.links[0].location == SourceLocation(line: 1, column: 2 * depth + 4))
    }

    @Test func deeplyIndentedNestedListsWithReferences() {
        // Each item is nested in the one before; every URL is described by the item under it.
        let depth = 2_000
        var text = ""
        for level in 0..<depth {
            text += String(repeating: " ", count: 2 * level) + "- https://x.com/\(level)\n"
        }
        let note = TestSupport.parse(text).note
        #expect(note.references.count == depth)
        #expect(note.references.first?.description == nil)  // The next item holds only a URL.
        #expect(note.links.last?.location == SourceLocation(line: depth, column: 2 * (depth - 1) + 3))
    }

    @Test func tenThousandNestedBlockQuotes() {
        let text = String(repeating: "> ", count: 10_000) + "# 인용 속 제목\n" + String(repeating: ">", count: 10_000) + " 본문\n"
        let note = TestSupport.parse(text).note
        #expect(note.sections.first?.heading == "인용 속 제목")
    }

    @Test func hundredThousandHeadings() throws {
        let count = 100_000
        var text = ""
        text.reserveCapacity(count * 24)
        for index in 0..<count {
            text += index % 3 == 0 ? "# 제목 \(index)\n" : "## 소제목 \(index) [[링크]]\n"
        }
        let note = TestSupport.parse(text).note
        #expect(note.sections.count == count)
        let last = try #require(note.sections.last)
        #expect(last.startLine == count)
        #expect(last.endLine == count)
        #expect(last.headingPath == ["제목 99999"])
        #expect(note.sections[count - 2].headingPath == ["제목 99996", "소제목 99998 링크"])
        #expect(note.links.count == count - (count + 2) / 3)
        #expect(note.links.last?.sectionIndex == count - 2)
    }

    @Test func twentyMegabyteNote() throws {
        let base = try TestSupport.bytes(ofFile: "Tests/Fixtures/user-notes/network.md")
        let copies = 20_000_000 / base.count + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(copies * (base.count + 1))
        for _ in 0..<copies {
            bytes.append(contentsOf: base)
            bytes.append(0x0A)
        }
        #expect(bytes.count >= 20_000_000)

        let clock = ContinuousClock()
        var parsed: ParsedNote?
        let elapsed = clock.measure { parsed = MarkdownParser().parse(bytes, path: "big.md") }
        let note = try #require(parsed?.note)
        print("Parsed \(bytes.count) bytes (\(copies) copies of network.md) in \(elapsed)")

        #expect(note.sections.count == 10 * copies)
        #expect(note.links.count == 34 * copies)
        #expect(note.references.filter { !$0.isImage }.count == 30 * copies)
        // The last copy's lines are offset by every copy before it (187 lines and a blank).
        let lineCount = base.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 1
        let lastMarkdown = try #require(note.links.last { $0.kind == .markdown })
        #expect(lastMarkdown.location == SourceLocation(line: (copies - 1) * lineCount + 170, column: 19))
    }

    @Test func hugeSingleLineParagraph() {
        // One 2 MB line with thousands of links: columns are counted incrementally.
        let unit = "한국어 [[위키]] https://x.com "
        let repeats = 40_000
        let note = TestSupport.parse(String(repeating: unit, count: repeats)).note
        #expect(note.links.count == 2 * repeats)
        let unitLength = unit.unicodeScalars.count
        #expect(note.links.last?.location == SourceLocation(line: 1, column: (repeats - 1) * unitLength + 12))
    }

    /// Seeded, so that a failure can be replayed from the seed it names.
    @Test(arguments: 0..<20 as Range<UInt64>)
    func binaryGarbageDoesNotCrash(seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let bytes = (0..<4_096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let parsed = MarkdownParser().parse(bytes, path: "garbage.bin")
        #expect(parsed.warnings.contains { $0.message.hasPrefix("invalid UTF-8") }, "seed \(seed)")
    }

    @Test func concurrentParsing() async {
        let texts = (0..<16).map { "# 제목 \($0)\n본문 [[링크 \($0)]] https://x.com/\($0) #태그\($0)\n| a | b |\n|---|---|\n| ~~c~~ | d |\n" }
        let notes = await withTaskGroup(of: Note.self) { group in
            for (index, text) in texts.enumerated() {
                group.addTask { MarkdownParser().parse(Array(text.utf8), path: "\(index).md").note }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(notes.count == texts.count)
        for note in notes {
            #expect(note.links.count == 2)
            #expect(note.sections.first?.text.hasSuffix("a · b\nc · d") == true)
        }
    }
}
