/// Text from notes, file names and queries made safe for a terminal: control characters,
/// which could move the cursor, set the window title or write the clipboard, are shown
/// escaped (`\x1B`, `\u{9B}`), and so are the marks that reorder text right to left.
enum TerminalText {
    /// `text` with every control character escaped; `keepNewlines` leaves line breaks as they are.
    static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        // The bytes first: they need escaping whenever a scalar does (and exactly then, unless
        // `keepNewlines` spares line breaks, which the bytes count).
        var bytes = text
        guard bytes.withUTF8({ needsEscape(utf8: $0) }),
              text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
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

    /// `text` with the escapes ``escaped(_:keepNewlines:)`` writes (`\x1B`, `\u{9B}`) turned
    /// back into the characters, where they stand for characters it escapes; nil when the
    /// text holds none.
    static func unescaped(_ text: String) -> String? {
        guard text.contains("\\") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var changed = false
        var index = 0
        func hexValue(_ digits: ArraySlice<Unicode.Scalar>) -> UInt32? {
            guard !digits.isEmpty, digits.count <= 6 else { return nil }
            return UInt32(String(String.UnicodeScalarView(digits)), radix: 16)
        }
        while index < scalars.count {
            if scalars[index] == "\\", index + 3 < scalars.count, scalars[index + 1] == "x",
               let value = hexValue(scalars[(index + 2)..<(index + 4)]), let scalar = Unicode.Scalar(value),
               needsEscape(scalar, keepNewlines: false) {
                result.append(scalar)
                index += 4
                changed = true
                continue
            }
            if scalars[index] == "\\", index + 3 < scalars.count, scalars[index + 1] == "u", scalars[index + 2] == "{",
               let close = scalars[(index + 3)...].firstIndex(of: "}"),
               let value = hexValue(scalars[(index + 3)..<close]), let scalar = Unicode.Scalar(value),
               needsEscape(scalar, keepNewlines: false) {
                result.append(scalar)
                index = close + 1
                changed = true
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return changed ? String(result) : nil
    }

    /// Whether ``escaped(_:keepNewlines:)`` (without `keepNewlines`) would change the text
    /// whose valid UTF-8 bytes these are, decided on the bytes: a C0 control but tab, DEL,
    /// `C2 80…9F` (C1 controls), `E2 80 8E…8F`, `E2 80 A8…AE` and `E2 81 A6…A9` (the marks and
    /// separators).
    static func needsEscape(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        guard count >= 8 else {
            for index in 0..<count where needsEscape(base, count, at: index) { return true }
            return false
        }
        // Eight bytes at a time: most words hold no byte below 0x20 and no 7F, C2 or E2 (many
        // are printable ASCII, told at once), and in those that do, only such bytes are looked
        // at. The last word ends with the last byte, overlapping the one before it.
        let ones: UInt64 = 0x0101_0101_0101_0101
        var start = 0
        while true {
            let word = UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self).littleEndian
            // 0x20…0x7E: no borrow below 0x20, no 0x80 from 7F + 1, no high bit.
            if ((word &- ones &* 0x20) | word | (word &+ ones)) & (ones &* 0x80) != 0 {
                var candidates = candidateBytes(word)
                while candidates != 0 {
                    if needsEscape(base, count, at: start + candidates.trailingZeroBitCount / 8) { return true }
                    candidates &= candidates &- 1
                }
            }
            if start == count - 8 { return false }
            start = min(start + 8, count - 8)
        }
    }

    /// The high bit of each byte of `word` (first byte lowest) that is below 0x20 or is 7F,
    /// C2 or E2, and no other bit.
    @inline(__always)
    private static func candidateBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let ones: UInt64 = 0x0101_0101_0101_0101
        /// The high bit of each zero byte, exactly (no carry crosses a byte).
        func zeroBytes(_ word: UInt64) -> UInt64 { ~(((word & low) &+ low) | word | low) }
        // Below 0x20: no bit above the fifth; C2 and E2 are the same once 0x20 is set.
        return zeroBytes(word & (ones &* 0xE0)) | zeroBytes(word ^ (ones &* 0x7F))
            | zeroBytes((word | ones &* 0x20) ^ (ones &* 0xE2))
    }

    /// Whether the scalar that starts at `index` (or the byte there, inside a scalar) needs escaping.
    private static func needsEscape(_ bytes: UnsafePointer<UInt8>, _ count: Int, at index: Int) -> Bool {
        switch bytes[index] {
        case 0x09: false
        case 0x00..<0x20, 0x7F: true
        case 0xC2: index + 1 < count && (0x80...0x9F).contains(bytes[index + 1])
        case 0xE2:
            index + 2 < count
                && ((bytes[index + 1] == 0x80 && ((0xA8...0xAE).contains(bytes[index + 2]) || bytes[index + 2] == 0x8E || bytes[index + 2] == 0x8F))
                    || (bytes[index + 1] == 0x81 && (0xA6...0xA9).contains(bytes[index + 2])))
        default: false
        }
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: !keepNewlines
        case 0x09: false
        case 0x00..<0x20, 0x7F..<0xA0: true
        // Bidirectional marks, overrides and isolates; the line and paragraph separators, which
        // some terminals take for line breaks.
        case 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
