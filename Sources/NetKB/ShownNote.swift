/// What `netkb show` prints: a whole note, or one heading with what is under it, as the file
/// has it now.
public struct ShownNote: Hashable, Sendable {
    /// The note's path from the notes root, NFC.
    public var path: String
    public var title: String
    /// The headings from the note's top down to the one shown; empty for the whole note.
    public var headingPath: [String]
    /// The first and last lines shown, 1-based and inclusive.
    public var startLine: Int
    public var endLine: Int
    /// The Markdown of those lines, each ending in `\n`: line breaks as `\n`, NFC, a BOM left out.
    public var text: String

    /// The heading shown; nil for the whole note.
    public var heading: String? { headingPath.last }
}

/// Why `netkb show` has nothing to print.
public enum ShowError: Error, CustomStringConvertible, Sendable {
    /// The note has no heading the fragment names; `reason` says so, naming both.
    case noHeading(reason: String, suggestion: String?)
    /// The fragment names an anchor or a block that is not a heading.
    case notAHeading(path: String, fragment: String)
    /// The note's file is gone or cannot be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .noHeading(let reason, let suggestion):
            reason + (suggestion.map { " (did you mean '#\($0.hasPrefix("#") ? String($0.dropFirst()) : $0)'?)" } ?? "")
        case .notAHeading(let path, let fragment):
            "'#\(fragment)' in \(path) is an anchor or a block, not a heading: show the whole note instead"
        case .unreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
