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

    /// Whether ``escaped(_:keepNewlines:)`` (without `keepNewlines`) would change the text
    /// whose valid UTF-8 bytes these are, decided on the bytes: a C0 control but tab, DEL,
    /// `C2 80…9F` (C1 controls), `E2 80 AA…AE` and `E2 81 A6…A9` (the marks).
    static func needsEscape(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var start = 0
        // Eight bytes at a time: most words hold no byte below 0x20 and no 7F, C2 or E2.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        while start < count {
            var word = ones &* 0x20
            if start + 8 <= count {
                word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self)
            } else {
                // The last bytes, after spaces (which need nothing) in place of the missing ones.
                withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + start, count: count - start)) }
            }
            if (word &- ones &* 0x20) & ~word & highs != 0 || hasZeroByte(word ^ (ones &* 0x7F))
                || hasZeroByte(word ^ (ones &* 0xC2)) || hasZeroByte(word ^ (ones &* 0xE2)) {
                for index in start..<min(start + 8, count) where needsEscape(base, count, at: index) { return true }
            }
            start += 8
        }
        return false
    }

    /// Whether the scalar that starts at `index` (or the byte there, inside a scalar) needs escaping.
    private static func needsEscape(_ bytes: UnsafePointer<UInt8>, _ count: Int, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x09: false
        case 0x00..<0x20, 0x7F: true
        case 0xC2: index + 1 < count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xE2:
            index + 2 < count
                && ((bytes[index + 1] == 0x80 && (0xAA...0xAE).contains(bytes[index + 2]))
                    || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])))
        default: false
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
