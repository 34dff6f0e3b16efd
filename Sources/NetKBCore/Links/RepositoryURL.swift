/// The GitHub repository the notes live in (`repo-url` in `.netkb/config.yml`), so that absolute
/// links into it are checked like relative ones.
///
/// ```swift
/// let repository = RepositoryURL("https://github.com/kim/net-notes")!
/// repository.target(of: "https://github.com/Kim/Net-Notes/blob/main/tcp/TCP%20연결.md#3-way")
/// // Target(path: "tcp/TCP 연결.md", anchor: "3-way", isFolder: false)
/// ```
///
/// Understood: `github.com/OWNER/REPO/blob|raw/BRANCH/PATH`, `github.com/OWNER/REPO/tree/BRANCH/FOLDER`
/// and `raw.githubusercontent.com/OWNER/REPO/BRANCH/PATH`, over `http` or `https`, host, owner and
/// repository in any letter case. The branch is one path component (`feature/x` is not told
/// apart from a folder `x` of branch `feature`).
public struct RepositoryURL: Hashable, Sendable {
    /// A place in the notes that an absolute URL names.
    public struct Target: Hashable, Sendable {
        /// The path from the notes root, percent-decoded, NFC; `""` for the root folder.
        public var path: String
        /// The percent-decoded fragment.
        public var anchor: String?
        /// Whether the URL shows a folder (`/tree/`).
        public var isFolder: Bool

        public init(path: String, anchor: String? = nil, isFolder: Bool = false) {
            self.path = path
            self.anchor = anchor
            self.isFolder = isFolder
        }
    }

    /// The owner and repository name, lower-cased.
    public let owner: String
    public let name: String
    /// Where the notes root is inside the repository, `""` for the repository's root.
    public let notesFolder: String

    /// A repository from its URL, `https://github.com/OWNER/REPO` (a trailing `/` or `.git`
    /// allowed); nil for anything else. `notesFolder` is the notes root's path in the repository.
    public init?(_ url: String, notesFolder: String = "") {
        guard let (host, segments, _) = Self.split(url), host == "github.com", segments.count == 2 else { return nil }
        var name = segments[1]
        if name.hasSuffix(".git") { name.removeLast(4) }
        guard !segments[0].isEmpty, !name.isEmpty else { return nil }
        self.owner = segments[0].lowercased()
        self.name = name.lowercased()
        self.notesFolder = NFC.normalize(notesFolder.split(separator: "/").joined(separator: "/"))
    }

    /// The place in the notes an absolute URL into this repository names, or nil when the URL
    /// is anything else (another repository, an issue page, a file outside the notes folder).
    public func target(of url: String) -> Target? {
        guard let (host, segments, fragment) = Self.split(url) else { return nil }
        let branchIndex: Int
        let isFolder: Bool
        switch host {
        case "github.com":
            guard segments.count >= 4, ["blob", "tree", "raw"].contains(segments[2]) else { return nil }
            branchIndex = 3
            isFolder = segments[2] == "tree"
        case "raw.githubusercontent.com":
            guard segments.count >= 3 else { return nil }
            branchIndex = 2
            isFolder = false
        default:
            return nil
        }
        let rest = segments[(branchIndex + 1)...].filter { !$0.isEmpty }
        guard segments[0].lowercased() == owner, segments[1].lowercased() == name, !segments[branchIndex].isEmpty,
              isFolder || !rest.isEmpty
        else { return nil }
        var path = PercentDecoding.decode(rest.joined(separator: "/"))
        if !notesFolder.isEmpty {
            if path == notesFolder, isFolder {
                path = ""
            } else if path.hasPrefix(notesFolder + "/") {
                path.removeFirst(notesFolder.count + 1)
            } else {
                return nil
            }
        }
        return Target(path: path, anchor: fragment.map(PercentDecoding.decode), isFolder: isFolder)
    }

    /// The lower-cased host (without `www.`), the path's segments and the fragment of an
    /// `http(s)://` URL; the query is dropped.
    private static func split(_ url: String) -> (host: String, segments: [String], fragment: String?)? {
        var text = url.trimmingSurroundingWhitespace()[...]
        var fragment: String?
        if let hash = text.firstIndex(of: "#") {
            fragment = String(text[text.index(after: hash)...])
            text = text[..<hash]
        }
        if let question = text.firstIndex(of: "?") { text = text[..<question] }
        let lowercased = text.prefix(8).lowercased()
        if lowercased.hasPrefix("https://") {
            text = text.dropFirst(8)
        } else if lowercased.hasPrefix("http://") {
            text = text.dropFirst(7)
        } else {
            return nil
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        var host = parts[0].lowercased()
        if let colon = host.firstIndex(of: ":") { host = String(host[..<colon]) }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var segments = parts.count > 1 ? parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init) : []
        if segments.last == "" { segments.removeLast() }
        return (host, segments, fragment)
    }
}
