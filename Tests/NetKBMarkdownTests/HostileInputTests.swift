import NetKBCore
import Testing
@testable import NetKBMarkdown

/// Front matter and tables that would take exponential or quadratic time, and notes that would
/// take cmark-gfm hundreds of times their size in memory, are refused, with a warning naming the line.
@Suite struct HostileInputTests {
    /// A YAML "billion laughs": each level doubles the one before, 2^levels values in all.
    static func aliasBomb(levels: Int) -> String {
        var yaml = "a0: &a0 [x, x]\n"
        for level in 1...levels { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        return yaml + "title: bomb\n"
    }

    @Test func aYAMLAliasBombIsIgnoredWithAWarning() {
        let parsed = TestSupport.parse("---\n" + Self.aliasBomb(levels: 40) + "---\n# 제목\n본문\n")
        #expect(parsed.note.frontMatter == .empty)
        #expect(parsed.warnings.map(\.description) == ["test.md:2: warning: front matter ignored: it uses YAML anchors or aliases (& or *), which netkb does not read"])
        #expect(parsed.note.title == "제목")
    }

    @Test func hugeFrontMatterIsIgnoredWithAWarning() {
        let parsed = TestSupport.parse("---\ntitle: big\nnotes: " + String(repeating: "가", count: 30_000) + "\n---\n본문\n")
        #expect(parsed.note.frontMatter == .empty)
        #expect(parsed.warnings.map(\.message) == ["front matter ignored: it is larger than 64 KB"])
    }

    @Test(arguments: [
        ("title: a & b", nil),
        ("title: a*b*c", nil),
        ("title: \"*quoted*\"", nil),
        ("title: '&quoted'", nil),
        ("title: x # a comment with *star", nil),
        ("base: &base {x: 1}", 1),
        ("title: x\nother: *base", 2),
        ("list:\n  - *item", 2),
        ("flow: [a, *b]", 1),
        ("flow: {k: &v 1}", 1),
    ] as [(String, Int?)])
    func anchorsAndAliasesAreFoundWhereYAMLReadsThem(yaml: String, line: Int?) {
        #expect(YAMLAliasScan.firstAnchorOrAlias(in: yaml) == line)
    }

    @Test func aTableTenThousandColumnsWideIsReadAsText() {
        let row = "|" + (0..<10_000).map { "c\($0)" }.joined(separator: "|") + "|"
        let rule = "|" + Array(repeating: "-", count: 10_000).joined(separator: "|") + "|"
        let parsed = TestSupport.parse("# 표\n\n" + row + "\n" + rule + "\n" + row + "\n")
        #expect(parsed.warnings.map(\.description) == ["test.md:3: warning: a table row with more than 512 columns: this note's tables are read as plain text"])
        #expect(parsed.note.sections.first?.text.contains("c9999") == true)
    }

    @Test func tablesWithTooManyCellsAreReadAsText() {
        let row = "|" + Array(repeating: "c", count: 400).joined(separator: "|") + "|"
        let rows = Array(repeating: row, count: 300)
        let parsed = TestSupport.parse("# 표\n\n" + ([row, row.replacingOccurrences(of: "c", with: "-")] + rows).joined(separator: "\n") + "\n")
        #expect(parsed.warnings.count == 1)
        #expect(parsed.warnings.first?.message == "tables with more than 100000 cells: this note's tables are read as plain text")
    }

    /// `[ ` over and over: cmark-gfm keeps about 400 bytes for each bracket (10 MB of them took
    /// 2 GB), so a note estimated past ``MarkdownSizeLimit`` is read as plain text instead.
    @Test(arguments: ["\n", "\r\n"])
    func aNoteOfDenseMarkupIsReadAsPlainText(newline: String) throws {
        let brackets = String(repeating: "[ ", count: 1_400_000)
        let lines = ["---", "title: 큰 노트", "---", "# 제목", "", brackets, "", "끝 소켓 [링크](a.md) [[위키]] #태그", ""]
        let parsed = TestSupport.parse(lines.joined(separator: newline))
        #expect(parsed.warnings.map(\.description) == [
            "test.md:6: warning: parsing this note would take cmark-gfm over 512 MB by this line: it is read as plain text, without its Markdown headings, links and formatting (wiki links and tags are still read)",
        ])
        #expect(parsed.note.title == "큰 노트")
        let section = try #require(parsed.note.sections.first)
        #expect(parsed.note.sections.count == 1)
        #expect(section.text.hasPrefix("# 제목"))
        #expect(!section.text.unicodeScalars.contains("\r"))
        // Markdown links stay as written; a wiki link shows its text, as in any note.
        #expect(section.text.hasSuffix("끝 소켓 [링크](a.md) 위키 #태그"))
        #expect(parsed.note.links.map(\.target) == ["위키"])
        #expect(parsed.note.links.first?.location.line == 8)
        #expect(parsed.note.tags.map(\.name) == ["태그"])
    }

    @Test(arguments: [
        ("ab", 1_400, nil),
        ("[[", 1_400, 1),
        ("a\nb", 1_300, 2),
        ("x", 2_000, nil),
        ("\n\n", 2_000, 3),
        ("[]!&<`*_\\:w@~|", 6_300, nil),
        ("[]!&<`*_\\:w@~|", 6_299, 1),
        ("가나다라마바사아자차카타파하", 1_000, nil),
    ] as [(String, Int, Int?)])
    func theParseEstimateCountsLinesAndMarkup(body: String, limit: Int, line: Int?) {
        let bytes = Array(body.utf8)
        #expect(bytes.withUnsafeBufferPointer { MarkdownSizeLimit.firstExcess(in: $0, limit: limit) } == line)
    }

    @Test func anOrdinaryTableIsStillATable() {
        let parsed = TestSupport.parse("# 표\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        #expect(parsed.warnings.isEmpty)
    }
}
