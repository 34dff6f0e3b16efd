/// One heading of a note, as link resolution needs it.
public struct NoteHeading: Hashable, Sendable {
    /// The visible text, without a trailing `{#id}`.
    public var text: String
    /// 1 to 6.
    public var level: Int
    /// The id written as `{#id}` at the heading's end, if any.
    public var explicitID: String?
    /// The index of the heading's section in ``Note/sections``, when known.
    public var sectionIndex: Int?

    /// A heading from its text as written; a trailing `{#id}` is split off into ``explicitID``.
    public init(text: String, level: Int, sectionIndex: Int? = nil) {
        let split = ExplicitHeadingID(splitting: NFC.normalize(text))
        self.text = split.text
        self.level = level
        self.explicitID = split.id
        self.sectionIndex = sectionIndex
    }

    /// A heading whose text and id are split already.
    init(text: String, level: Int, explicitID: String?, sectionIndex: Int?) {
        self.text = text
        self.level = level
        self.explicitID = explicitID
        self.sectionIndex = sectionIndex
    }
}
