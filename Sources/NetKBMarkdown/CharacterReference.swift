/// Decodes HTML character references in raw HTML: `&#38;`, `&#x26;` and the named references
/// people write in notes (`&amp;`, `&lt;`, `&nbsp;`, `&rarr;`, `&middot;`…).
///
/// A numeric reference to no character (zero, a surrogate, past U+10FFFF) is U+FFFD, as in
/// browsers, and so is one to a control character other than whitespace (`&#27;`, `&#x9B;`):
/// note text never gets an escape character this way. A name not in ``named`` is not decoded:
/// the text keeps it as written.
enum CharacterReference {
    /// Named references by name, with the text each stands for. `&nbsp;` is a plain space here:
    /// the text is for searching and snippets, where the two are the same.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ",
        "middot": "·", "bull": "•", "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓",
        "harr": "↔", "rArr": "⇒", "lArr": "⇐", "hArr": "⇔", "times": "×", "divide": "÷", "plusmn": "±", "le": "≤",
        "ge": "≥", "ne": "≠", "deg": "°", "copy": "©", "reg": "®", "trade": "™", "sect": "§", "para": "¶",
    ]

    /// The longest name in ``named``; a longer run of letters after `&` is no reference of it.
    private static let longestName = named.keys.map(\.utf8.count).max() ?? 0

    /// The UTF-8 bytes of the reference starting with `&` at `start`, and the offset after its
    /// `;`; nil when no reference this type decodes starts there.
    static func decode(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> (bytes: [UInt8], end: Int)? {
        var index = start + 1
        guard index < html.count else { return nil }
        if html[index] == UInt8(ascii: "#") {
            index += 1
            let hexadecimal = index < html.count && (html[index] | 0x20) == UInt8(ascii: "x")
            if hexadecimal { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < html.count, let digit = digitValue(html[index], hexadecimal: hexadecimal), index - digitsStart < 8 {
                value = value * (hexadecimal ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < html.count, html[index] == UInt8(ascii: ";") else { return nil }
            let scalar = Unicode.Scalar(value).flatMap { isShown($0) ? $0 : nil } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), index + 1)
        }
        let nameStart = index
        while index < html.count, index - nameStart <= longestName, HTMLScanning.isASCIILetter(html[index]) { index += 1 }
        guard index > nameStart, index < html.count, html[index] == UInt8(ascii: ";"),
              let text = named[String(decoding: UnsafeBufferPointer(rebasing: html[nameStart..<index]), as: UTF8.self)]
        else { return nil }
        return (Array(text.utf8), index + 1)
    }

    /// Whether a referenced character is text: not NUL or another control character, except
    /// tab, line feed, form feed and carriage return.
    private static func isShown(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: true
        case 0x00...0x1F, 0x7F...0x9F: false
        default: true
        }
    }

    private static func digitValue(_ byte: UInt8, hexadecimal: Bool) -> UInt32? {
        if HTMLScanning.isASCIIDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
        guard hexadecimal else { return nil }
        let lower = byte | 0x20
        guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") else { return nil }
        return UInt32(lower - UInt8(ascii: "a") + 10)
    }
}
