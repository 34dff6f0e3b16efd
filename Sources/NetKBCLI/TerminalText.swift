/// Text from notes, file names and queries made safe for a terminal: control characters,
/// which could move the cursor, set the window title or write the clipboard, are shown
/// escaped (`\x1B`, `\u{9B}`), and so are the marks that reorder text right to left.
enum TerminalText {
    /// `text` with every control character escaped; `keepNewlines` leaves line breaks as they are.
    static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        guard mayNeedEscape(text), text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += scalar.value < 0x80 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
        }
        return result
    }

    /// A quick look at the UTF-8 bytes: false when no scalar can need escaping (no C0 or C1
    /// control, no DEL, no U+202x/U+206x mark).
    static func mayNeedEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 { return true }
            return false
        }
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepNewlines
        case 0x09: false
        case 0x00..<0x20, 0x7F..<0xA0: true
        // Bidirectional overrides and isolates.
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
