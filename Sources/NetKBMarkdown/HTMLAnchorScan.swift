/// Finds the anchors HTML in a note defines: the values of `id` and `name` attributes of its
/// tags (`<a id="rfc-793"></a>`, `<span name='x'>`, `<div id=plain>`), in order.
///
/// Only attributes inside tags count: text between tags, comments (`<!-- <a id="x"> -->`),
/// `<!…>`, `<?…?>`, CDATA and the raw text of `script`, `style` and `textarea` are skipped.
/// Attribute names are case-insensitive; values are trimmed and kept as written (character
/// references such as `&amp;` are not decoded); empty values are skipped.
enum HTMLAnchorScan {
    /// The `id` and `name` values in a piece of HTML (an HTML block or one inline tag).
    static func ids(in html: UnsafeBufferPointer<UInt8>) -> [String] {
        var ids: [String] = []
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
                index = (firstIndex(of: UInt8(ascii: ">"), in: html, from: index + 2) ?? count - 1) + 1
            } else if isASCIILetter(next) {
                let (name, end) = readTag(html, at: index, into: &ids)
                index = end
                if ["script", "style", "textarea"].contains(name) {
                    index = closingTag(named: name, in: html, from: index) ?? count
                }
            } else {
                index += 1
            }
        }
        return ids
    }

    /// The `id` and `name` values in HTML text.
    static func ids(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { ids(in: $0) }
    }

    /// Reads an opening tag at `start` (`<name attributes…>`), appending its anchors; returns the
    /// tag's lower-cased name and the offset after it.
    private static func readTag(
        _ html: UnsafeBufferPointer<UInt8>, at start: Int, into ids: inout [String]
    ) -> (name: String, end: Int) {
        let count = html.count
        var index = start + 1
        while index < count, isASCIILetter(html[index]) || isASCIIDigit(html[index]) || html[index] == UInt8(ascii: "-") {
            index += 1
        }
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
            let attribute = lowercased(html, nameStart..<index)
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
            if attribute == "id" || attribute == "name" {
                let value = String(decoding: UnsafeBufferPointer(rebasing: html[valueRange]), as: UTF8.self).trimmingWhitespace()
                if !value.isEmpty { ids.append(value) }
            }
        }
        return (name, count)
    }

    /// The offset after a comment, CDATA section, `<!…>` declaration or `<?…?>` instruction at `start`.
    private static func endOfMarkupDeclaration(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
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
    private static func closingTag(named name: String, in html: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
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

    private static func firstIndex(of byte: UInt8, in html: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < html.count {
            if html[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func skipSpaces(_ html: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var index = from
        while index < html.count, isSpace(html[index]) { index += 1 }
        return index
    }

    private static func lowercased(_ html: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: html[range].map { isASCIILetter($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
