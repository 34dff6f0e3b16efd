/// The YAML front matter fields netkb understands.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var tags: [String]
    public var aliases: [String]
    /// `description:`, as Obsidian Publish and static site generators use it.
    public var description: String?
    /// `summary:`.
    public var summary: String?

    public init(title: String? = nil, tags: [String] = [], aliases: [String] = [], description: String? = nil, summary: String? = nil) {
        self.title = title
        self.tags = tags
        self.aliases = aliases
        self.description = description
        self.summary = summary
    }

    /// The text a reader sees of the front matter besides the title, searched with every
    /// section of the note: aliases, description, summary, one a line.
    public var searchableText: String {
        (aliases + [description, summary].compactMap { $0 }).joined(separator: "\n")
    }

    public static let empty = FrontMatter()
}
