/// One result of a search: a section that holds the words (``Match-swift.enum/section``), a note
/// whose title or front matter holds them (``Match-swift.enum/title``), or a note whose sections
/// hold them between them (``Match-swift.enum/note``). The stable fields (`path`, `line`,
/// `headingPath`, `snippet`) describe a section in every case: the one matched, the one a title
/// match shows, or a note match's first place.
public struct SearchHit: Hashable, Sendable {
    /// How a result matched.
    public enum Match: String, Hashable, Sendable {
        /// The section's own heading or text holds at least one of the words, and with its
        /// context (note title, front matter, parent headings) all of them.
        case section
        /// Only the note's title, front matter or parent headings hold the words: its sections
        /// that match so are this one result.
        case title
        /// No one section holds all the words; the note's sections do between them.
        case note
    }

    /// A section of a note match, with the words it holds.
    public struct Place: Hashable, Sendable {
        public var line: Int
        public var headingPath: [String]
        public var snippet: HighlightedText
        /// The query's words (as typed) this section is the best place for.
        public var words: [String]

        public init(line: Int, headingPath: [String], snippet: HighlightedText, words: [String]) {
            self.line = line
            self.headingPath = headingPath
            self.snippet = snippet
            self.words = words
        }

        /// Whether the place is the text before the note's first heading.
        public var isPreamble: Bool { headingPath.isEmpty }
    }

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
    public var match: Match = .section
    /// For a title match: how many of the note's sections matched through its title.
    public var sectionCount = 1
    /// For a note match: the best section for each word, in the note's order.
    public var places: [Place] = []

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

    /// Whether the section is the text before the note's first heading, which has no heading.
    public var isPreamble: Bool { headingPath.isEmpty }
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

    /// Whether the filter leaves out sections that match: a path, tag, concept or layer.
    public var narrows: Bool {
        pathGlob != nil || tag != nil || !concepts.isEmpty || !layers.isEmpty
    }

    public init(limit: Int = 20, pathGlob: String? = nil, tag: String? = nil, concepts: [String] = [], layers: [OSILayer] = []) {
        self.limit = limit
        self.pathGlob = pathGlob
        self.tag = tag
        self.concepts = concepts
        self.layers = layers
    }
}
