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
        let scalars = Array(normalizedText.unicodeScalars)
        var optional: [Int] = []
        for (index, scalar) in scalars.enumerated() where scalar == " " {
            let before = index > 0 && isHangul(scalars[index - 1])
            let after = index + 1 < scalars.count && isHangul(scalars[index + 1])
            if before || after { optional.append(index) }
        }
        guard !optional.isEmpty else { return [normalizedText] }
        var masks: [Int]
        if optional.count <= 3 {
            masks = Array(0..<(1 << optional.count))
        } else {
            masks = [0, (1 << optional.count) - 1]
        }
        return masks.map { mask in
            var dropped = Set<Int>()
            for (bit, index) in optional.enumerated() where mask & (1 << bit) != 0 { dropped.insert(index) }
            var view = String.UnicodeScalarView()
            for (index, scalar) in scalars.enumerated() where !dropped.contains(index) { view.append(scalar) }
            return String(view)
        }
    }

    @inline(__always)
    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
