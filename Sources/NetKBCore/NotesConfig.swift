/// The settings of a notes folder, from `.netkb/config.yml` at its root.
///
/// ```yaml
/// repo-url: https://github.com/kim/net-notes
/// exclude:
///   - ^https://localhost
///   - example\.com/private/
/// ```
public struct NotesConfig: Hashable, Sendable {
    /// The GitHub repository the notes live in, `https://github.com/OWNER/REPO` (see
    /// ``RepositoryURL``), so that absolute links into it are checked like relative ones.
    public var repoURL: String?
    /// Regular expressions (Swift `Regex` syntax); external links whose URL one of them
    /// matches are not checked over HTTP.
    public var exclude: [String]
    /// The line of each `exclude` pattern in the file (1 where it is not known).
    public var excludeLines: [Int]

    public init(repoURL: String? = nil, exclude: [String] = [], excludeLines: [Int]? = nil) {
        self.repoURL = repoURL
        self.exclude = exclude
        self.excludeLines = excludeLines ?? Array(repeating: 1, count: exclude.count)
    }

    /// No settings: what a missing or empty file means.
    public static let empty = NotesConfig()
}
