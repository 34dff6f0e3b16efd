/// Finds the links HTML in a note makes: `<a href="…">` and `<img src="…">`, in order, with
/// where each tag starts, so that `check` sees a broken `<img src="images/tcp.png" width="400">`
/// (the way Typora and GitHub notes size images) and `refs` lists an `<a href>` to a page.
///
/// Attribute values are trimmed and their character references decoded (`&amp;` in a query);
/// tabs and line breaks in a URL are dropped, as browsers do. Comments, `<!…>`, `<?…?>` and the
/// content of `script`, `style`, `textarea` and `template` make no links; an empty value makes
/// none.
enum HTMLLinkScan {
    /// A link an HTML tag makes.
    struct Found: Equatable {
        /// The byte offset of the tag's `<` in the scanned HTML.
        var offset: Int
        /// The byte offset after the tag's `>`.
        var end: Int
        var isImage: Bool
        var target: String
        /// An image's `alt`; a link's visible text up to its `</a>` in the same HTML, else empty.
        var text: String
    }

    /// The links of a piece of HTML (an HTML block or one inline tag).
    static func links(in html: UnsafeBufferPointer<UInt8>) -> [Found] {
        var found: [Found] = []
        var values: [String: Range<Int>] = [:]
        HTMLScanning.walkOpeningTags(in: html, skippingContentOf: HTMLScanning.hiddenElements) { attribute, value in
            if values[attribute] == nil { values[attribute] = value }
        } tag: { name, start, end in
            defer { values.removeAll(keepingCapacity: true) }
            guard name == "a" || name == "img", let range = values[name == "a" ? "href" : "src"] else { return }
            let target = decoded(html, range, isURL: true).trimmingWhitespace()
            guard !target.isEmpty else { return }
            let text = name == "img" ? values["alt"].map { decoded(html, $0, isURL: false).trimmingWhitespace() } ?? "" : linkText(html, from: end)
            found.append(Found(offset: start, end: end, isImage: name == "img", target: target, text: text))
        }
        return found
    }

    /// How far after an `<a …>` its `</a>` is looked for.
    static let linkTextWindow = 4096

    /// The visible text from `start` to the next `</a>`, on one line; empty when another `<a`
    /// or the end of ``linkTextWindow`` comes first (links cannot nest, so a block of links
    /// never closed is read once over).
    private static func linkText(_ html: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        let end = min(html.count, start + linkTextWindow)
        var index = start
        while index + 2 < end {
            if html[index] == UInt8(ascii: "<") {
                let closing = html[index + 1] == UInt8(ascii: "/")
                let nameAt = closing ? index + 2 : index + 1
                if nameAt + 1 < end, html[nameAt] | 0x20 == UInt8(ascii: "a"),
                   !HTMLScanning.isTagNameByte(html[nameAt + 1]) {  // `<a/href>`, `<a"href>` open links too
                    guard closing else { return "" }
                    let lines = HTMLVisibleText.lines(in: UnsafeBufferPointer(rebasing: html[start..<index]))
                    return lines.map { String(decoding: $0.text, as: UTF8.self) }.joined(separator: " ")
                }
            }
            index += 1
        }
        return ""
    }

    /// An attribute value with its character references decoded; a URL also loses its tabs and
    /// line breaks.
    private static func decoded(_ html: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isURL: Bool) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            if isURL, html[index] == 0x09 || html[index] == 0x0A || html[index] == 0x0D {
                index += 1
                continue
            }
            if html[index] == UInt8(ascii: "&"),
               let (decoded, end) = CharacterReference.decode(UnsafeBufferPointer(rebasing: html[..<range.upperBound]), at: index) {
                bytes.append(contentsOf: decoded)
                index = end
            } else {
                bytes.append(html[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
