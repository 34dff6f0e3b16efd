/// Pure string logic over paths relative to the notes root (NFC, `/` separators); nothing is
/// ever read from or checked on disk.
///
/// ```swift
/// NotePath.resolve("../net/tcp.md", from: "study/os/socket.md") // .inside("study/net/tcp.md")
/// NotePath.resolve("/index.md", from: "a/b.md")                  // .inside("index.md")
/// NotePath.resolve("../../x.md", from: "a.md")                   // .outsideRoot
/// ```
public enum NotePath {
    /// Where a relative target leads.
    public enum Resolution: Hashable, Sendable {
        /// A path under the notes root; `""` is the root itself.
        case inside(String)
        /// `..` climbed above the notes root.
        case outsideRoot
    }

    /// Resolves `target` against the folder of the note at `notePath`; a target starting with `/`
    /// starts at the notes root. `.` and empty components are dropped, `..` goes up one folder.
    public static func resolve(_ target: String, from notePath: String) -> Resolution {
        var components: [Substring] = []
        if !target.hasPrefix("/") {
            components = notePath.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        }
        for component in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                guard components.popLast() != nil else { return .outsideRoot }
            default:
                components.append(component)
            }
        }
        return .inside(components.joined(separator: "/"))
    }

    /// The folder holding `path`, `""` at the root: `a/b/c.md` → `a/b`.
    public static func folder(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[..<slash]
    }

    /// The last component of `path`: `a/b/c.md` → `c.md`.
    public static func fileName(of path: some StringProtocol) -> Substring {
        let path = Substring(path)
        guard let slash = path.lastIndex(of: "/") else { return path }
        return path[path.index(after: slash)...]
    }

    /// The file name without its last extension: `a/TCP 연결.md` → `TCP 연결`; `.hidden` stays whole.
    public static func stem(of path: some StringProtocol) -> Substring {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return name[..<dot]
    }

    /// Whether `path` ends in `.md`, any letter case.
    public static func isMarkdown(_ path: some StringProtocol) -> Bool {
        path.utf8.count >= 3 && path.suffix(3).lowercased() == ".md"
    }
}
