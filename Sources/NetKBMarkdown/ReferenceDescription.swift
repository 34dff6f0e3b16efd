/// What a note says about the links it cites: pure functions over a block's visible text.
///
/// ```swift
/// // "- [MDN](https://mdn.io) - 핸드셰이크 용어 정리": the label is cut, the rest describes it.
/// ReferenceDescription.inProse(block, citations: [Citation(range: 0..<3)], isParagraph: false)
/// // ["핸드셰이크 용어 정리"]
/// // "자세한 내용은 [RFC 793](…)과 … 참고.": a link inside a sentence keeps its words.
/// // ["자세한 내용은 RFC 793과 tcp-header.png 참고."]
/// ```
enum ReferenceDescription {
    /// The longest description kept, in bytes; longer ones are cut at a character and end in `…`.
    static let maximumBytes = 1_000

    /// A link cited in a block: the bytes of its visible text there, or, for a bare URL (whose
    /// text is not in the block), an empty range where it stands and its text.
    struct Citation: Equatable {
        var range: Range<Int>
        var hiddenText: [UInt8] = []
        /// False for a link that is not a reference (to a note, a heading): it only bounds
        /// its neighbours' stretches of text, and gets no description.
        var isReference = true
    }

    /// The descriptions of the links cited in one block of prose (a paragraph, a list item's
    /// first paragraph, a heading), in the order given.
    ///
    /// A link that stands apart (first, or after ` - `, `:`, `|`, in brackets of its own) is
    /// described by the text after it up to the next link, the first also by what comes before
    /// it: `[A](a) - 설명 A, [B](b) - 설명 B`; its own text is left out. A link that is part of a
    /// sentence keeps its words there, and so do its neighbours: `내용은 [RFC 793](…)과 [RFC
    /// 9293](…)을 참고.`, `We follow the [GitHub Flow](…)`, `[Travis 사이트](…)로 접속하여`; a bare
    /// URL only with text on both sides. In a paragraph (`isParagraph`), only the sentences
    /// holding the link are kept.
    static func inProse(_ block: [UInt8], citations: [Citation], isParagraph: Bool) -> [String?] {
        citations.enumerated().map { position, citation in
            guard citation.isReference else { return nil }
            let range = citation.range
            let gapStart = min(position > 0 ? citations[position - 1].range.upperBound : 0, range.lowerBound)
            let gapEnd = position + 1 < citations.count
                ? max(citations[position + 1].range.lowerBound, range.upperBound) : block.count
            let linkText = range.isEmpty ? citation.hiddenText[...] : block[range]
            if !linkText.isEmpty,
               isPartOfSentence(before: block[gapStart..<range.lowerBound], after: block[range.upperBound..<gapEnd], isBareURL: range.isEmpty) {
                // The sentence as written, other links' words included.
                let sentence = sentenceRange(in: block, around: range)
                var text = Array(block[sentence.lowerBound..<range.lowerBound])
                text.append(contentsOf: linkText)
                text.append(contentsOf: block[range.upperBound..<sentence.upperBound])
                return clean(text)
            }
            // Its own stretch of the block, without its text.
            let lower = position > 0 ? range.lowerBound : 0
            var text = Array(block[lower..<range.lowerBound])
            let link = text.count..<text.count
            text.append(contentsOf: block[range.upperBound..<gapEnd])
            if isParagraph {
                text = Array(text[sentenceRange(in: text, around: link)])
            }
            return clean(text)
        }
    }

    /// The description of a link in a table row: the rest of its own cell, or else the row's
    /// other cells, each named by its column's header when there is one (`상태: ESTABLISHED ·
    /// 설명: 연결됨`), or alone when it is the only one.
    static func inTableRow(_ block: [UInt8], cells: [Range<Int>?], linkCell: Int, citation: Citation, headers: [String]) -> String? {
        if linkCell < cells.count, let own = cells[linkCell],
           let rest = inProse(Array(block[own]), citations: [Citation(range: shifted(citation.range, by: -own.lowerBound, within: own.count), hiddenText: citation.hiddenText)], isParagraph: false).first ?? nil {
            return rest
        }
        var others: [(header: String?, text: String)] = []
        for (index, cell) in cells.enumerated() where index != linkCell {
            guard let cell, let text = clean(Array(block[cell])) else { continue }
            let header = index < headers.count && !headers[index].isEmpty ? headers[index] : nil
            others.append((header, text))
        }
        if others.count == 1 { return others[0].text }
        let joined = others.map { ($0.header.map { "\($0): " } ?? "") + $0.text }.joined(separator: " · ")
        return joined.isEmpty ? nil : bounded(joined)
    }

    /// The description made of the item's own text and the text of the items nested under it.
    static func withNestedItems(own: String?, nested: [String]) -> String? {
        guard !nested.isEmpty else { return own }
        let joined = nested.joined(separator: "; ")
        return bounded(own.map { "\($0); \(joined)" } ?? joined)
    }

    /// `range` moved by `offset` and kept within `0..<count`.
    private static func shifted(_ range: Range<Int>, by offset: Int, within count: Int) -> Range<Int> {
        let lower = min(max(range.lowerBound + offset, 0), count)
        let upper = min(max(range.upperBound + offset, lower), count)
        return lower..<upper
    }

    /// Whether a link is part of the sentence around it. `before` and `after` are the text
    /// between it and its neighbouring links. It is not when a mark sets it apart (` - `, `:`,
    /// `|`, a dash) or it stands in brackets of its own; it is when a word is glued to its end
    /// (a Korean particle: `[문서](…)를`), or when text leads into it (for a bare URL: text on
    /// both sides).
    static func isPartOfSentence(before: ArraySlice<UInt8>, after: ArraySlice<UInt8>, isBareURL: Bool) -> Bool {
        let beforeEnd = before.lastIndex(where: { !BlockText.isSpace($0) })
        let afterStart = after.firstIndex(where: { !BlockText.isSpace($0) })
        let lastBefore = beforeEnd.map { before[$0] }
        let firstAfter = afterStart.map { after[$0] }
        if let lastBefore, let firstAfter,
           (lastBefore == UInt8(ascii: "(") && firstAfter == UInt8(ascii: ")")) || (lastBefore == UInt8(ascii: "[") && firstAfter == UInt8(ascii: "]")) {
            return false
        }
        if let afterStart, isApart(after[afterStart]) || startsWithWideMark(after[afterStart...]) { return false }
        if let first = after.first, !BlockText.isSpace(first), first >= 0x80 || isASCIIAlphanumeric(first) { return true }
        // Text leads into it: words, not just the commas or slashes between links of a list.
        guard let beforeEnd, !isApart(before[beforeEnd]), !endsWithWideMark(before[...beforeEnd]),
              String(decoding: before, as: UTF8.self).unicodeScalars.contains(where: { $0.properties.isAlphabetic })
        else { return false }
        return !isBareURL || afterStart != nil
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// The dashes, bullet and middle dot that set a link apart like ` - `.
    private static let wideMarks: ArraySlice<[UInt8]> = wideSeparators[1...4]

    private static func startsWithWideMark(_ text: ArraySlice<UInt8>) -> Bool {
        wideMarks.contains { text.starts(with: $0) }
    }

    private static func endsWithWideMark(_ text: ArraySlice<UInt8>) -> Bool {
        wideMarks.contains { text.count >= $0.count && text.suffix($0.count).elementsEqual($0) }
    }

    /// ASCII marks that set a link apart from the text beside it (`[A](a) - 설명`, `블로그: [B](b)`);
    /// a comma or full stop does not.
    private static func isApart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: "="), UInt8(ascii: ">"): true
        default: false
        }
    }

    /// The sentences of `text` that overlap `link`: from the end of the sentence before it to
    /// the end of the sentence it stands in. A sentence ends with `.`, `?` or `!` before a space,
    /// or with `。`.
    static func sentenceRange(in text: [UInt8], around link: Range<Int>) -> Range<Int> {
        // Looked for within a window on either side, so that a block with thousands of links
        // and no full stop costs linear time; a sentence longer than that is cut.
        let window = 2 * maximumBytes
        let lowest = max(0, link.lowerBound - window)
        var start = lowest
        var index = link.lowerBound - 1
        while index >= lowest {
            if let end = sentenceEnd(in: text, at: index), end <= link.lowerBound {
                start = end
                break
            }
            index -= 1
        }
        while start > 0, start < text.count, text[start] & 0xC0 == 0x80 { start += 1 }
        let highest = min(text.count, link.upperBound + window)
        var end = highest
        index = max(link.upperBound, start)
        while index < highest {
            if let found = sentenceEnd(in: text, at: index) {
                end = found
                break
            }
            index += 1
        }
        while end < text.count, end > start, text[end] & 0xC0 == 0x80 { end -= 1 }
        return start..<max(start, end)
    }

    /// When a sentence ends at `index` (its punctuation), the offset just after it; else nil.
    private static func sentenceEnd(in text: [UInt8], at index: Int) -> Int? {
        let byte = text[index]
        if byte == UInt8(ascii: "."), index + 1 < text.count, BlockText.isSpace(text[index + 1]),
           index > 0, !(text[index - 1] >= UInt8(ascii: "0") && text[index - 1] <= UInt8(ascii: "9")) {
            return index + 1
        }
        if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
            if index + 1 == text.count || BlockText.isSpace(text[index + 1]) { return index + 1 }
        }
        // 。 (U+3002)
        if byte == 0xE3, index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0x82 { return index + 3 }
        return nil
    }

    /// The text trimmed of whitespace and separators at both ends, with the empty brackets a
    /// removed link leaves (`()`, `[]`, `<>`) dropped and runs of spaces made one; nil when
    /// nothing is left. At most ``maximumBytes`` long.
    static func clean(_ text: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for byte in text {
            if byte == 0x20 {
                if bytes.last != 0x20 { bytes.append(byte) }
                continue
            }
            // Only a closing bracket can end an empty pair: other bytes are kept as they are.
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: ">") {
                var open = bytes.count - 1
                while open >= 0, bytes[open] == 0x20 { open -= 1 }
                if open >= 0, isEmptyPair(bytes[open], byte) {
                    // "( )" left where a link stood: dropped with the space before it.
                    bytes.removeSubrange(open...)
                    if bytes.last == 0x20 { bytes.removeLast() }
                    continue
                }
            }
            bytes.append(byte)
        }
        var start = 0
        var end = bytes.count
        while start < end, let length = separatorLength(bytes, at: start) { start += length }
        while end > start, let length = separatorLength(endingAt: end, in: bytes) { end -= length }
        // Text that a removed link left in brackets of its own: "(참고: https://…)".
        while end - start >= 2, isBracketPair(bytes[start], bytes[end - 1]),
              !bytes[(start + 1)..<(end - 1)].contains(where: { isBracket($0) }) {
            start += 1
            end -= 1
            while start < end, let length = separatorLength(bytes, at: start) { start += length }
            while end > start, let length = separatorLength(endingAt: end, in: bytes) { end -= length }
        }
        guard start < end else { return nil }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        // Punctuation or a number alone ("." after a removed link, "[1]") says nothing.
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return nil }
        return bounded(text)
    }

    /// `text`, cut to at most ``maximumBytes`` at a character boundary with `…` added.
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > maximumBytes else { return text }
        var cut = ""
        for character in text {
            if cut.utf8.count + character.utf8.count > maximumBytes - 3 { break }
            cut.append(character)
        }
        return cut + "…"
    }

    private static func isBracketPair(_ open: UInt8, _ close: UInt8) -> Bool {
        isEmptyPair(open, close)
    }

    private static func isBracket(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    private static func isEmptyPair(_ open: UInt8, _ close: UInt8) -> Bool {
        (open == UInt8(ascii: "(") && close == UInt8(ascii: ")"))
            || (open == UInt8(ascii: "[") && close == UInt8(ascii: "]"))
            || (open == UInt8(ascii: "<") && close == UInt8(ascii: ">"))
    }

    /// Separators: ASCII whitespace and `- : | , ; = >`, and the UTF-8 sequences below.
    private static let wideSeparators: [[UInt8]] = [
        [0xC2, 0xA0],  // no-break space
        [0xC2, 0xB7],  // middle dot
        [0xE2, 0x80, 0x93],  // en dash
        [0xE2, 0x80, 0x94],  // em dash
        [0xE2, 0x80, 0xA2],  // bullet
        [0xE3, 0x80, 0x80],  // ideographic space
    ]

    private static func isASCIISeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    private static func separatorLength(_ bytes: [UInt8], at index: Int) -> Int? {
        if isASCIISeparator(bytes[index]) { return 1 }
        for separator in wideSeparators where bytes[index...].starts(with: separator) {
            return separator.count
        }
        return nil
    }

    private static func separatorLength(endingAt end: Int, in bytes: [UInt8]) -> Int? {
        if isASCIISeparator(bytes[end - 1]) { return 1 }
        for separator in wideSeparators where end >= separator.count
            && bytes[(end - separator.count)..<end].elementsEqual(separator) {
            return separator.count
        }
        return nil
    }
}
