/// The text a reader sees of an HTML block, line by line, so that a note's HTML (`<br>` lines
/// that swallow the paragraph after them, `<details>`/`<summary>`, `<p>`, HTML tables) is
/// searchable like its Markdown.
///
/// Tags are dropped: an inline element's (`<b>`, `<a>`, `<span>`…) joins the text around it,
/// any other (`<br>`, `<p>`, `<td>`…) stands for a space. Comments, `<!…>` and `<?…?>`, and
/// the content of `script`, `style`, `textarea` and `template` are not text. Character
/// references are decoded as ``CharacterReference`` reads them. Runs of spaces become one.
///
/// ```swift
/// HTMLVisibleText.lines(in: "<br>\n<b>TCP</b>와 &lt;소켓&gt;\n")
/// // [Line(line: 1, text: "TCP와 <소켓>")]
/// ```
enum HTMLVisibleText {
    /// The visible text of one source line of the block (0 for its first line); never empty.
    struct Line: Equatable {
        var line: Int
        var text: [UInt8]
    }

    /// Elements whose tags join the text around them, as they do on screen.
    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    ]

    /// The lines of `html` that show text, each with its text.
    static func lines(in html: UnsafeBufferPointer<UInt8>) -> [Line] {
        var reader = Reader()
        let count = html.count
        var index = 0
        while index < count {
            let byte = html[index]
            if byte == UInt8(ascii: "<"), index + 1 < count {
                let next = html[index + 1]
                var end = index
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    end = HTMLScanning.endOfMarkupDeclaration(html, at: index)
                } else if next == UInt8(ascii: "/"), index + 2 < count, HTMLScanning.isASCIILetter(html[index + 2]) {
                    end = HTMLScanning.endOfClosingTag(html, at: index)
                    let name = HTMLScanning.readTag(html, at: index + 1).name
                    if !inlineElements.contains(name) { reader.separate() }
                } else if HTMLScanning.isASCIILetter(next) {
                    let (name, tagEnd) = HTMLScanning.readTag(html, at: index)
                    end = tagEnd
                    if HTMLScanning.hiddenElements.contains(name) { end = HTMLScanning.closingTag(named: name, in: html, from: end) ?? count }
                    if !inlineElements.contains(name) { reader.separate() }
                }
                if end > index {
                    reader.skip(UnsafeBufferPointer(rebasing: html[index..<end]))
                    index = end
                    continue
                }
            }
            if byte == UInt8(ascii: "&"), let (decoded, end) = CharacterReference.decode(html, at: index) {
                // A decoded `&#10;` is a space, not a line of the source.
                for decodedByte in decoded {
                    if HTMLScanning.isSpace(decodedByte) { reader.separate() } else { reader.append(decodedByte) }
                }
                index = end
                continue
            }
            reader.append(byte)
            index += 1
        }
        reader.endLine()
        return reader.lines
    }

    /// Gathers text into lines.
    private struct Reader {
        var lines: [Line] = []
        private var text: [UInt8] = []
        private var line = 0
        private var textLine = 0
        private var spaceDue = false

        mutating func append(_ byte: UInt8) {
            if byte == 0x0A {
                endLine()
                line += 1
            } else if HTMLScanning.isSpace(byte) {
                separate()
            } else {
                if text.isEmpty {
                    textLine = line
                } else if spaceDue {
                    text.append(0x20)
                }
                spaceDue = false
                text.append(byte)
            }
        }

        /// A space before the next text on this line, if any text came before.
        mutating func separate() {
            spaceDue = !text.isEmpty
        }

        /// Passes over markup that shows no text, keeping count of its lines.
        mutating func skip(_ markup: UnsafeBufferPointer<UInt8>) {
            for byte in markup where byte == 0x0A {
                endLine()
                line += 1
            }
        }

        mutating func endLine() {
            if !text.isEmpty { lines.append(Line(line: textLine, text: text)) }
            text.removeAll(keepingCapacity: true)
            spaceDue = false
        }
    }
}
