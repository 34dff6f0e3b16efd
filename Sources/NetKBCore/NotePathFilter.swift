/// What `search --path` keeps, as an SQLite GLOB over note paths (from the notes root).
///
/// - A glob (`*`, `?`, `[…]`) is taken as written: `network/*`, `*/TCP*.md`.
/// - A plain path names a note (`network/TCP.md`) or, without a note's ending, a folder and
///   everything under it: `network` and `network/` keep `network/*`.
/// - A leading `./` is dropped, as the shell writes paths.
public enum NotePathFilter {
    /// Why a `--path` value keeps nothing.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case empty
        case unclosedBracket(String)

        public var description: String {
            switch self {
            case .empty: "--path is empty: give a folder or a glob such as 'network/*'"
            case .unclosedBracket(let text): "--path '\(text)' has a '[' without its ']'"
            }
        }
    }

    /// The GLOB for `text`.
    public static func glob(for text: String) throws(Problem) -> String {
        var path = Substring(text)
        while path.hasPrefix("./") { path = path.dropFirst(2).drop { $0 == "/" } }
        guard !path.allSatisfy({ $0 == " " || $0 == "/" }) else { throw .empty }
        if path.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" }) {
            guard bracketsClose(path) else { throw .unclosedBracket(text) }
            return String(path)
        }
        while path.hasSuffix("/") { path = path.dropLast() }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return String(path) }
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
