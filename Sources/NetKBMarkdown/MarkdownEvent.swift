/// One step of a walk over a parsed Markdown document: entering or leaving a node, with what
/// the walker needs to know about it as Swift values. ``CmarkDocument`` makes them; nothing
/// else in netkb sees cmark-gfm's C nodes.
///
/// Lines are 1-based and 0 when cmark-gfm reports none (the table extension leaves some
/// nodes without a position). ``literal`` and ``soleText`` point into cmark's memory and are
/// valid only while the event is being handled.
struct MarkdownEvent {
    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
        case footnoteDefinition, text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference, table, tableHeader, tableRow, tableCell
        /// Custom nodes and extensions netkb does not read (strikethrough, task items).
        case other
    }

    var kind: Kind
    var isEntering: Bool
    var startLine = 0
    var endLine = 0
    var startColumn = 0
    /// The text of a text, code, HTML or code block node; empty for others.
    var literal = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// A link's or image's destination.
    var url = ""
    /// A heading's level, 1–6.
    var headingLevel = 0
    /// For a link: the literal of its only child, when that child is a text node.
    var soleText: UnsafeBufferPointer<UInt8>?
    /// For an item: it belongs to a list nested directly in another item.
    var isNestedItem = false
    /// For a paragraph: the first block of a list item.
    var isItemLead = false
    /// For a table: it follows a paragraph that the table extension split off its header row
    /// (that paragraph has no position, and the table reports the paragraph's line).
    var followsSplitParagraph = false
    /// For a paragraph without a position: the end line of the closest earlier sibling that has
    /// one, and the start line of its parent, to infer where it starts.
    var previousSiblingEndLine: Int?
    var parentStartLine = 0

    init(kind: Kind, isEntering: Bool) {
        self.kind = kind
        self.isEntering = isEntering
    }
}
