/// How names are compared: the one normal form that taxonomy checks and the matcher share.
///
/// A spelling is NFC, with each run of spaces, tabs, hyphens and underscores as one space and
/// nothing at either end, so `3-way handshake`, `3 Way  Handshake` and `TIME_WAIT` / `time wait`
/// meet. Korean is written with or without the spaces next to Hangul (`흐름 제어`, `흐름제어`).
enum ConceptSpelling {
    /// Whether a byte separates words inside a name (space, tab, hyphen, underscore).
    @inline(__always)
    static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x2D || byte == 0x5F
    }

    /// The spelling in normal form, case kept.
    static func normalized(_ text: String) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        for byte in NFC.normalize(text).utf8 {
            if isSeparator(byte) || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The normal form with ASCII letters lower-cased.
    static func folded(_ text: String) -> String {
        String(decoding: normalized(text).utf8.map(lowercased), as: UTF8.self)
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The key under which two concepts may not both claim a spelling: folded, and without the
    /// spaces next to Hangul.
    static func claimKey(_ text: String) -> String {
        variants(of: folded(text)).last ?? ""
    }

    /// The ways a normalized spelling may be written: with every space that touches a Hangul
    /// syllable kept or dropped (every combination when there are at most three such spaces,
    /// else all kept or all dropped). The first is the spelling itself, the last has none.
    static func variants(of normalizedText: String) -> [String] {
        // On the UTF-8 bytes: a space is one byte, a Hangul syllable three (EA B0 80 to ED 9E A3).
        let bytes = Array(normalizedText.utf8)
        /// Whether the three bytes at `start` are a Hangul syllable.
        func isSyllable(at start: Int) -> Bool {
            guard start >= 0, start + 3 <= bytes.count else { return false }
            let (b0, b1, b2) = (bytes[start], bytes[start + 1], bytes[start + 2])
            guard b0 & 0xF0 == 0xE0, b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
            let value = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
            return value >= 0xAC00 && value <= 0xD7A3
        }
        var optional: [Int] = []
        for index in bytes.indices where bytes[index] == 0x20 {
            if isSyllable(at: index - 3) || isSyllable(at: index + 1) { optional.append(index) }
        }
        guard !optional.isEmpty else { return [normalizedText] }
        let masks = optional.count <= 3 ? Array(0..<(1 << optional.count)) : [0, (1 << optional.count) - 1]
        return masks.map { mask in
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var next = 0
            for (bit, index) in optional.enumerated() where mask & (1 << bit) != 0 {
                kept += bytes[next..<index]
                next = index + 1
            }
            kept += bytes[next...]
            return String(decoding: kept, as: UTF8.self)
        }
    }
}
