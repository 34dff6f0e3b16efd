/// An external link cited in a note, with what the note says about it.
public struct Reference: Hashable, Sendable {
    public var url: String
    /// The link text when it says more than the URL itself (`[label](url)`), else nil.
    public var label: String?
    /// Text written beside or under the link: the rest of its list item, or the nested item below it.
    public var description: String?
    public var location: SourceLocation
    /// The index, in ``Note/sections``, of the section that cites it.
    public var sectionIndex: Int

    public init(url: String, label: String?, description: String?, location: SourceLocation, sectionIndex: Int) {
        self.url = url
        self.label = label
        self.description = description
        self.location = location
        self.sectionIndex = sectionIndex
    }
}
