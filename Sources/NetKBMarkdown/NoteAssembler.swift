import NetKBCore

/// Reads a note from the walk of its document (``MarkdownEvent``s from ``CmarkDocument``) and
/// gathers its sections, links, references, inline tags, HTML anchors and block ids.
///
/// Visible text is gathered per leaf block (paragraph, heading, table row, code block) in a
/// ``BlockText`` and appended to the current section when the block ends. Consecutive text
/// nodes outside links form a run, scanned for wiki links and `#tags` when the run ends. Where
/// things stand in the source is tracked by a ``SourceCursor``; what a note says about a link
/// comes from ``ReferenceDescription`` and ``NestedItemDescriptions``.
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
    private var block = BlockText()
    /// Links cited in the current block, with the bytes of their text in it and their cell;
    /// `reference` is nil for a link that is not a reference (it bounds its neighbours' text).
    private var blockCitations: [(reference: Int?, range: Range<Int>, cell: Int?, hiddenText: [UInt8])] = []
    /// The bare URL just cited, whose hidden text gets the space that the text after it starts
    /// with (the block keeps one space where the URL stood).
    private var citationAwaitingSpace: Int?
    private var blockIsItemLead = false
    private var tableCellIndex = 0
    /// Code in the block being read, as byte ranges of ``block``.
    private var blockCode: [Range<Int>] = []
    /// Where the block's text moves to another source line, as offsets in ``block``.
    private var blockLines: [SectionTextMap.LineStart] = []
    /// The next visible text starts a stretch of text on the cursor's line.
    private var lineStartPending = true
    private var blockIsTableRow = false
    /// The header cells of the table being read, for describing links in its rows.
    private var tableHeaders: [String] = []
    private var nestedItems = NestedItemDescriptions()

    /// Consecutive text nodes outside links, not yet scanned.
    private var run: [UInt8] = []

    private struct LinkFrame {
        var link: Int
        var blockStart: Int
        var cell: Int?
        /// The text when it is known up front (autolinks), and the visible text is dropped.
        var fixedText: String?
    }
    private var linkFrames: [LinkFrame] = []
    /// The inline `<a href>` whose `</a>` has not come yet: its link, its reference, and where
    /// its text starts in ``block``.
    private var pendingHTMLLink: (link: Int, reference: Int?, blockStart: Int)?
    /// The hidden element (``HTMLScanning/hiddenElements``) an inline tag of the block being
    /// read opened and no tag has closed yet.
    private var hiddenInlineElement: String?
    private var suppressedText = 0

    private var footnoteDepth = 0
    private var savedSections: [Int] = []
    private var sawFootnote = false

    private static let imageOpening = [Array("![".utf8)]
    private static let linkOpening = [Array("[".utf8)]

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

    /// Handles one step of the document's walk.
    mutating func handle(_ event: MarkdownEvent) {
        if event.isEntering { enter(event) } else { exit(event) }
    }

    /// How many source bytes the cursor has searched, for tests that a line costs linear time.
    var sourceBytesScanned: Int { cursor.scannedBytes }

    /// Ends the walk: scans the last run of text.
    mutating func finishWalk() {
        flushRun()
    }

    private mutating func enter(_ event: MarkdownEvent) {
        if event.kind != .text { flushRun() }
        let line = event.startLine
        // A link spanning lines reports the line where it ends; the cursor already knows better.
        var trustsLine = line > 0 && untrustedLines == 0 && event.kind != .link && event.kind != .image
        if trustsLine, event.kind == .table, event.followsSplitParagraph { trustsLine = false }
        if trustsLine { cursor.move(toLine: line) }

        switch event.kind {
        case .text:
            if linkFrames.isEmpty {
                run.append(contentsOf: event.literal)
            } else {
                appendVisible(event.literal)
            }
        case .softBreak, .lineBreak:
            block.breakLine()
            cursor.nextLine()
            lineStartPending = true
        case .code:
            appendVisible(event.literal, isCode: true)
            if linkFrames.isEmpty { cursor.skip(event.literal) }
            if event.endLine > line { cursor.move(toLine: event.endLine) }
        case .htmlInline:
            let literal = event.literal
            for id in HTMLAnchorScan.ids(in: literal) { anchorIDs.append((id, cursor.line)) }
            var located = 0
            if let hidden = hiddenInlineElement {
                // Inside an inline `<script>` or `<template>`: no links until it closes.
                if HTMLScanning.isClosingTag(literal, named: hidden) { hiddenInlineElement = nil }
            } else if pendingHTMLLink != nil, HTMLScanning.isClosingTag(literal, named: "a") {
                finishHTMLLinkText()
            } else {
                located = addHTMLLinks(in: literal, firstLine: cursor.line, inline: true)
                hiddenInlineElement = HTMLScanning.openedHiddenElement(literal)
            }
            if literal.contains(0x0A) {
                if event.endLine > 0 { cursor.move(toLine: event.endLine) }
            } else if linkFrames.isEmpty {
                // The cursor is already past what locating the tag's link matched.
                cursor.skip(UnsafeBufferPointer(rebasing: literal[min(located, literal.count)...]))
            }
        case .link, .image:
            enterLink(event)
        case .paragraph:
            beginBlock()
            if line == 0 {
                cursor.move(toLine: inferredStartLine(of: event))
                untrustedLines += 1
            }
            if event.isItemLead, nestedItems.depth > 0 { blockIsItemLead = true }
        case .heading:
            if footnoteDepth == 0 {
                sections.startHeading(level: event.headingLevel, line: max(line, 1))
            }
            tagsBeforeHeading = tags.count
            beginBlock()
        case .htmlBlock:
            for id in HTMLAnchorScan.ids(in: event.literal) { anchorIDs.append((id, max(line, 1))) }
            addHTMLLinks(in: event.literal, firstLine: max(line, 1), inline: false)
            appendHTMLBlockText(event.literal, firstLine: max(line, 1))
        case .codeBlock:
            beginBlock()
            var literal = event.literal
            while let last = literal.last, last == 0x0A { literal = UnsafeBufferPointer(rebasing: literal.dropLast()) }
            block.append(literal)
            blockCode.append(0..<block.count)
            blockLines.append(SectionTextMap.LineStart(offset: 0, line: max(line, 1)))
            endBlock()
        case .item:
            nestedItems.enterItem(isNested: event.isNestedItem)
        case .footnoteDefinition:
            footnoteDepth += 1
            sawFootnote = true
            savedSections.append(sections.switchToSection(containing: max(line, 1)))
        case .table:
            tableHeaderLine = event.followsSplitParagraph ? cursor.line + 1 : nil
            tableHeaders = []
        case .tableHeader:
            beginBlock()
            blockIsTableRow = true
            if let headerLine = tableHeaderLine {
                cursor.move(toLine: headerLine)
                untrustedLines += 1
            }
        case .tableRow:
            beginBlock()
            blockIsTableRow = true
        case .tableCell:
            block.startCell()
        case .document, .blockQuote, .list, .thematicBreak, .emphasis, .strong, .footnoteReference, .other:
            break
        }
    }

    private mutating func exit(_ event: MarkdownEvent) {
        flushRun()
        switch event.kind {
        case .paragraph:
            endBlock()
            let lastLine = event.endLine > 0 && untrustedLines == 0 ? event.endLine : cursor.line
            if let id = blockID(atEndOfLine: lastLine) { blockIDs.append((id, lastLine)) }
            if event.startLine == 0 { untrustedLines -= 1 }
        case .heading:
            if footnoteDepth == 0 {
                let title = String(decoding: block.bytes, as: UTF8.self).trimmingWhitespace()
                dropTagOfExplicitID(in: title)
                let leading = block.trimmed?.startIndex ?? 0
                sections.finishHeading(title, code: Self.moved(blockCode, by: -leading, limit: title.utf8.count))
                describeReferences()
                clearBlock()
            } else {
                endBlock()
            }
        case .link, .image:
            exitLink()
        case .item:
            for assignment in nestedItems.exitItem() {
                references[assignment.reference].description = ReferenceDescription.withNestedItems(
                    own: references[assignment.reference].description, nested: assignment.nested)
            }
        case .footnoteDefinition:
            footnoteDepth -= 1
            if let saved = savedSections.popLast() { sections.restoreSection(saved) }
        case .tableHeader:
            block.closeCell()
            tableHeaders = block.cells.map { cell in cell.flatMap { ReferenceDescription.clean(Array(block.bytes[$0])) } ?? "" }
            endBlock()
            if tableHeaderLine != nil { untrustedLines -= 1 }
        case .tableRow:
            block.closeCell()
            endBlock()
        case .table:
            tableHeaderLine = nil
            tableHeaders = []
        case .document, .blockQuote, .list, .codeBlock, .htmlBlock, .thematicBreak, .text, .softBreak, .lineBreak,
             .code, .htmlInline, .emphasis, .strong, .footnoteReference, .tableCell, .other:
            break
        }
    }

    /// Where a paragraph without a source position starts (the table extension leaves the
    /// paragraph above a table without one): the first non-blank line after its previous
    /// sibling, or from its parent's first line.
    private func inferredStartLine(of event: MarkdownEvent) -> Int {
        var from = firstLine
        if let end = event.previousSiblingEndLine {
            from = end + 1
        } else {
            from = max(from, event.parentStartLine)
        }
        return source.firstNonBlankLine(from: from, through: source.lineCount) ?? from
    }

    // MARK: Blocks

    private mutating func beginBlock() {
        clearBlock()
    }

    private mutating func clearBlock() {
        pendingHTMLLink = nil
        hiddenInlineElement = nil
        block.clear()
        blockCitations.removeAll()
        citationAwaitingSpace = nil
        blockIsItemLead = false
        blockIsTableRow = false
        blockCode.removeAll(keepingCapacity: true)
        blockLines.removeAll(keepingCapacity: true)
        lineStartPending = true
    }

    /// Ends a leaf block: describes its references and appends its text to the section.
    private mutating func endBlock() {
        describeReferences()
        if let trimmed = block.trimmed {
            let lower = trimmed.startIndex
            let lines = blockLines.compactMap { start -> SectionTextMap.LineStart? in
                let offset = min(max(0, start.offset - lower), trimmed.count)
                return SectionTextMap.LineStart(offset: offset, line: start.line)
            }
            sections.appendBlock(trimmed, code: Self.moved(blockCode, by: -lower, limit: trimmed.count), lines: lines)
        }
        clearBlock()
    }

    /// Gives the block's references what the block says about them; a list item's first
    /// paragraph also tells ``NestedItemDescriptions`` what it cited or, citing nothing, what
    /// it says about the item above.
    private mutating func describeReferences() {
        let bytes = block.bytes
        if blockIsTableRow {
            for citation in blockCitations {
                guard let reference = citation.reference else { continue }
                references[reference].description = ReferenceDescription.inTableRow(
                    bytes, cells: block.cells, linkCell: citation.cell ?? 0,
                    citation: .init(range: citation.range, hiddenText: citation.hiddenText), headers: tableHeaders)
            }
        } else if !blockCitations.isEmpty {
            let descriptions = ReferenceDescription.inProse(
                bytes, citations: blockCitations.map { .init(range: $0.range, hiddenText: $0.hiddenText, isReference: $0.reference != nil) },
                isParagraph: !blockIsItemLead)
            for (citation, description) in zip(blockCitations, descriptions) {
                if let reference = citation.reference { references[reference].description = description }
            }
        }
        if blockIsItemLead {
            let cited = blockCitations.compactMap(\.reference).map { ($0, references[$0].description != nil) }
            nestedItems.leadParagraphEnded(cited: cited) { cited.isEmpty ? ReferenceDescription.clean(bytes) : nil }
        }
    }

    private mutating func appendVisible(_ bytes: some Collection<UInt8>, isCode: Bool = false) {
        guard suppressedText == 0, !bytes.isEmpty else { return }
        if let citation = citationAwaitingSpace {
            if bytes.first == 0x20 || block.hasPendingSeparator { blockCitations[citation].hiddenText.append(0x20) }
            citationAwaitingSpace = nil
        }
        if lineStartPending {
            lineStartPending = false
            if blockLines.last?.offset == block.count { blockLines.removeLast() }
            blockLines.append(SectionTextMap.LineStart(offset: block.count, line: max(cursor.line, 1)))
        }
        let start = block.count
        defer { if isCode, block.count > start { blockCode.append(start..<block.count) } }
        block.append(bytes)
    }

    /// Appends what an HTML block shows as text (``HTMLVisibleText``) to the section, as a block
    /// whose lines keep their source lines. Its text is not scanned for wiki links or tags:
    /// renderers show Markdown inside an HTML block as written.
    private mutating func appendHTMLBlockText(_ html: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        let lines = HTMLVisibleText.lines(in: html)
        guard !lines.isEmpty else { return }
        beginBlock()
        for visible in lines {
            block.breakLine()
            blockLines.append(SectionTextMap.LineStart(offset: block.count, line: firstLine + visible.line))
            block.append(visible.text)
        }
        endBlock()
    }

    /// Adds the links of `<a href>` and `<img src>` tags in HTML (``HTMLLinkScan``) whose first
    /// line is `firstLine`, each located where its tag starts; an http(s) one is a reference,
    /// labelled by its text or `alt`. An inline `<a href>` (one tag) gets the text read up to
    /// its `</a>` in the same block.
    @discardableResult
    private mutating func addHTMLLinks(in html: UnsafeBufferPointer<UInt8>, firstLine: Int, inline: Bool) -> Int {
        let found = HTMLLinkScan.links(in: html)
        guard !found.isEmpty else { return 0 }
        var located = 0
        var line = firstLine
        var counted = 0
        var lineEnd = 0
        for link in found {
            for index in counted..<link.offset where html[index] == 0x0A { line += 1 }
            counted = link.offset
            if lineEnd <= link.offset {
                lineEnd = link.offset
                while lineEnd < html.count, html[lineEnd] != 0x0A { lineEnd += 1 }
            }
            var tagEnd = link.offset
            while tagEnd < min(link.end, html.count), tagEnd - link.offset < 64, html[tagEnd] != 0x0A { tagEnd += 1 }
            cursor.move(toLine: line)
            let tag = html[link.offset..<tagEnd]
            // A block's line ends as its source line does; an inline tag's literal is the tag alone.
            let location = (inline ? nil : cursor.locate(fromEnd: lineEnd - link.offset, expected: ArraySlice(tag)))
                ?? cursor.locate([Array(tag)]).location
            located = tagEnd
            links.append(Link(target: link.target, text: link.text, kind: .html, location: location, sectionIndex: sections.current))
            sections.noteLink()
            if inline, !link.isImage, link.text.isEmpty {
                block.writePendingSeparator()
                pendingHTMLLink = (links.count - 1, nil, block.count)
            }
            guard let normalized = URLNormalizer.normalize(link.target) else { continue }
            if inline, pendingHTMLLink?.link == links.count - 1 { pendingHTMLLink?.reference = references.count }
            references.append(Reference(
                url: link.target, normalizedURL: normalized.normalized, domain: normalized.domain,
                label: link.text.isEmpty || link.text == link.target ? nil : link.text,
                description: nil, location: location, sectionIndex: sections.current, isImage: link.isImage
            ))
        }
        return located
    }

    /// Gives the inline `<a href>` being read the block's text since its tag, at its `</a>`.
    private mutating func finishHTMLLinkText() {
        guard let pending = pendingHTMLLink else { return }
        pendingHTMLLink = nil
        let start = min(pending.blockStart, block.count)
        let text = String(decoding: block.bytes[start...], as: UTF8.self).trimmingWhitespace()
        links[pending.link].text = text
        if let reference = pending.reference, !text.isEmpty, text != links[pending.link].target {
            references[reference].label = text
        }
    }

    /// Ranges moved by `delta` and cut to `0..<limit`; those left empty are dropped.
    private static func moved(_ ranges: [Range<Int>], by delta: Int, limit: Int) -> [Range<Int>] {
        ranges.compactMap { range in
            let lower = max(0, range.lowerBound + delta), upper = min(limit, range.upperBound + delta)
            return lower < upper ? lower..<upper : nil
        }
    }

    // MARK: Anchors and block ids

    /// The Obsidian block id that source line `line` ends with, if any.
    private func blockID(atEndOfLine line: Int) -> String? {
        let range = source.byteRange(ofLine: line)
        // Most lines end in no `^id`: look at the bytes before making a string.
        let looksLikeOne = source.bytes.withUnsafeBufferPointer { bytes -> Bool in
            var index = range.upperBound
            while index > range.lowerBound, BlockText.isSpace(bytes[index - 1]) { index -= 1 }
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
                    for name in InlineMarkupScanner.tags(in: run, range) where cursor.isTagWritten(name) {
                        tags.append(Tag(name: name, line: line))
                    }
                    let text = UnsafeBufferPointer(rebasing: run[range])
                    // What a reader sees: without emphasis cmark left as text, or emoji shortcodes.
                    if let visible = LeftoverMarkup.visible(text) {
                        appendVisible(visible)
                    } else {
                        appendVisible(text)
                    }
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

    private mutating func enterLink(_ event: MarkdownEvent) {
        var url = event.url
        var kind = LinkKind.markdown
        var location: SourceLocation
        var fixedText: String?

        if event.kind == .image {
            kind = .image
            location = cursor.locate(Self.imageOpening).location
        } else if let literal = event.soleText, Self.isAutolinkText(literal, url: url) {
            var text = String(decoding: literal, as: UTF8.self)
            let written = Array(literal)
            let isBare: Bool
            if untrustedLines == 0, event.startLine == 0 || event.startColumn == 0 {
                // The GFM autolink extension: a bare URL.
                kind = .autolink
                location = cursor.locate([written]).location
                isBare = true
            } else {
                let found = cursor.locate([[UInt8(ascii: "<")] + written, [UInt8(ascii: "[")], written])
                location = found.location
                kind = found.match == 1 ? .markdown : .autolink
                if found.match == 0 { cursor.skip([UInt8(ascii: ">")]) }
                isBare = found.match == 2
            }
            // `https://example.com/에서`: the particle is Korean grammar, not part of the URL.
            if isBare, let split = TrailingKoreanParticle.split(url), text.hasSuffix(split.particle) {
                url = split.url
                text.removeLast(split.particle.count)
            }
            // A link whose text is its URL shows nothing worth indexing as text.
            fixedText = text
        } else {
            location = cursor.locate(Self.linkOpening).location
        }

        // A separator due before the link's text goes before the link, not into its text.
        if fixedText == nil { block.writePendingSeparator() } else { block.writePendingLineBreak() }
        links.append(Link(target: url, text: "", kind: kind, location: location, sectionIndex: sections.current))
        sections.noteLink()
        if fixedText != nil { suppressedText += 1 }
        linkFrames.append(LinkFrame(link: links.count - 1, blockStart: block.count, cell: block.currentCell, fixedText: fixedText))
    }

    private mutating func exitLink() {
        guard let frame = linkFrames.popLast() else { return }
        if frame.fixedText != nil { suppressedText -= 1 }
        let link = links[frame.link]
        let start = min(frame.blockStart, block.count)
        let text = frame.fixedText ?? String(decoding: block.bytes[start...], as: UTF8.self).trimmingWhitespace()
        links[frame.link].text = text

        if link.kind == .markdown || link.kind == .image {
            skipLinkTail(url: link.target)
        }
        // Only http(s) links are references: never mailto:, javascript: or data:.
        guard let normalized = URLNormalizer.normalize(link.target) else {
            if link.kind != .image { blockCitations.append((nil, start..<block.count, frame.cell, [])) }
            return
        }
        let label = (link.kind == .autolink || text.isEmpty || text == link.target) ? nil : text
        references.append(Reference(
            url: link.target, normalizedURL: normalized.normalized, domain: normalized.domain, label: label,
            description: nil, location: link.location, sectionIndex: link.sectionIndex, isImage: link.kind == .image
        ))
        // An image is described by its alt text alone, and leaves the links around it theirs.
        guard link.kind != .image else { return }
        blockCitations.append((references.count - 1, start..<block.count, frame.cell, frame.fixedText.map { Array($0.utf8) } ?? []))
        citationAwaitingSpace = frame.fixedText == nil ? nil : blockCitations.count - 1
    }

    /// Moves the cursor past `](url` when it plainly follows the link text.
    private mutating func skipLinkTail(url: String) {
        cursor.skipLinkTail(url: Array(url.utf8))
    }

    /// Whether a link's text is its URL as an autolink writes it (`https://…`, `www.…`, `a@b.c`);
    /// a relative `[notes](notes)` is not one.
    static func isAutolinkText(_ text: UnsafeBufferPointer<UInt8>, url: String) -> Bool {
        let urlBytes = url.utf8
        guard !text.isEmpty, urlBytes.count >= text.count else { return false }
        guard urlBytes.suffix(text.count).elementsEqual(text) else { return false }
        let prefix = urlBytes.prefix(urlBytes.count - text.count)
        if prefix.isEmpty { return text.contains(UInt8(ascii: ":")) }
        return prefix.elementsEqual("mailto:".utf8) || prefix.elementsEqual("http://".utf8)
            || prefix.elementsEqual("https://".utf8)
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
