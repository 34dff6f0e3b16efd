extension StringProtocol {
    /// `lowercased()`, with a fast path for text whose letters are ASCII or have no letter case
    /// (Hangul, kana, CJK ideographs): most paths, names and headings. `lowercased()` runs
    /// every scalar through the full Unicode case mapping, a large part of resolving wiki links.
    public func fastLowercased() -> String {
        let utf8 = self.utf8
        if !utf8.allSatisfy({ $0 < 0x80 }) {
            guard unicodeScalars.allSatisfy({ $0.isASCII || CaselessScripts.contains($0.value) }) else { return lowercased() }
        }
        // Only ASCII bytes are below 0x80 in UTF-8, so upper-case ASCII letters are lowered byte
        // by byte and every other byte is kept.
        guard utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return String(self) }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// Blocks of scalars that have no lower-case mapping at all, which `lowercased()` keeps as they
/// are. The tests check every scalar of each block against `lowercased()`.
enum CaselessScripts {
    static let blocks: [ClosedRange<UInt32>] = [
        0x1100...0x11FF,  // Hangul Jamo
        0x3000...0x303F,  // CJK symbols and punctuation
        0x3040...0x30FF,  // Hiragana, Katakana
        0x3130...0x318F,  // Hangul compatibility jamo
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xAC00...0xD7A3,  // Hangul syllables
    ]

    @inline(__always)
    static func contains(_ scalar: UInt32) -> Bool {
        if scalar >= 0xAC00 { return scalar <= 0xD7A3 }
        if scalar >= 0x4E00 { return scalar <= 0x9FFF }
        if scalar >= 0x3000 { return scalar <= 0x30FF || (0x3130...0x318F).contains(scalar) }
        return (0x1100...0x11FF).contains(scalar)
    }
}
