/// What ``HTMLAnchorScan``, ``HTMLLinkScan`` and ``HTMLVisibleText`` read in raw HTML bytes:
/// opening tags with their attributes, comments and other markup declarations, and the
/// closing tag that ends the raw text of `script` or `style`. Lenient as browsers are: a tag
/// never closed ends with the text.
enum HTMLScanning {
    /// Elements whose content is raw text, never tags, and never shown as text.
    static let rawTextElements: Set<String> = ["script", "style", "textarea"]

    /// Elements whose content is never shown: neither text nor links.
    static let hiddenElements = rawTextElements.union(["template"])

    /// The name of the hidden element (``hiddenElements``) that `html`, one tag, opens; nil
    /// for any other tag, or when `html` also closes it.
    static func openedHiddenElement(_ html: UnsafeBufferPointer<UInt8>) -> String? {
        guard html.count > 1, html[0] == UInt8(ascii: "<"), isASCIILetter(html[1]) else { return nil }
        let (name, end) = readTag(html, at: 0)
        guard hiddenElements.contains(name), closingTag(named: name, in: html, from: end) == nil else { return nil }
        return name
    }

    /// Whether `html` starts with the closing tag of `name` (any letter case).
    static func isClosingTag(_ html: UnsafeBufferPointer<UInt8>, named name: String) -> Bool {
        html.count > 2 && html[0] == UInt8(ascii: "<") && html[1] == UInt8(ascii: "/") && readTag(html, at: 1).name == name
    }

    /// Walks the opening tags of `html` in order, passing over text, comments, `<!…>`, `<?…?>`,
    /// closing tags and the content of the elements in `skipped`. For each tag, `attribute`
    /// gets its attributes as they are read (lower-cased name, value bytes), then `tag` its
    /// lower-cased name and where it starts and ends.
    static func walkOpeningTags(
        in html: UnsafeBufferPointer<UInt8>, skippingContentOf skipped: Set<String>,
        attribute: (_ name: String, _ value: Range<Int>) -> Void,
        tag: (_ name: String, _ start: Int, _ end: Int) -> Void
    ) {
        var index = 0
        let count = html.count
        while index < count {
            guard html[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = html[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                index = endOfMarkupDeclaration(html, at: index)
            } else if next == UInt8(ascii: "/") {
                index = endOfClosingTag(html, at: index)
            } else if isASCIILetter(next) {
                let (name, end) = readTag(html, at: index, attribute: attribute)
                tag(name, index, end)
                index = end
                if skipped.contains(name) { index = closingTag(named: name, in: html, from: index) ?? count }
            } else {
                index += 1
            }
        }
    }

    /// Reads an opening tag at `start` (`<name attributes…>`), handing each attribute's
    /// lower-cased name and value bytes to `attribute`; returns the tag's lower-cased name and
    /// the offset after it.
    static func readTag(
        _ html: UnsafeBufferPointer<UInt8>, at start: Int,
        attribute: (_ name: String, _ value: Range<Int>) -> Void = { _, _ in }
    ) -> (name: String, end: Int) {
        let count = html.count
        var index = start + 1
        while index < count, isTagNameByte(html[index]) { index += 1 }
        let name = lowercased(html, (start + 1)..<index)
        while index < count {
            index = skipSpaces(html, from: index)
            guard index < count else { break }
            let byte = html[index]
            if byte == UInt8(ascii: ">") { return (name, index + 1) }
            if byte == UInt8(ascii: "<") { return (name, index) }  // Not a tag after all.
            let nameStart = index
            while index < count, !isSpace(html[index]), !"\"'<>/=".utf8.contains(html[index]) { index += 1 }
            if index == nameStart {
                index += 1  // A stray `/`, `=` or quote.
                continue
            }
            let attributeName = lowercased(html, nameStart..<index)
            var afterName = skipSpaces(html, from: index)
            guard afterName < count, html[afterName] == UInt8(ascii: "=") else { continue }
            afterName = skipSpaces(html, from: afterName + 1)
            guard afterName < count else { return (name, count) }
            let valueRange: Range<Int>
            let quote = html[afterName]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let close = firstIndex(of: quote, in: html, from: afterName + 1) ?? count
                valueRange = (afterName + 1)..<close
                index = min(close + 1, count)
            } else {
                index = afterName
                while index < count, !isSpace(html[index]), html[index] != UInt8(ascii: ">") { index += 1 }
                valueRange = afterName..<index
            }
            attribute(attributeName, valueRange)
        }
        return (name, count)
    }

    /// The offset after a comment, CDATA section, `<!…>` declaration or `<?…?>` instruction at `start`.
    static func endOfMarkupDeclaration(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        let rest = UnsafeBufferPointer(rebasing: html[start...])
        let terminator: String
        if rest.starts(with: "<!--".utf8) {
            terminator = "-->"
        } else if rest.starts(with: "<![CDATA[".utf8) {
            terminator = "]]>"
        } else if rest.starts(with: "<?".utf8) {
            terminator = "?>"
        } else {
            terminator = ">"
        }
        let pattern = Array(terminator.utf8)
        var index = start + 2
        while index + pattern.count <= html.count {
            if html[index] == pattern[0], html[index..<(index + pattern.count)].elementsEqual(pattern) {
                return index + pattern.count
            }
            index += 1
        }
        return html.count
    }

    /// The offset of `</name` (any letter case) at or after `from`.
    static func closingTag(named name: String, in html: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let pattern = Array("</\(name)".utf8)
        var index = from
        while index + pattern.count <= html.count {
            if html[index] == UInt8(ascii: "<"), lowercased(html, index..<(index + pattern.count)).utf8.elementsEqual(pattern) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset after the closing tag (`</name …>`) at `start`.
    static func endOfClosingTag(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        (firstIndex(of: UInt8(ascii: ">"), in: html, from: start + 2) ?? html.count - 1) + 1
    }

    static func firstIndex(of byte: UInt8, in html: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < html.count {
            if html[index] == byte { return index }
            index += 1
        }
        return nil
    }

    static func skipSpaces(_ html: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index < html.count, isSpace(html[index]) { index += 1 }
        return index
    }

    static func lowercased(_ html: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: html[range].map { isASCIILetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// Whether `byte` continues a tag name (as ``readTag(_:at:attribute:)`` reads one).
    static func isTagNameByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isASCIIDigit(byte) || byte == UInt8(ascii: "-")
    }

    static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
