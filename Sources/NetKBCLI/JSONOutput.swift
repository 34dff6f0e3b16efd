import Foundation
import NetKB

/// Writes a value as pretty-printed JSON to standard output.
enum JSONOutput {
    /// The encoder of netkb's JSON: pretty-printed, keys sorted, slashes as they are.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func print(_ value: some Encodable) throws {
        let encoder = encoder()
        // The encoder's bytes are written as they are: made into a String and given a newline,
        // they were copied twice (`layers --format json` over 100,000 notes writes 1.5 GB).
        var data = try encoder.encode(value)
        data.append(0x0A)
        try data.withUnsafeBytes { try StandardOutput.write($0) }
    }
}

/// `search --format json`: `{"query", "results": [{"path", "line", "heading", "headingPath", "snippet", "score", "concepts", "layers"}]}`,
/// and per result `match` (`section`, `title` or `note`), `preamble`, `highlights` and `title`;
/// a title match adds `sectionCount`, a note match `sections` (the best section for each word).
struct SearchJSON: Encodable {
    struct Result: Encodable {
        var match: String
        var path: String
        var line: Int
        /// Nil (JSON null) for the text before the note's first heading, which has none.
        var heading: String?
        var preamble: Bool
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
        /// A title match: how many sections matched through the title.
        var sectionCount: Int?
        /// A note match: the best section for each word, in the note's order.
        var sections: [Place]?

        enum CodingKeys: String, CodingKey {
            case match, path, line, heading, preamble, headingPath, snippet, highlights, score, title, concepts, layers, sectionCount, sections
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(match, forKey: .match)
            try container.encode(path, forKey: .path)
            try container.encode(line, forKey: .line)
            try container.encode(heading, forKey: .heading)
            try container.encode(preamble, forKey: .preamble)
            try container.encode(headingPath, forKey: .headingPath)
            try container.encode(snippet, forKey: .snippet)
            try container.encode(highlights, forKey: .highlights)
            try container.encode(score, forKey: .score)
            try container.encode(title, forKey: .title)
            try container.encode(concepts, forKey: .concepts)
            try container.encode(layers, forKey: .layers)
            try container.encodeIfPresent(sectionCount, forKey: .sectionCount)
            try container.encodeIfPresent(sections, forKey: .sections)
        }
    }

    /// A section of a note match.
    struct Place: Encodable {
        var line: Int
        var heading: String?
        var preamble: Bool
        var headingPath: [String]
        var snippet: String
        var highlights: [Highlight]
        /// The query's words this section is the best place for.
        var words: [String]

        enum CodingKeys: String, CodingKey { case line, heading, preamble, headingPath, snippet, highlights, words }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(line, forKey: .line)
            try container.encode(heading, forKey: .heading)
            try container.encode(preamble, forKey: .preamble)
            try container.encode(headingPath, forKey: .headingPath)
            try container.encode(snippet, forKey: .snippet)
            try container.encode(highlights, forKey: .highlights)
            try container.encode(words, forKey: .words)
        }
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

        static func of(_ snippet: HighlightedText) -> [Highlight] {
            zip(snippet.highlights, snippet.highlightedParts).map { Highlight(start: $0.0.lowerBound, end: $0.0.upperBound, text: $0.1) }
        }
    }

    var query: String
    var results: [Result]
    var expanded: [Expansion]

    init(query: String, hits: [SearchHit], expansions: [SearchQuery.Expansion] = []) {
        self.query = query
        expanded = expansions.map { Expansion(words: $0.typed, concept: $0.conceptID, added: $0.added) }
        results = hits.map { hit in
            Result(
                match: hit.match.rawValue, path: hit.path, line: hit.line, heading: hit.headingPath.last, preamble: hit.isPreamble,
                headingPath: hit.headingPath, snippet: hit.snippet.text, highlights: Highlight.of(hit.snippet),
                score: (hit.score * 1000).rounded() / 1000, title: hit.noteTitle,
                concepts: hit.concepts, layers: hit.layers.map(\.number),
                sectionCount: hit.match == .title ? hit.sectionCount : nil,
                sections: hit.match == .note ? hit.places.map { place in
                    Place(
                        line: place.line, heading: place.headingPath.last, preamble: place.isPreamble, headingPath: place.headingPath,
                        snippet: place.snippet.text, highlights: Highlight.of(place.snippet), words: place.words)
                } : nil)
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
