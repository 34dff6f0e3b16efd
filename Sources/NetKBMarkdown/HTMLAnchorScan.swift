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
                index = HTMLScanning.endOfMarkupDeclaration(html, at: index)
            } else if next == UInt8(ascii: "/") {
                index = HTMLScanning.endOfClosingTag(html, at: index)
            } else if HTMLScanning.isASCIILetter(next) {
                let (name, end) = HTMLScanning.readTag(html, at: index) { attribute, value in
                    guard attribute == "id" || attribute == "name" else { return }
                    let id = String(decoding: UnsafeBufferPointer(rebasing: html[value]), as: UTF8.self).trimmingWhitespace()
                    if !id.isEmpty { ids.append(id) }
                }
                index = end
                if HTMLScanning.rawTextElements.contains(name) {
                    index = HTMLScanning.closingTag(named: name, in: html, from: index) ?? count
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
}
