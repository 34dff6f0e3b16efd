import NetKBCore

/// A link as resolving it needs it: its row, what it targets, and its note's path. Neither its
/// text nor its place is read, so a chunk of a full build's links holds little.
struct LinkToResolve: Sendable {
    let id: Int64
    let target: String
    let kind: LinkKind
    /// The linking note's path, from the notes root.
    let path: String

    /// The link, for ``LinkResolver``, which looks at its target and kind only.
    var link: Link {
        Link(target: target, text: "", kind: kind, location: SourceLocation(line: 0, column: 0), sectionIndex: 0)
    }
}
