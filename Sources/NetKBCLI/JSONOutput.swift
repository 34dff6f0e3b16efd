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
        /// Concept ids, most mentioned first.
        var concepts: [String] = []
        /// OSI layer numbers, lowest first.
        var layers: [Int] = []
    }

    /// Words that name a concept, and the concept's other names searched for with them.
    struct Expansion: Encodable {
        var words: String
        var concept: String
        var added: [String]
    }

    struct Highlight: Encodable {
        var start: Int
        var end: Int
        var text: String
    }

    var query: String
    var results: [Result]
    var expanded: [Expansion]

    init(query: String, hits: [SearchHit], expansions: [SearchQuery.Expansion] = []) {
        self.query = query
        expanded = expansions.map { Expansion(words: $0.typed, concept: $0.conceptID, added: $0.added) }
        results = hits.map { hit in
            Result(
                path: hit.path, line: hit.line, heading: hit.heading, headingPath: hit.headingPath,
                snippet: hit.snippet.text,
                highlights: zip(hit.snippet.highlights, hit.snippet.highlightedParts).map {
                    Highlight(start: $0.0.lowerBound, end: $0.0.upperBound, text: $0.1)
                },
                score: (hit.score * 1000).rounded() / 1000, title: hit.noteTitle,
                concepts: hit.concepts, layers: hit.layers.map(\.number))
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
