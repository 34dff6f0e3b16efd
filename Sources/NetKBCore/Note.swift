/// A parsed Markdown note.
public struct Note: Hashable, Sendable {
    /// The path relative to the notes root, NFC, with `/` separators.
    public var path: String
    /// The front matter title, else the first level-1 heading, else the file name without extension.
    public var title: String
    public var frontMatter: FrontMatter
    public var sections: [Section]
    public var links: [Link]
    public var references: [Reference]
    public var tags: [Tag]
    /// Explicit anchors other than headings' `{#id}`: the values of HTML `id` and `name`
    /// attributes (`<a id="rfc-793"></a>`), in source order, each once.
    public var anchorIDs: [String]
    /// Obsidian block ids, without `^`: a paragraph or list item whose last line ends in ` ^id`
    /// can be linked as `[[Note#^id]]`. In source order, each once.
    public var blockIDs: [String]

    public init(
        path: String, title: String, frontMatter: FrontMatter = .empty, sections: [Section],
        links: [Link] = [], references: [Reference] = [], tags: [Tag] = [],
        anchorIDs: [String] = [], blockIDs: [String] = []
    ) {
        self.path = path
        self.title = title
        self.frontMatter = frontMatter
        self.sections = sections
        self.links = links
        self.references = references
        self.tags = tags
        self.anchorIDs = anchorIDs
        self.blockIDs = blockIDs
    }
}
