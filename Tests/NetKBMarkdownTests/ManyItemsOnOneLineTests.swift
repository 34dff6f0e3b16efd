import NetKBCore
import Testing
@testable import NetKBMarkdown

/// Thousands of tags and links in one paragraph line: found in one pass over the line (a search
/// of the line from its start for each of them took minutes), at their exact places.
@Suite struct ManyItemsOnOneLineTests {
    /// How many source bytes the note assembler searches to read `text`.
    static func bytesScanned(_ text: String) -> Int {
        let source = SourceText(bytes: Array(text.utf8))
        var assembler = NoteAssembler(source: source, firstLine: 1)
        source.bytes.withUnsafeBufferPointer { body in
            CmarkDocument.walk(leadingBlankLines: 0, body: body) { assembler.handle($0) }
        }
        assembler.finishWalk()
        return assembler.sourceBytesScanned
    }

    /// Each item is written `before`, its number, `after`.
    @Test(arguments: [
        ("#t", ""), ("\\#t", ""), ("&#35;t", ""),
        ("www.a", ".com"), ("http://a.com/", ""), ("<http://a.com/", ">"),
        ("[[a", "]]"), ("[x](y", ")"), ("![x](y", ")"),
    ])
    func aLineOf20000ItemsIsSearchedInOnePass(before: String, after: String) {
        let line = (0..<20_000).map { "\(before)\($0)\(after)" }.joined(separator: " ")
        let scanned = Self.bytesScanned("# 제목\n\n" + line + "\n")
        #expect(scanned < 4 * line.utf8.count, "\(scanned) bytes searched for a line of \(line.utf8.count)")
    }

    /// HTML tags with links, in an HTML block's line and inline in a paragraph (with an
    /// identical `<img>` after each link): each item is `before`, its number, `after`.
    @Test(arguments: [
        ("<div>", "<img src=\"m", ".png\">", "</div>"),
        ("<div>", "<a/href=\"n", ".md\">", "</div>"),
        ("글 ", "<a href=\"https://e.com/", "\">t</a> <img src=\"m.png\"> ", ""),
    ])
    func aLineOf20000HTMLLinksIsSearchedInOnePass(opening: String, before: String, after: String, closing: String) {
        let line = opening + (0..<20_000).map { "\(before)\($0)\(after)" }.joined() + closing
        let scanned = Self.bytesScanned("# 제목\n\n" + line + "\n")
        #expect(scanned < 4 * line.utf8.count, "\(scanned) bytes searched for a line of \(line.utf8.count)")
    }

    @Test func everyItemOnALongLineKeepsItsExactColumn() throws {
        var line = ""
        var expected: [(kind: LinkKind, target: String, column: Int)] = []
        var tags: [String] = []
        for i in 0..<2_000 {
            line += "가나 #태그\(i) "
            tags.append("태그\(i)")
            expected.append((.wiki, "노트\(i)", line.unicodeScalars.count + 1))
            line += "[[노트\(i)]] "
            expected.append((.markdown, "y\(i)", line.unicodeScalars.count + 1))
            line += "[링크](y\(i)) "
            expected.append((.autolink, "http://www.a\(i).com", line.unicodeScalars.count + 1))
            line += "www.a\(i).com 다 "
            expected.append((.autolink, "https://b.com/\(i)", line.unicodeScalars.count + 1))
            line += "https://b.com/\(i) 라 "
        }
        let note = TestSupport.parse("# 제목\n\n" + line + "\n").note
        try #require(note.links.count == expected.count)
        for (link, want) in zip(note.links, expected) {
            #expect(link.kind == want.kind && link.target == want.target)
            #expect(link.location == SourceLocation(line: 3, column: want.column), "\(want.target)")
        }
        #expect(note.tags.map(\.name) == tags)
        #expect(note.tags.allSatisfy { $0.line == 3 })
    }
}
