import Foundation
import NetKBCore
@testable import NetKBMarkdown

/// Helpers shared by the Markdown tests.
enum TestSupport {
    /// The package root: three levels up from this file (Tests/NetKBMarkdownTests/TestSupport.swift).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var fixturesFolder: URL { packageRoot.appendingPathComponent("Tests/Fixtures/markdown") }

    static func bytes(ofFile relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(relativePath)))
    }

    static func parse(_ text: String, path: String = "test.md") -> ParsedNote {
        MarkdownParser().parse(Array(text.utf8), path: path)
    }

    /// A stable, human-readable dump of a parsed note, for golden files.
    static func dump(_ parsed: ParsedNote) -> String {
        let note = parsed.note
        var lines: [String] = []
        lines.append("path: \(note.path)")
        lines.append("title: \(note.title)")
        let fm = note.frontMatter
        lines.append("front matter: title=\(fm.title ?? "-") tags=\(fm.tags) aliases=\(fm.aliases)")
        for (index, section) in note.sections.enumerated() {
            lines.append("section \(index) level \(section.level) lines \(section.startLine)-\(section.endLine) path \(section.headingPath)")
            for textLine in section.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append("  | \(textLine)")
            }
        }
        for link in note.links {
            lines.append("link \(link.location) \(link.kind.rawValue) §\(link.sectionIndex) target=\(link.target) text=\(link.text)")
        }
        for reference in note.references {
            lines.append("\(reference.isImage ? "image " : "")reference \(reference.location) §\(reference.sectionIndex) url=\(reference.url) label=\(reference.label ?? "-") description=\(reference.description ?? "-")")
            lines.append("  normalized=\(reference.normalizedURL) domain=\(reference.domain)")
        }
        for tag in note.tags {
            lines.append("tag \(tag.line) \(tag.name)")
        }
        for warning in parsed.warnings {
            lines.append("warning \(warning)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
