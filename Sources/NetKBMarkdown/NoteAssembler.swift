import CCmarkGFM
import NetKBCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a cmark-gfm document once, iteratively, and gathers the note's sections, links,
/// references, inline tags, HTML anchors and block ids.
///
/// Visible text is gathered per leaf block (paragraph, heading, table row, code block) and
/// appended to the current section when the block ends. Consecutive text nodes outside links
/// form a run, scanned for wiki links and `#tags` when the run ends.
struct NoteAssembler {
    struct Content {
        var sections: [Section]
        var links: [Link]
        var references: [Reference]
        var tags: [Tag]
        /// HTML `id`/`name` values and Obsidian block ids, in source order, each once.
        var anchorIDs: [String]
        var blockIDs: [String]
        var firstLevel1Heading: String?
    }

    private let source: SourceText
    private let firstLine: Int
    private var cursor: SourceCursor
    private var sections = SectionCollector()

    private var links: [Link] = []
    private var references: [Reference] = []
    private var tags: [Tag] = []
    /// With the line each was found on, for putting footnotes' back in order.
    private var anchorIDs: [(id: String, line: Int)] = []
    private var blockIDs: [(id: String, line: Int)] = []
    /// The number of tags before the heading being read.
    private var tagsBeforeHeading = 0

    /// The visible text of the leaf block being read.
    private var block: [UInt8] = []
    /// Written before the next visible text if the block already has some (a space for a line
    /// break, ` | ` between table cells).
    private var pendingSeparator: [UInt8] = []
    /// References cited in the current block, with the bytes of their text in it.
    private var blockReferences: [(reference: Int, range: Range<Int>)] = []
    private var blockIsItemLead = false
    private var tableCellIndex = 0
    /// Code in the block being read, as byte ranges of ``block``.
    private var blockCode: [Range<Int>] = []
    /// Where the block's text moves to another source line, as offsets in ``block``.
    private var blockLines: [SectionTextMap.LineStart] = []
    /// The next visible text starts a stretch of text on the cursor's line.
    private var lineStartPending = true

    /// Consecutive text nodes outside links, not yet scanned.
    private var run: [UInt8] = []

    private struct LinkFrame {
        var link: Int
        var blockStart: Int
        /// The text when it is known up front (autolinks), and the visible text is dropped.
        var fixedText: String?
    }
    private var linkFrames: [LinkFrame] = []
    private var suppressedText = 0

    private struct ItemFrame {
        /// This item is the first list item nested in the item below it on the stack.
        var describesParent = false
        var sawNestedItem = false
        /// References in this item's first paragraph still without a description.
        var waiting: [Int] = []
    }
    private var items: [ItemFrame] = []

    private var footnoteDepth = 0
    private var savedSections: [Int] = []
    private var sawFootnote = false

    private static let space: [UInt8] = [0x20]
    private static let cellSeparator = Array(" | ".utf8)
    private static let imageOpening = [Array("![".utf8)]
    private static let linkOpening = [Array("[".utf8)]

    private enum ExtensionKind { case table, tableHeader, tableRow, tableCell, other }
    private var extensionKinds: [UInt32: ExtensionKind] = [:]

    /// Inside nodes whose reported lines are wrong, the cursor follows line breaks only: a
    /// paragraph that cmark-gfm's table extension split off above a table, and that table's
    /// header row (both report lines from the start of the original paragraph).
    private var untrustedLines = 0
    /// The header row of the table being read stands on this line, when cmark misreports it.
    private var tableHeaderLine: Int?

    init(source: SourceText, firstLine: Int) {
        self.source = source
        self.firstLine = firstLine
        self.cursor = SourceCursor(source: source)
    }

    // MARK: Walking

    /// Walks the document with a `cmark_iter` (no recursion, so any depth of nesting is fine).
    mutating func walk(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                enter(node, type)
            } else {
                exit(node, type)
            }
        }
        flushRun()
    }

    private mutating func enter(_ node: OpaquePointer, _ type: cmark_node_type) {
        if type != CMARK_NODE_TEXT { flushRun() }
        let line = Int(cmark_node_get_start_line(node))
        // A link spanning lines reports the line where it ends; the cursor already knows better.
        var trustsLine = line > 0 && untrustedLines == 0 && type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE
        if trustsLine, Self.isExtensionType(type), extensionKind(node, type) == .table, Self.followsSplitParagraph(node) {
            trustsLine = false
        }
        if trustsLine { cursor.move(toLine: line) }

        switch type {
        case CMARK_NODE_TEXT:
            let literal = Self.literal(of: node)
            if linkFrames.isEmpty {
                run.append(contentsOf: literal)
            } else {
                appendVisible(literal)
            }
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
            if block.last != 0x20 { pendingSeparator = Self.space }
            cursor.nextLine()
            lineStartPending = true
        case CMARK_NODE_CODE:
            let literal = Self.literal(of: node)
            appendVisible(literal, isCode: true)
            if linkFrames.isEmpty { cursor.skip(literal) }
            let end = Int(cmark_node_get_end_line(node))
            if end > line { cursor.move(toLine: end) }
        case CMARK_NODE_HTML_INLINE:
            let literal = Self.literal(of: node)
            for id in HTMLAnchorScan.ids(in: literal) { anchorIDs.append((id, cursor.line)) }
            if literal.contains(0x0A) {
                let end = Int(cmark_node_get_end_line(node))
                if end > 0 { cursor.move(toLine: end) }
            } else if linkFrames.isEmpty {
                cursor.skip(literal)
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            enterLink(node, isImage: type == CMARK_NODE_IMAGE)
        case CMARK_NODE_PARAGRAPH:
            beginBlock()
            if line == 0 {
                cursor.move(toLine: inferredStartLine(of: node))
                untrustedLines += 1
            }
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_ITEM,
               cmark_node_previous(node) == nil, !items.isEmpty {
                blockIsItemLead = true
            }
        case CMARK_NODE_HEADING:
            if footnoteDepth == 0 {
                sections.startHeading(level: Int(cmark_node_get_heading_level(node)), line: max(line, 1))
            }
            tagsBeforeHeading = tags.count
            beginBlock()
        case CMARK_NODE_HTML_BLOCK:
            for id in HTMLAnchorScan.ids(in: Self.literal(of: node)) { anchorIDs.append((id, max(line, 1))) }
        case CMARK_NODE_CODE_BLOCK:
            beginBlock()
            var literal = Self.literal(of: node)
            while let last = literal.last, last == 0x0A { literal = UnsafeBufferPointer(rebasing: literal.dropLast()) }
            block.append(contentsOf: literal)
            blockCode.append(0..<block.count)
            blockLines.append(SectionTextMap.LineStart(offset: 0, line: max(line, 1)))
            endBlock()
        case CMARK_NODE_ITEM:
            var frame = ItemFrame()
            if let list = cmark_node_parent(node), let outer = cmark_node_parent(list),
               cmark_node_get_type(outer) == CMARK_NODE_ITEM, !items.isEmpty, !items[items.count - 1].sawNestedItem {
                items[items.count - 1].sawNestedItem = true
                frame.describesParent = true
            }
            items.append(frame)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            footnoteDepth += 1
            sawFootnote = true
            savedSections.append(sections.switchToSection(containing: max(line, 1)))
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_FOOTNOTE_REFERENCE,
             CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            break
        default:
            switch extensionKind(node, type) {
            case .table:
                tableHeaderLine = Self.followsSplitParagraph(node) ? cursor.line + 1 : nil
            case .tableHeader:
                beginBlock()
                if let headerLine = tableHeaderLine {
                    cursor.move(toLine: headerLine)
                    untrustedLines += 1
                }
            case .tableRow:
                beginBlock()
            case .tableCell:
                if tableCellIndex > 0, !block.isEmpty { pendingSeparator = Self.cellSeparator }
                tableCellIndex += 1
            case .other:
                break
            }
        }
    }

    private mutating func exit(_ node: OpaquePointer, _ type: cmark_node_type) {
        flushRun()
        switch type {
        case CMARK_NODE_PARAGRAPH:
            endBlock()
            let endLine = Int(cmark_node_get_end_line(node))
            let lastLine = endLine > 0 && untrustedLines == 0 ? endLine : cursor.line
            if let id = blockID(atEndOfLine: lastLine) { blockIDs.append((id, lastLine)) }
            if cmark_node_get_start_line(node) == 0 { untrustedLines -= 1 }
        case CMARK_NODE_HEADING:
            if footnoteDepth == 0 {
                let title = String(decoding: block, as: UTF8.self).trimmingWhitespace()
                dropTagOfExplicitID(in: title)
                let leading = Self.trimmedRange(block)?.lowerBound ?? 0
                sections.finishHeading(title, code: Self.moved(blockCode, by: -leading, limit: title.utf8.count))
                describeReferences()
                clearBlock()
            } else {
                endBlock()
            }
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            exitLink()
        case CMARK_NODE_ITEM:
            if !items.isEmpty { items.removeLast() }
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            footnoteDepth -= 1
            if let saved = savedSections.popLast() { sections.restoreSection(saved) }
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_EMPH, CMARK_NODE_STRONG,
             CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
            break
        default:
            switch extensionKind(node, type) {
            case .tableHeader:
                endBlock()
                if tableHeaderLine != nil { untrustedLines -= 1 }
            case .tableRow:
                endBlock()
            case .table:
                tableHeaderLine = nil
            case .tableCell, .other:
                break
            }
        }
    }

    private static func isExtensionType(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_CODE_BLOCK,
             CMARK_NODE_HTML_BLOCK, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING,
             CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_FOOTNOTE_DEFINITION, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
             CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_EMPH,
             CMARK_NODE_STRONG, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_FOOTNOTE_REFERENCE:
            return false
        default:
            return true
        }
    }

    /// Whether a table follows a paragraph that the table extension split off from its header
    /// row; its own reported line is then the paragraph's.
    private static func followsSplitParagraph(_ table: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(table) else { return false }
        return cmark_node_get_type(previous) == CMARK_NODE_PARAGRAPH && cmark_node_get_start_line(previous) == 0
    }

    /// Where a block without a source position starts (the table extension leaves the paragraph
    /// above a table without one): the first non-blank line after its previous sibling, or from
    /// its parent's first line.
    private func inferredStartLine(of node: OpaquePointer) -> Int {
        var from = firstLine
        var sibling = cmark_node_previous(node)
        while let current = sibling {
            let end = Int(cmark_node_get_end_line(current))
            if end > 0 {
                from = end + 1
                break
            }
            sibling = cmark_node_previous(current)
        }
        if sibling == nil, let parent = cmark_node_parent(node) {
            from = max(from, Int(cmark_node_get_start_line(parent)))
        }
        return source.firstNonBlankLine(from: from, through: source.lineCount) ?? from
    }

    private mutating func extensionKind(_ node: OpaquePointer, _ type: cmark_node_type) -> ExtensionKind {
        // Header and body rows share one node type; the type string tells them apart.
        if let known = extensionKinds[type.rawValue] {
            return known == .tableRow && cmark_gfm_extensions_get_table_row_is_header(node) != 0 ? .tableHeader : known
        }
        var kind = ExtensionKind.other
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
        return kind == .tableRow && cmark_gfm_extensions_get_table_row_is_header(node) != 0 ? .tableHeader : kind
    }

    // MARK: Blocks

    private mutating func beginBlock() {
        clearBlock()
    }

    private mutating func clearBlock() {
        block.removeAll(keepingCapacity: true)
        pendingSeparator.removeAll()
        blockReferences.removeAll()
        blockIsItemLead = false
        tableCellIndex = 0
        blockCode.removeAll(keepingCapacity: true)
        blockLines.removeAll(keepingCapacity: true)
        lineStartPending = true
    }

    /// Ends a leaf block: describes its references and appends its text to the section.
    private mutating func endBlock() {
        describeReferences()
        if let trimmed = Self.trimmedRange(block) {
            let lines = blockLines.compactMap { start -> SectionTextMap.LineStart? in
                let offset = min(max(0, start.offset - trimmed.lowerBound), trimmed.count)
                return SectionTextMap.LineStart(offset: offset, line: start.line)
            }
            sections.appendBlock(block[trimmed], code: Self.moved(blockCode, by: -trimmed.lowerBound, limit: trimmed.count), lines: lines)
        }
        clearBlock()
    }

    /// Gives the block's references the rest of the block as their description; in a list item's
    /// first paragraph, those left without one wait for the first nested item's text.
    private mutating func describeReferences() {
        if blockIsItemLead, items.count >= 2, items[items.count - 1].describesParent {
            let parent = items.count - 2
            if !items[parent].waiting.isEmpty {
                let text = ReferenceDescription.clean(block)
                for reference in items[parent].waiting { references[reference].description = text }
                items[parent].waiting.removeAll()
            }
        }
        for (position, (reference, range)) in blockReferences.enumerated() {
            // With several cited links, each has the text after it up to the next one, and the
            // first also what comes before it: "[A](a) - 설명 A, [B](b) - 설명 B".
            let lower = position > 0 ? range.lowerBound : 0
            let upper = position + 1 < blockReferences.count
                ? max(blockReferences[position + 1].range.lowerBound, range.upperBound) : block.count
            let description = ReferenceDescription.rest(of: block, without: range, in: lower..<upper)
            references[reference].description = description
            if description == nil, blockIsItemLead, !items.isEmpty {
                items[items.count - 1].waiting.append(reference)
            }
        }
    }

    private mutating func appendVisible(_ bytes: some Collection<UInt8>, isCode: Bool = false) {
        guard suppressedText == 0, !bytes.isEmpty else { return }
        if !pendingSeparator.isEmpty {
            if !block.isEmpty { block.append(contentsOf: pendingSeparator) }
            pendingSeparator.removeAll()
        }
        if lineStartPending {
            lineStartPending = false
            if blockLines.last?.offset == block.count { blockLines.removeLast() }
            blockLines.append(SectionTextMap.LineStart(offset: block.count, line: max(cursor.line, 1)))
        }
        let start = block.count
        defer { if isCode, block.count > start { blockCode.append(start..<block.count) } }
        // One space where a dropped URL or tag left two.
        if block.last == 0x20, bytes.first == 0x20 {
            block.append(contentsOf: bytes.dropFirst())
        } else {
            block.append(contentsOf: bytes)
        }
    }

    /// Ranges moved by `delta` and cut to `0..<limit`; those left empty are dropped.
    private static func moved(_ ranges: [Range<Int>], by delta: Int, limit: Int) -> [Range<Int>] {
        ranges.compactMap { range in
            let lower = max(0, range.lowerBound + delta), upper = min(limit, range.upperBound + delta)
            return lower < upper ? lower..<upper : nil
        }
    }

    private static func trimmedRange(_ bytes: [UInt8]) -> Range<Int>? {
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        let last = bytes.lastIndex(where: { !isSpace($0) })!
        return first..<(last + 1)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: Anchors and block ids

    /// The Obsidian block id that source line `line` ends with, if any.
    private func blockID(atEndOfLine line: Int) -> String? {
        let range = source.byteRange(ofLine: line)
        // Most lines end in no `^id`: look at the bytes before making a string.
        let looksLikeOne = source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            var index = range.upperBound
            while index > range.lowerBound, Self.isSpace(bytes[index - 1]) { index -= 1 }
            let end = index
            while index > range.lowerBound, Self.isBlockIDByte(bytes[index - 1]) { index -= 1 }
            return index < end && index > range.lowerBound && bytes[index - 1] == UInt8(ascii: "^")
        }
        guard looksLikeOne else { return nil }
        return BlockID.atEnd(of: String(decoding: source.bytes[range], as: UTF8.self))
    }

    private static func isBlockIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A heading's trailing `{#id}` is its anchor, not a `#tag`: forgets the tag read from it.
    private mutating func dropTagOfExplicitID(in title: String) {
        guard let id = ExplicitHeadingID(splitting: title).id, tags.count > tagsBeforeHeading,
              let last = tags.last, id.hasPrefix(last.name)
        else { return }
        tags.removeLast()
    }

    /// Each id once, in source order.
    private func uniqueInOrder(_ found: [(id: String, line: Int)]) -> [String] {
        let ordered = sawFootnote ? Self.stableSorted(found) { $0.line < $1.line } : found
        var seen = Set<String>()
        return ordered.map(\.id).filter { seen.insert($0).inserted }
    }

    // MARK: Text runs: wiki links and tags

    private mutating func flushRun() {
        guard !run.isEmpty else { return }
        let line = cursor.line
        let sectionIndex = sections.current
        run.withUnsafeBufferPointer { run in
            for piece in InlineMarkupScanner.pieces(run) {
                switch piece {
                case .text(let range):
                    for name in InlineMarkupScanner.tags(in: run, range) where cursor.isWritten(Array("#\(name)".utf8)) {
                        tags.append(Tag(name: name, line: line))
                    }
                    let text = UnsafeBufferPointer(rebasing: run[range])
                    appendVisible(text)
                    cursor.skip(text)
                case let .wiki(target, text, isEmbed, range):
                    // Only what is written as `[[…]]` in the source: `\[\[…]]` is text.
                    let written = UnsafeBufferPointer(rebasing: run[range])
                    guard let location = cursor.locateWritten(written) ?? locateWithEscapedBar(written) else {
                        appendVisible(written)
                        continue
                    }
                    links.append(Link(
                        target: target, text: text, kind: isEmbed ? .embed : .wiki,
                        location: location, sectionIndex: sectionIndex
                    ))
                    sections.noteLink()
                    appendVisible(text.utf8)
                }
            }
        }
        run.removeAll(keepingCapacity: true)
    }

    /// A wiki link's alias bar written `\|`, as tables need it (cmark unescapes it everywhere).
    private mutating func locateWithEscapedBar(_ written: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
        guard written.contains(UInt8(ascii: "|")) else { return nil }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(written.count + 2)
        for byte in written {
            if byte == UInt8(ascii: "|") { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return escaped.withUnsafeBufferPointer { cursor.locateWritten($0) }
    }

    // MARK: Links, images and autolinks

    private mutating func enterLink(_ node: OpaquePointer, isImage: Bool) {
        let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var kind = LinkKind.markdown
        var location: SourceLocation
        var fixedText: String?

        if isImage {
            kind = .image
            location = cursor.locate(Self.imageOpening).location
        } else if let literal = Self.soleTextChild(of: node), Self.isAutolinkText(literal, url: url) {
            let text = String(decoding: literal, as: UTF8.self)
            let written = Array(literal)
            if untrustedLines == 0, cmark_node_get_start_line(node) == 0 || cmark_node_get_start_column(node) == 0 {
                // The GFM autolink extension: a bare URL.
                kind = .autolink
                location = cursor.locate([written]).location
            } else {
                let found = cursor.locate([[UInt8(ascii: "<")] + written, [UInt8(ascii: "[")], written])
                location = found.location
                kind = found.match == 1 ? .markdown : .autolink
                if found.match == 0 { cursor.skip([UInt8(ascii: ">")]) }
            }
            // A link whose text is its URL shows nothing worth indexing as text.
            fixedText = text
        } else {
            location = cursor.locate(Self.linkOpening).location
        }

        // A separator due before the link's text goes before the link, not into its text.
        if fixedText == nil, !pendingSeparator.isEmpty, !block.isEmpty {
            block.append(contentsOf: pendingSeparator)
            pendingSeparator.removeAll()
        }
        links.append(Link(target: url, text: "", kind: kind, location: location, sectionIndex: sections.current))
        sections.noteLink()
        if fixedText != nil { suppressedText += 1 }
        linkFrames.append(LinkFrame(link: links.count - 1, blockStart: block.count, fixedText: fixedText))
    }

    private mutating func exitLink() {
        guard let frame = linkFrames.popLast() else { return }
        if frame.fixedText != nil { suppressedText -= 1 }
        let link = links[frame.link]
        let text = frame.fixedText
            ?? String(decoding: block[min(frame.blockStart, block.count)...], as: UTF8.self).trimmingWhitespace()
        links[frame.link].text = text

        if link.kind == .markdown || link.kind == .image {
            skipLinkTail(url: link.target)
        }
        guard link.kind != .image, link.isExternal else { return }
        let label = (link.kind == .autolink || text.isEmpty || text == link.target) ? nil : text
        references.append(Reference(
            url: link.target, label: label, description: nil,
            location: link.location, sectionIndex: link.sectionIndex
        ))
        blockReferences.append((references.count - 1, min(frame.blockStart, block.count)..<block.count))
    }

    /// Moves the cursor past `](url` when it plainly follows the link text.
    private mutating func skipLinkTail(url: String) {
        cursor.skipLinkTail(url: Array(url.utf8))
    }

    /// The literal of a link's only child when that child is a text node.
    private static func soleTextChild(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8>? {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
              cmark_node_get_type(child) == CMARK_NODE_TEXT
        else { return nil }
        return literal(of: child)
    }

    /// Whether a link's text is its URL as an autolink writes it (`https://…`, `www.…`, `a@b.c`);
    /// a relative `[notes](notes)` is not one.
    private static func isAutolinkText(_ text: UnsafeBufferPointer<UInt8>, url: String) -> Bool {
        let urlBytes = url.utf8
        guard !text.isEmpty, urlBytes.count >= text.count else { return false }
        guard urlBytes.suffix(text.count).elementsEqual(text) else { return false }
        let prefix = urlBytes.prefix(urlBytes.count - text.count)
        if prefix.isEmpty { return text.contains(UInt8(ascii: ":")) }
        return prefix.elementsEqual("mailto:".utf8) || prefix.elementsEqual("http://".utf8)
            || prefix.elementsEqual("https://".utf8)
    }

    private static func literal(of node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let count = strlen(pointer)
        return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: count)
    }

    // MARK: Result

    func finish() -> Content {
        let sectionList = sections.sections(in: source, firstLine: firstLine)
        var links = links
        var references = references
        var tags = tags
        if sections.dropsPreamble {
            for index in links.indices { links[index].sectionIndex -= 1 }
            for index in references.indices { references[index].sectionIndex -= 1 }
        }
        if sawFootnote {
            // cmark puts footnote definitions last; put what they hold back in source order.
            links = Self.stableSorted(links) { $0.location < $1.location }
            references = Self.stableSorted(references) { $0.location < $1.location }
            tags = Self.stableSorted(tags) { $0.line < $1.line }
        }
        return Content(
            sections: sectionList, links: links, references: references, tags: tags,
            anchorIDs: uniqueInOrder(anchorIDs), blockIDs: uniqueInOrder(blockIDs),
            firstLevel1Heading: sections.firstLevel1Heading
        )
    }

    private static func stableSorted<Element>(_ values: [Element], by less: (Element, Element) -> Bool) -> [Element] {
        values.enumerated()
            .sorted { less($0.element, $1.element) || (!less($1.element, $0.element) && $0.offset < $1.offset) }
            .map(\.element)
    }
}
