import NetKBCore
import NetKBTestSupport
import Testing
@testable import NetKBMarkdown

/// Documents assembled from random pieces whose link positions are known while writing them:
/// every link must come back with exactly the line, column, kind and target it was written with,
/// and every tag with its line.
@Suite struct GeneratedDocumentTests {
    struct Expected: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var kind: LinkKind
        var target: String
        var description: String { "\(line):\(column) \(kind.rawValue) \(target)" }
    }

    /// Writes one document; returns its text and the links it holds.
    static func document(seed: UInt64) -> (text: String, links: [Expected], tags: [NetKBCore.Tag]) {
        var random = SeededGenerator(state: seed)
        var lines: [String] = []
        var links: [Expected] = []
        var tags: [NetKBCore.Tag] = []
        var counter = 0

        func words(_ count: Int) -> [String] {
            let pool = ["한국어", "네트워크", "TCP", "연결", "세션과", "소켓", "handshake", "**굵게**", "`코드 [x](y)`", "_기울임_", "(괄호)", "1~3티어", "2:1"]
            return (0..<count).map { _ in pool.randomElement(using: &random)! }
        }

        /// A line of words and links after `prefix`; link columns are counted as it is built.
        func contentLine(prefix: String, lineNumber: Int, inTable: Bool = false) -> String {
            var line = prefix
            var tokens = words(Int.random(in: 1...3, using: &random))
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                tokens.insert("LINK", at: Int.random(in: 0...tokens.count, using: &random))
            }
            if Int.random(in: 0..<4, using: &random) == 0 {
                tokens.insert("TAG", at: Int.random(in: 0...tokens.count, using: &random))
            }
            for (index, token) in tokens.enumerated() {
                if index > 0 { line += " " }
                if token == "TAG" {
                    counter += 1
                    line += "#태그/\(counter)"
                    tags.append(Tag(name: "태그/\(counter)", line: lineNumber))
                    continue
                }
                guard token == "LINK" else {
                    line += token
                    continue
                }
                counter += 1
                let column = line.unicodeScalars.count + 1
                let n = counter
                switch Int.random(in: 0..<8, using: &random) {
                case 0:
                    line += "[링크 \(n)](https://m.com/\(n))"
                    links.append(Expected(line: lineNumber, column: column, kind: .markdown, target: "https://m.com/\(n)"))
                case 1:
                    line += "![그림 \(n)](img/\(n).png)"
                    links.append(Expected(line: lineNumber, column: column, kind: .image, target: "img/\(n).png"))
                case 2:
                    line += "https://b.com/\(n)?q=한"
                    links.append(Expected(line: lineNumber, column: column, kind: .autolink, target: "https://b.com/\(n)?q=한"))
                case 3:
                    line += "<https://a.com/\(n)>"
                    links.append(Expected(line: lineNumber, column: column, kind: .autolink, target: "https://a.com/\(n)"))
                case 4:
                    line += "[[노트 \(n)]]"
                    links.append(Expected(line: lineNumber, column: column, kind: .wiki, target: "노트 \(n)"))
                case 5:
                    // In a table the alias bar is escaped, or it would split the cell.
                    line += inTable ? "[[노트 \(n)#제목\\|별칭]]" : "[[노트 \(n)#제목|별칭]]"
                    links.append(Expected(line: lineNumber, column: column, kind: .wiki, target: "노트 \(n)#제목"))
                case 6:
                    line += "![[그림 \(n).png]]"
                    links.append(Expected(line: lineNumber, column: column, kind: .embed, target: "그림 \(n).png"))
                default:
                    line += "[https://same.com/\(n)](https://same.com/\(n))"
                    links.append(Expected(line: lineNumber, column: column, kind: .markdown, target: "https://same.com/\(n)"))
                }
            }
            return line
        }

        for _ in 0..<Int.random(in: 10...40, using: &random) {
            let lineNumber = lines.count + 1
            switch Int.random(in: 0..<12, using: &random) {
            case 0:
                lines.append("")
                continue
            case 1:
                lines.append(contentLine(prefix: String(repeating: "#", count: Int.random(in: 1...4, using: &random)) + " ", lineNumber: lineNumber))
                continue
            case 2:
                lines.append(contentLine(prefix: "> ", lineNumber: lineNumber))
            case 3:
                lines.append(contentLine(prefix: "- ", lineNumber: lineNumber))
            case 4:
                // Nested under a list item (after a blank line a tab would open a code block).
                let nested = lines.last.map { $0.hasPrefix("- ") || $0.hasPrefix("\t- ") } ?? false
                lines.append(contentLine(prefix: nested ? "\t- " : "- ", lineNumber: lineNumber))
            case 5:
                lines.append(contentLine(prefix: "1. ", lineNumber: lineNumber))
            case 6:
                // A table, right after a paragraph line or not.
                lines.append(contentLine(prefix: "| ", lineNumber: lineNumber, inTable: true) + " | 열 |")
                lines.append("|---|---|")
                lines.append(contentLine(prefix: "| ", lineNumber: lineNumber + 2, inTable: true) + " | 값 |")
                lines.append("")
                continue
            default:
                // A plain line: a paragraph, or a lazy continuation of a quote or list item.
                lines.append(contentLine(prefix: "", lineNumber: lineNumber))
            }
        }
        return (lines.joined(separator: "\n") + "\n", links, tags)
    }

    @Test(arguments: 1...300)
    func linksComeBackWhereTheyWereWritten(seed: Int) {
        let (text, expected, expectedTags) = Self.document(seed: UInt64(seed))
        let note = TestSupport.parse(text).note
        let actual = note.links.map { Expected(line: $0.location.line, column: $0.location.column, kind: $0.kind, target: $0.target) }
        let missing = expected.filter { !actual.contains($0) }
        let extra = actual.filter { !expected.contains($0) }
        #expect(actual == expected, "seed \(seed): missing \(missing), extra \(extra)")
        #expect(note.tags == expectedTags, "seed \(seed)")
    }
}
