/// A part of a note that starts at a heading (or the text before the first heading).
public struct Section: Hashable, Sendable {
    /// The headings from the top of the note down to this one, e.g.
    /// `["TCP Handshake", "3 Way Handshake - TCP 연결"]`. Empty for the text before the first heading.
    public var headingPath: [String]
    /// The heading level, 1 to 6; 0 for the text before the first heading.
    public var level: Int
    /// The first and last source lines of the section, 1-based and inclusive.
    public var startLine: Int
    public var endLine: Int
    /// The visible text, starting with the heading as its own line: paragraphs' words, link
    /// text, code; no URLs, no markup. Blocks are separated by newlines.
    public var text: String
    /// Where code stands in ``text`` and which source line each stretch of it comes from.
    public var textMap: SectionTextMap

    public init(headingPath: [String], level: Int, startLine: Int, endLine: Int, text: String, textMap: SectionTextMap = SectionTextMap()) {
        self.headingPath = headingPath
        self.level = level
        self.startLine = startLine
        self.endLine = endLine
        self.text = text
        self.textMap = textMap
    }

    /// The section's own heading; empty for the text before the first heading.
    public var heading: String { headingPath.last ?? "" }

    /// The visible text under the heading: ``text`` without its first line, the heading.
    public var body: Substring {
        guard level > 0 else { return text[...] }
        guard let newline = text.firstIndex(of: "\n") else { return text.hasPrefix(heading) ? "" : text[...] }
        return text[text.index(after: newline)...]
    }
}
