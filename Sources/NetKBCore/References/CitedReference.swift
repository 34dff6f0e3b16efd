/// One place a note cites an external reference, as the index keeps it: the reference (URL,
/// label, description, site) and the topic that cites it (the note and its section).
public struct CitedReference: Hashable, Sendable {
    /// The citing note's path, relative to the notes root.
    public var path: String
    public var noteTitle: String
    /// Where the link stands.
    public var line: Int
    public var column: Int
    /// The line of the section's heading (or its first line, before any heading).
    public var sectionLine: Int
    /// The section's heading path; empty for the text before the first heading.
    public var headingPath: [String]
    /// The URL as written there.
    public var url: String
    public var normalizedURL: String
    public var domain: String
    public var label: String?
    public var description: String?
    public var isImage: Bool

    public init(
        path: String, noteTitle: String, line: Int, column: Int, sectionLine: Int, headingPath: [String],
        url: String, normalizedURL: String, domain: String, label: String?, description: String?, isImage: Bool = false
    ) {
        self.path = path
        self.noteTitle = noteTitle
        self.line = line
        self.column = column
        self.sectionLine = sectionLine
        self.headingPath = headingPath
        self.url = url
        self.normalizedURL = normalizedURL
        self.domain = domain
        self.label = label
        self.description = description
        self.isImage = isImage
    }

    /// The section's heading, or the note's title before any heading.
    public var heading: String { headingPath.last ?? noteTitle }
}
