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
        HTMLScanning.walkOpeningTags(in: html, skippingContentOf: HTMLScanning.rawTextElements) { attribute, value in
            guard attribute == "id" || attribute == "name" else { return }
            let id = String(decoding: UnsafeBufferPointer(rebasing: html[value]), as: UTF8.self).trimmingWhitespace()
            if !id.isEmpty { ids.append(id) }
        } tag: { _, _, _ in }
        return ids
    }

    /// The `id` and `name` values in HTML text.
    static func ids(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { ids(in: $0) }
    }
}
