/// A parsed search query: groups of alternatives that must all match, and words that must not.
///
/// ```swift
/// let query = SearchQuery(parsing: #"소켓 "3 way handshake" TCP OR UDP -QUIC"#)
/// query.matchExpression // "소켓" AND "3 way handshake" AND ("TCP" OR "UDP") NOT "QUIC"
/// ```
public struct SearchQuery: Hashable, Sendable {
    /// One thing the user typed: a word, a `"quoted phrase"`, or a `word*` prefix.
    public struct Term: Hashable, Sendable {
        public var text: String
        public var isPhrase: Bool
        public var isPrefix: Bool

        public init(text: String, isPhrase: Bool = false, isPrefix: Bool = false) {
            self.text = text
            self.isPhrase = isPhrase
            self.isPrefix = isPrefix
        }
    }

    /// The most words a query keeps; the rest of a longer query is dropped (see ``droppedTerms``).
    public static let maximumTerms = 64
    /// The most search tokens a query keeps, over all its words, phrases and alternatives
    /// (a Korean word of n syllables is n − 1 tokens, not counting the spaced form each of its
    /// bigrams may also take); a longer term is cut.
    public static let maximumTokens = 256

    /// Each group must match; a group matches when any of its terms (joined by `OR`) does.
    public var required: [[Term]]
    /// Terms written `-word`: sections containing them are left out.
    public var excluded: [Term]
    /// How many terms past ``maximumTerms`` were dropped.
    public var droppedTerms: Int
    /// Runs of words that name a concept, and the other names searched for with them (see
    /// ``expanded(using:)``); none until the query is expanded.
    public var expansions: [Expansion] = []
    /// Words as typed that are longer than the index keeps
    /// (``KoreanAwareTokenizer/maximumWordBytes``): no note can match them, so a search that
    /// holds one would answer without them.
    public var overlongWords: [String] = []

    public init(required: [[Term]], excluded: [Term] = [], droppedTerms: Int = 0) {
        self.required = required
        self.excluded = excluded
        self.droppedTerms = droppedTerms
    }

    /// Whether nothing searchable is left (an empty query, or only `*`, `-`, punctuation or exclusions).
    public var isEmpty: Bool { required.isEmpty }
}
