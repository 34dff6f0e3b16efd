import CCmarkGFM
import Foundation

/// The GFM syntax extensions netkb parses with, looked up once.
///
/// `cmark_gfm_core_extensions_ensure_registered` is not thread-safe, so it runs once inside
/// this lazily initialised global; the extension objects are never changed afterwards.
private struct CmarkExtensions: @unchecked Sendable {
    let all: [OpaquePointer]
    let withoutTables: [OpaquePointer]

    static let shared: CmarkExtensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "autolink", "strikethrough", "tasklist"]
        return CmarkExtensions(
            all: names.compactMap { cmark_find_syntax_extension($0) },
            withoutTables: names.dropFirst().compactMap { cmark_find_syntax_extension($0) })
    }()
}

/// The only code that speaks cmark-gfm's C API: parses a note and walks the document,
/// handing each node on as a ``MarkdownEvent``; frees every C object before it returns.
///
/// cmark-gfm keeps the inline syntax extensions' special characters (`:` `w` `@` `~` `|`) in a
/// process-wide table that every parser adds to before parsing inlines and clears afterwards,
/// so two parsers at work at once make each other miss autolinks and strikethroughs. Feeding and
/// finishing (where inlines are parsed) therefore run one at a time; walking the finished
/// tree, most of the work, runs in parallel.
enum CmarkDocument {
    private static let parsingLock = NSLock()

    /// Parses `leadingBlankLines` empty lines followed by `body` (so that cmark's line numbers
    /// are the file's even when the front matter was cut off) and calls `visit` for every node
    /// entered and left, in document order. The walk is iterative: any depth of nesting is fine.
    /// `tables` false parses GFM tables as plain text: cmark-gfm's table extension takes time
    /// and memory that grow with the square of a row's columns.
    static func walk(
        leadingBlankLines: Int,
        body: UnsafeBufferPointer<UInt8>,
        tables: Bool = true,
        _ visit: (MarkdownEvent) -> Void
    ) {
        withDocument(leadingBlankLines: leadingBlankLines, body: body, tables: tables) { document in
            var walker = Walker()
            walker.walk(document, visit)
        }
    }

    private static func withDocument<Result>(
        leadingBlankLines: Int,
        body: UnsafeBufferPointer<UInt8>,
        tables: Bool,
        _ work: (OpaquePointer) -> Result
    ) -> Result {
        let extensions = CmarkExtensions.shared
        parsingLock.lock()
        var locked = true
        defer { if locked { parsingLock.unlock() } }
        // Obsidian strikes through with `~~` only; a single `~` is text ("1~3티어").
        guard let parser = cmark_parser_new(netkb_cmark_options() | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for syntaxExtension in tables ? extensions.all : extensions.withoutTables {
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        if leadingBlankLines > 0 {
            let blanks = [CChar](repeating: 0x0A, count: leadingBlankLines)
            blanks.withUnsafeBufferPointer { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        if let base = body.baseAddress, body.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: body.count) { cmark_parser_feed(parser, $0, body.count) }
        }
        guard let document = cmark_parser_finish(parser) else {
            fatalError("cmark_parser_finish failed: out of memory")
        }
        parsingLock.unlock()
        locked = false
        defer { cmark_node_free(document) }
        return work(document)
    }

    /// Turns `cmark_iter` events into ``MarkdownEvent``s.
    private struct Walker {
        /// Extension node types by their number, learnt from their type strings once each.
        private var extensionKinds: [UInt32: MarkdownEvent.Kind] = [:]

        mutating func walk(_ document: OpaquePointer, _ visit: (MarkdownEvent) -> Void) {
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            while true {
                let step = cmark_iter_next(iterator)
                if step == CMARK_EVENT_DONE || step == CMARK_EVENT_NONE { break }
                guard let node = cmark_iter_get_node(iterator) else { continue }
                visit(event(for: node, entering: step == CMARK_EVENT_ENTER))
            }
        }

        private mutating func event(for node: OpaquePointer, entering: Bool) -> MarkdownEvent {
            let kind = self.kind(of: node)
            var event = MarkdownEvent(kind: kind, isEntering: entering)
            event.startLine = Int(cmark_node_get_start_line(node))
            event.endLine = Int(cmark_node_get_end_line(node))
            guard entering else { return event }
            event.startColumn = Int(cmark_node_get_start_column(node))
            switch kind {
            case .text, .code, .htmlInline, .htmlBlock, .codeBlock:
                event.literal = Self.literal(of: node)
            case .link, .image:
                event.url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
                   cmark_node_get_type(child) == CMARK_NODE_TEXT {
                    event.soleText = Self.literal(of: child)
                }
            case .heading:
                event.headingLevel = Int(cmark_node_get_heading_level(node))
            case .item:
                if let list = cmark_node_parent(node), let outer = cmark_node_parent(list) {
                    event.isNestedItem = cmark_node_get_type(outer) == CMARK_NODE_ITEM
                }
            case .paragraph:
                let parent = cmark_node_parent(node)
                if let parent, cmark_node_get_type(parent) == CMARK_NODE_ITEM, cmark_node_previous(node) == nil {
                    event.isItemLead = true
                }
                if event.startLine == 0 {
                    var sibling = cmark_node_previous(node)
                    while let current = sibling {
                        // An HTML block that ends on its first line reports the line before
                        // it as its end (`<style>x</style>`: 3:1-2:0).
                        let end = max(Int(cmark_node_get_end_line(current)), Int(cmark_node_get_start_line(current)))
                        if end > 0 {
                            event.previousSiblingEndLine = end
                            break
                        }
                        sibling = cmark_node_previous(current)
                    }
                    event.parentStartLine = parent.map { Int(cmark_node_get_start_line($0)) } ?? 0
                }
            case .table:
                if let previous = cmark_node_previous(node) {
                    event.followsSplitParagraph = cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH
                        && cmark_node_get_start_line(previous) == 0
                }
            default:
                break
            }
            return event
        }

        private mutating func kind(of node: OpaquePointer) -> MarkdownEvent.Kind {
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_DOCUMENT: return .document
            case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
            case CMARK_NODE_LIST: return .list
            case CMARK_NODE_ITEM: return .item
            case CMARK_NODE_CODE_BLOCK: return .codeBlock
            case CMARK_NODE_HTML_BLOCK: return .htmlBlock
            case CMARK_NODE_PARAGRAPH: return .paragraph
            case CMARK_NODE_HEADING: return .heading
            case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
            case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
            case CMARK_NODE_TEXT: return .text
            case CMARK_NODE_SOFTBREAK: return .softBreak
            case CMARK_NODE_LINEBREAK: return .lineBreak
            case CMARK_NODE_CODE: return .code
            case CMARK_NODE_HTML_INLINE: return .htmlInline
            case CMARK_NODE_EMPH: return .emphasis
            case CMARK_NODE_STRONG: return .strong
            case CMARK_NODE_LINK: return .link
            case CMARK_NODE_IMAGE: return .image
            case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
            case CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE: return .other
            default: break
            }
            // Header and body rows share one node type; a flag tells them apart.
            let known = extensionKinds[type.rawValue] ?? learnExtensionKind(node, type)
            if known == .tableRow, cmark_gfm_extensions_get_table_row_is_header(node) != 0 { return .tableHeader }
            return known
        }

        private mutating func learnExtensionKind(_ node: OpaquePointer, _ type: cmark_node_type) -> MarkdownEvent.Kind {
            var kind = MarkdownEvent.Kind.other
            if let name = cmark_node_get_type_string(node) {
                if strcmp(name, "table") == 0 {
                    kind = .table
                } else if strcmp(name, "table_header") == 0 || strcmp(name, "table_row") == 0 {
                    kind = .tableRow
                } else if strcmp(name, "table_cell") == 0 {
                    kind = .tableCell
                }
            }
            extensionKinds[type.rawValue] = kind
            return kind
        }

        private static func literal(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
            guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
            let count = strlen(pointer)
            return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
        }
    }
}
