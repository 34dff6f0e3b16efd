/// What a wiki link or embed names: `[[Name#Heading#Subheading]]` or `[[Name#^block]]`.
public struct WikiTarget: Hashable, Sendable {
    /// The note or file name, or a path, as written (NFC, spaces trimmed); `""` when the link
    /// points into the linking note itself, as `[[#Heading]]` does.
    public var name: String
    /// The headings after `#`, outermost first; the last one is the heading meant.
    public var headings: [String]
    /// The block id after `#^`, without the `^`.
    public var blockID: String?

    public init(name: String, headings: [String] = [], blockID: String? = nil) {
        self.name = name
        self.headings = headings
        self.blockID = blockID
    }

    /// Whether the link points into the linking note (`[[#Heading]]`, `[[#^block]]`).
    public var isSameNote: Bool { name.isEmpty }
}
