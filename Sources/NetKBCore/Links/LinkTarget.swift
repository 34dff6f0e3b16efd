/// A link target parsed from how it was written, before it is looked up.
///
/// ```swift
/// LinkTarget(markdown: "<../net/TCP%20연결.md#3-way>") // .path("../net/TCP 연결.md", anchor: "3-way")
/// LinkTarget(wiki: "TCP#연결#3 Way")                   // .wiki(name "TCP", headings ["연결", "3 Way"])
/// ```
public enum LinkTarget: Hashable, Sendable {
    /// A URL with a scheme (`https:`, `mailto:`) or a `//host` URL, as written without angle brackets.
    case external(String)
    /// `#fragment` in the linking note, percent-decoded and NFC; `""` (a bare `#` or `?query`)
    /// is the top of the note.
    case anchor(String)
    /// A file path, percent-decoded and NFC, relative to the linking note's folder or, when it
    /// starts with `/`, to the notes root; with its percent-decoded fragment. A `?query` is dropped.
    case path(String, anchor: String?)
    /// A wiki link or embed.
    case wiki(WikiTarget)
    /// A target that cannot name anything (empty, or holding control characters), and why.
    case invalid(reason: String)
}
