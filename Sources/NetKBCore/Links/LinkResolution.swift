/// The verdict on one link.
public enum LinkResolution: Hashable, Sendable {
    /// A link to the web or another scheme, not checked here; the URL as written.
    case external(String)
    /// A link that leads to a note, a heading, a block, a file or a folder of the notes.
    case resolved(ResolvedLink)
    /// A link that leads nowhere.
    case broken(BrokenLink)

    /// The failure, if the link is broken.
    public var broken: BrokenLink? {
        if case .broken(let broken) = self { broken } else { nil }
    }

    /// The destination, if the link resolved.
    public var resolved: ResolvedLink? {
        if case .resolved(let resolved) = self { resolved } else { nil }
    }
}
