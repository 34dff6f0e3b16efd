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
        // Most links are plain names, after a few `../` or `./`: the note's folder, less a
        // component for each `../`, and the names as they are.
        var rest = Substring(target)
        var climbs = 0
        while true {
            if rest.utf8.starts(with: "../".utf8) {
                climbs += 1
                rest = rest.dropFirst(3)
            } else if rest.utf8.starts(with: "./".utf8) {
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        guard isPlain(rest), notePath.isEmpty || isPlain(notePath) else { return resolveComponents(target, from: notePath) }
        var folder = folder(of: notePath)
        for _ in 0..<climbs {
            guard !folder.isEmpty else { return .outsideRoot }
            folder = Self.folder(of: folder)
        }
        return .inside(folder.isEmpty ? String(rest) : "\(folder)/\(rest)")
    }

    /// ``resolve(_:from:)`` component by component, for any target.
    static func resolveComponents(_ target: String, from notePath: String) -> Resolution {
        var components: [Substring] = []
        if !target.utf8.starts(with: CollectionOfOne(slash)) {
            components = Array(self.components(of: notePath).dropLast())
        }
        for component in self.components(of: target) {
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
    public static func folder(of path: some StringProtocol) -> Substring {
        let path = Substring(path)
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        return path[..<slash]
    }

    /// The last component of `path`: `a/b/c.md` → `c.md`.
    public static func fileName(of path: some StringProtocol) -> Substring {
        let path = Substring(path)
        guard let slash = path.utf8.lastIndex(of: slash) else { return path }
        return path[path.utf8.index(after: slash)...]
    }

    /// The file name without its last extension: `a/TCP 연결.md` → `TCP 연결`; `.hidden` stays whole.
    public static func stem(of path: some StringProtocol) -> Substring {
        let name = fileName(of: path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot > name.startIndex else { return name }
        return name[..<dot]
    }

    /// Whether `path` is `tail` or ends with `/` and `tail`, compared byte for byte (both NFC,
    /// as every path here is): `a/b/c.md` ends with `b/c.md` and `c.md`, not with `/c.md` or `b/c`.
    public static func endsWithPath(_ path: String, _ tail: String) -> Bool {
        let path = path.utf8, tail = tail.utf8
        guard path.count >= tail.count, path.suffix(tail.count).elementsEqual(tail) else { return false }
        guard path.count > tail.count else { return true }
        return path[path.index(path.endIndex, offsetBy: -tail.count - 1)] == slash
    }

    /// Whether `path` is names joined by single slashes: not empty, no `/` at either end, no
    /// `.` or `..` component. Such a path is its own components joined.
    static func isPlain(_ path: some StringProtocol) -> Bool {
        let segments = PathSegments(path)
        return !segments.hasEmptySegment && !segments.hasDotSegment
    }

    /// The non-empty components of `path` between `/`s.
    ///
    /// Paths are split at the byte `/`, as the file system does; Swift's `split` on a `String`
    /// walks it a grapheme at a time, which cost a sixth of resolving the benchmark's links.
    static func components(of path: some StringProtocol) -> [Substring] {
        let path = Substring(path)
        return path.utf8.split(separator: slash, omittingEmptySubsequences: true).map { Substring($0) }
    }

    private static let slash = UInt8(ascii: "/")

    /// Whether `path` ends in `.md`, any letter case.
    public static func isMarkdown(_ path: some StringProtocol) -> Bool {
        path.utf8.count >= 3 && path.suffix(3).lowercased() == ".md"
    }
}
