/// Decides where each link of a note leads, against a ``NoteCatalog``; pure and cheap per link
/// (dictionary look-ups, edit distance only over small candidate sets for suggestions).
///
/// ```swift
/// let resolver = LinkResolver(catalog: catalog)
/// resolver.resolve(LinkTarget(markdown: "../net/TCP.md#연결"), from: "os/socket.md")
/// // .resolved(ResolvedLink(path: "net/TCP.md", destination: .note, headingIndex: 0))
/// ```
///
/// - Markdown links and images: the path, relative to the linking note's folder (or to the root
///   when it starts with `/`), must name a file exactly, letter case included; an anchor must
///   equal one of the note's GitHub slugs, `{#id}`s or other ids.
/// - Wiki links and embeds, as Obsidian: the steps are listed on the `LinkTarget` overload of `resolve`.
/// - External URLs are `.external`, unless they point into ``repository``.
public struct LinkResolver: Sendable {
    public let catalog: NoteCatalog
    /// The repository whose absolute URLs are treated as links into the notes.
    public let repository: RepositoryURL?

    public init(catalog: NoteCatalog, repository: RepositoryURL? = nil) {
        self.catalog = catalog
        self.repository = repository
    }

    /// The verdict on a link written in the note at `notePath` (from the notes root).
    public func resolve(_ link: Link, from notePath: String) -> LinkResolution {
        let target = LinkTarget(link)
        if case .invalid(let reason) = target, link.kind == .wiki || link.kind == .embed {
            return .broken(BrokenLink(kind: .wiki, reason: reason))
        }
        return resolve(target, from: notePath)
    }

    /// The verdict on a parsed target written in the note at `notePath` (from the notes root).
    ///
    /// Wiki names are looked up as Obsidian does, the first step that finds something winning:
    /// 1. the exact path from the notes root, with `.md` added unless it ends in `.md`, then as
    ///    written (so `[[그림.png]]` finds an image); `./` and `../` start at the linking note's folder;
    /// 2. the same in the linking note's folder;
    /// 3. any file whose path ends with the name, letter case ignored (an exact-case match is
    ///    preferred): a unique one, else the one with the fewest folders; a tie is `ambiguous`;
    /// 4. front-matter aliases, then titles, letter case ignored; more than one is `ambiguous`.
    public func resolve(_ target: LinkTarget, from notePath: String) -> LinkResolution {
        let notePath = NFC.normalize(notePath)
        switch target {
        case .external(let url):
            guard let place = repository?.target(of: url) else { return .external(url) }
            return resolveRepositoryTarget(place)
        case .anchor(let anchor):
            return resolveAnchor(anchor, in: note(at: notePath))
        case .path(let path, let anchor):
            return resolvePath(path, anchor: anchor, from: notePath)
        case .wiki(let wiki):
            return resolveWiki(wiki, from: notePath)
        case .invalid(let reason):
            return .broken(BrokenLink(kind: .file, reason: reason))
        }
    }

    /// The catalog's note at `path`, or an empty stand-in for a note the catalog lacks.
    func note(at path: String) -> CatalogNote {
        catalog.note(at: path) ?? CatalogNote(path: path, title: "")
    }

    /// A folder or file named by a repository URL.
    private func resolveRepositoryTarget(_ place: RepositoryURL.Target) -> LinkResolution {
        if place.isFolder, catalog.folders.contains(place.path) {
            return .resolved(ResolvedLink(path: place.path, destination: .folder))
        }
        return resolveFile(place.path, anchor: place.anchor)
    }

    /// Text quoted for a reason, cut to 80 characters.
    static func quoted(_ text: some StringProtocol) -> String {
        "'" + String(text).shortened() + "'"
    }
}
