/// What `search --path` keeps, as an SQLite GLOB over note paths (from the notes root).
///
/// - A glob (`*`, `?`, `[…]`) is taken as written: `network/*`, `*/TCP*.md`.
/// - A plain path names a note (`network/TCP.md`) or, without a note's ending, a folder and
///   everything under it: `network` and `network/` keep `network/*`.
/// - The path is read from the notes root, as a link's `/x.md` is: `.`, `..` and a leading `/`
///   are taken as written (`./network`, `/network`, `a/../network` are `network`).
/// - A value with `*`, `?` or `[` is a glob: `[[]` stands for a `[` of a name.
public enum NotePathFilter {
    /// Why a `--path` value keeps nothing.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case unclosedBracket(String)
        case outsideRoot(String)

        public var description: String {
            switch self {
            case .empty: "--path is empty: give a folder or a glob such as 'network/*'"
            case .unclosedBracket(let text): "--path '\(text)' has a '[' without its ']' (a '[' of a name is written '[[]')"
            case .outsideRoot(let text): "--path '\(text)' leads outside the notes folder: paths are read from the notes root"
            }
        }
    }

    /// The GLOB for `text`.
    public static func glob(for text: String) throws(Problem) -> String {
        // Read from the notes root as a link's `/x` is: `.`, `..`, extra `/` taken as written.
        guard case .inside(let path) = NotePath.resolve(text, from: "") else { throw .outsideRoot(text) }
        guard !path.allSatisfy({ $0 == " " || $0 == "/" }) else { throw .empty }
        if path.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
            guard bracketsClose(Substring(path)) else { throw .unclosedBracket(text) }
            return path
        }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return path }
        return path + "/*"
    }

    /// Whether every `[` of a glob has its `]` (a `]` right after `[` or `[^` is a member).
    static func bracketsClose(_ glob: Substring) -> Bool {
        var index = glob.startIndex
        while index < glob.endIndex {
            if glob[index] == "[" {
                var end = glob.index(after: index)
                if end < glob.endIndex, glob[end] == "^" { end = glob.index(after: end) }
                if end < glob.endIndex, glob[end] == "]" { end = glob.index(after: end) }
                guard let close = glob[end...].firstIndex(of: "]") else { return false }
                index = glob.index(after: close)
            } else {
                index = glob.index(after: index)
            }
        }
        return true
    }
}
