/// One section that matched a search.
public struct SearchHit: Hashable, Sendable {
    public var path: String
    /// The section's first line (its heading line), 1-based.
    public var line: Int
    public var headingPath: [String]
    public var snippet: HighlightedText
    /// Higher is better.
    public var score: Double
    public var noteTitle: String
    /// The ids of the concepts the section mentions, most mentioned first.
    public var concepts: [String]
    /// The same concepts as lists show them: `TCP`, `Three-way handshake`.
    public var conceptLabels: [String]
    /// The section's layers (see ``SectionTags/layers``).
    public var layers: [OSILayer]
    /// The section has the query's words as typed, not only other names of their concepts.
    public var matchesTypedWords: Bool

    public init(
        path: String, line: Int, headingPath: [String], snippet: HighlightedText, score: Double, noteTitle: String,
        concepts: [String] = [], conceptLabels: [String] = [], layers: [OSILayer] = [], matchesTypedWords: Bool = true
    ) {
        self.path = path
        self.line = line
        self.headingPath = headingPath
        self.snippet = snippet
        self.score = score
        self.noteTitle = noteTitle
        self.concepts = concepts
        self.conceptLabels = conceptLabels
        self.layers = layers
        self.matchesTypedWords = matchesTypedWords
    }

    /// The section's own heading; the note's title for text before the first heading.
    public var heading: String { headingPath.last ?? noteTitle }
}

/// What narrows a search besides its words.
public struct SearchFilter: Hashable, Sendable {
    public var limit: Int
    /// A glob over note paths (`*` and `?`, as SQLite's GLOB), e.g. `network/*.md`.
    public var pathGlob: String?
    /// Only notes with this tag (front matter or inline), compared without case.
    public var tag: String?
    /// Only sections that mention one of these concepts (ids).
    public var concepts: [String]
    /// Only sections at one of these OSI layers (see ``SectionTags/layers``).
    public var layers: [OSILayer]

    public init(limit: Int = 20, pathGlob: String? = nil, tag: String? = nil, concepts: [String] = [], layers: [OSILayer] = []) {
        self.limit = limit
        self.pathGlob = pathGlob
        self.tag = tag
        self.concepts = concepts
        self.layers = layers
    }
}
