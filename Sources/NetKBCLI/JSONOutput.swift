import Foundation
import NetKB

/// Writes a value as pretty-printed JSON to standard output.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try StandardOutput.write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n")
    }
}

/// `search --format json`: `{"query", "results": [{"path", "line", "heading", "headingPath", "snippet", "score", "concepts", "layers"}]}`.
struct SearchJSON: Encodable {
    struct Result: Encodable {
        var path: String
        var line: Int
        var heading: String
        var headingPath: [String]
        var snippet: String
        /// The matched parts of the snippet: offsets in Unicode scalars, end exclusive, and their text.
        var highlights: [Highlight]
        var score: Double
        var title: String
        var concepts: [String] = []
        var layers: [String] = []
    }

    struct Highlight: Encodable {
        var start: Int
        var end: Int
        var text: String
    }

    var query: String
    var results: [Result]

    init(query: String, hits: [SearchHit]) {
        self.query = query
        results = hits.map { hit in
            Result(
                path: hit.path, line: hit.line, heading: hit.heading, headingPath: hit.headingPath,
                snippet: hit.snippet.text,
                highlights: zip(hit.snippet.highlights, hit.snippet.highlightedParts).map {
                    Highlight(start: $0.0.lowerBound, end: $0.0.upperBound, text: $0.1)
                },
                score: (hit.score * 1000).rounded() / 1000, title: hit.noteTitle)
        }
    }
}

/// `index --format json`.
struct IndexJSON: Encodable {
    var added, updated, removed, unchanged, sections, links: Int
    /// Sections tagged again from the index's text because the taxonomy changed.
    var retagged: Int
    var warnings: [String]
    var seconds: Double
    var rebuiltBecause: String?

    init(_ report: IndexReport, sections: Int, links: Int) {
        added = report.added
        updated = report.updated
        removed = report.removed
        unchanged = report.unchanged
        retagged = report.retagged
        self.sections = sections
        self.links = links
        warnings = report.warnings.map(\.description)
        seconds = report.seconds
        rebuiltBecause = report.rebuiltBecause
    }
}
