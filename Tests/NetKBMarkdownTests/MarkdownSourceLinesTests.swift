import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct MarkdownSourceLinesTests {
    /// A BOM, front matter, `\r\n` and lone `\r` line breaks, a NUL, an invalid byte and an
    /// NFD heading: the lines cut out must be the ones the parser numbered.
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        + Array("---\r\ntitle: 노트\r\n---\r\n# 처음\r\n본문 한 줄\r두 번째 줄\n\n".utf8)
        + Array("## \u{1100}\u{1161}\u{11A8}\u{1109}\u{1175}\n".utf8)   // 각시, decomposed
        + Array("널".utf8) + [0x00] + Array(" 바이트 ".utf8) + [0xFF] + Array("\n\n### 끝\n마지막".utf8)

    static func lines(_ bytes: [UInt8]) -> MarkdownSourceLines {
        MarkdownParser().parseKeepingLines(bytes, path: "n.md").lines
    }

    @Test func sectionLinesAreTheParsersLines() {
        let (parsed, source) = MarkdownParser().parseKeepingLines(Self.bytes, path: "n.md")
        let note = parsed.note
        let headed = note.sections.filter { $0.level > 0 }
        #expect(headed.map(\.heading) == ["처음", "각시", "끝"])
        for section in headed {
            let first = source.text(ofLines: section.startLine...section.startLine)
            let expected = String(repeating: "#", count: section.level) + " " + section.heading + "\n"
            #expect(first.unicodeScalars.elementsEqual(expected.unicodeScalars), "line \(section.startLine): \(first)")
        }
    }

    @Test func lineBreaksBecomeNewlinesAndTextNFC() {
        let source = Self.lines(Self.bytes)
        let all = source.text(ofLines: 1...source.lineCount)
        #expect(!all.unicodeScalars.contains("\r"))
        #expect(!all.unicodeScalars.contains("\u{FEFF}"))
        #expect(!all.unicodeScalars.contains("\u{0}"))
        #expect(all.unicodeScalars.contains("\u{AC01}"))      // 각, composed
        #expect(!all.unicodeScalars.contains("\u{1100}"))
        #expect(all.hasPrefix("---\ntitle: 노트\n---\n# 처음\n본문 한 줄\n두 번째 줄\n\n"))
        #expect(all.hasSuffix("### 끝\n마지막\n"))
        #expect(source.text(ofLines: 5...6) == "본문 한 줄\n두 번째 줄\n")
    }

    @Test func rangesAreClampedToTheText() {
        let source = Self.lines(Array("a\nb\nc\n".utf8))
        #expect(source.lineCount == 3)
        #expect(source.text(ofLines: 0...99) == "a\nb\nc\n")
        #expect(source.text(ofLines: 3...3) == "c\n")
        #expect(source.text(ofLines: 4...9) == "")
        #expect(Self.lines([]).text(ofLines: 1...1) == "")
    }
}
