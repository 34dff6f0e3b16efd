/// The YAML front matter fields netkb understands.
public struct FrontMatter: Hashable, Sendable {
    public var title: String?
    public var tags: [String]
    public var aliases: [String]

    public init(title: String? = nil, tags: [String] = [], aliases: [String] = []) {
        self.title = title
        self.tags = tags
        self.aliases = aliases
    }

    public static let empty = FrontMatter()
}
