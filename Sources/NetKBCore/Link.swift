/// How a link was written.
public enum LinkKind: String, Hashable, Sendable, CaseIterable {
    /// `[text](target)` or a reference-style link.
    case markdown
    /// `![alt](target)`.
    case image
    /// A bare URL or `<https://…>`.
    case autolink
    /// `[[Note]]`, `[[Note#Heading]]`, `[[Note|alias]]`.
    case wiki
    /// `![[Note]]`.
    case embed
    /// `<a href="…">` or `<img src="…">` in HTML.
    case html
}

/// A link as written in a note, before it is resolved.
public struct Link: Hashable, Sendable {
    /// The target exactly as written (not yet percent-decoded).
    public var target: String
    /// The visible text: link text, image alt text, the wiki link's alias or the URL itself.
    public var text: String
    public var kind: LinkKind
    public var location: SourceLocation
    /// The index, in ``Note/sections``, of the section the link stands in.
    public var sectionIndex: Int

    public init(target: String, text: String, kind: LinkKind, location: SourceLocation, sectionIndex: Int) {
        self.target = target
        self.text = text
        self.kind = kind
        self.location = location
        self.sectionIndex = sectionIndex
    }

    /// Whether the target names a scheme such as `https:` or `mailto:` rather than a note.
    public var isExternal: Bool {
        guard kind != .wiki, kind != .embed, let colon = target.firstIndex(of: ":") else { return false }
        let scheme = target[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }
}
