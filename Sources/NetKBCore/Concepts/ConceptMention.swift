/// How often a text mentions one concept, and where first.
public struct ConceptMention: Hashable, Sendable {
    /// The concept's ``Concept/id``.
    public var conceptID: String
    /// How many times the text mentions it.
    public var count: Int
    /// The line of the first mention, counted from 0 at the start of the text.
    public var firstLine: Int
    /// The UTF-8 offset of the first mention in the text.
    public var firstOffset: Int

    public init(conceptID: String, count: Int, firstLine: Int, firstOffset: Int = 0) {
        self.conceptID = conceptID
        self.count = count
        self.firstLine = firstLine
        self.firstOffset = firstOffset
    }
}
