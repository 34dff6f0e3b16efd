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
    public var exclude: [Exclusion]

    /// An `exclude` pattern, and the line of the file it stands on, for messages about it.
    public struct Exclusion: Hashable, Sendable {
        public var pattern: String
        public var line: Int

        public init(pattern: String, line: Int) {
            self.pattern = pattern
            self.line = line
        }
    }

    public init(repoURL: String? = nil, exclude: [Exclusion] = []) {
        self.repoURL = repoURL
        self.exclude = exclude
    }

    /// No settings: what a missing or empty file means.
    public static let empty = NotesConfig()
}
