/// How often a text mentions one concept, and where first.
public struct ConceptMention: Hashable, Sendable {
    /// The concept's ``Concept/id``.
    public var conceptID: String
    /// How many times the text mentions it.
    public var count: Int
    /// The line of the first mention, counted from 0 at the start of the text.
    public var firstLine: Int

    public init(conceptID: String, count: Int, firstLine: Int) {
        self.conceptID = conceptID
        self.count = count
        self.firstLine = firstLine
    }
}
