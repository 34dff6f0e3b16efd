import Foundation

/// Unicode normalisation form C, with a fast path for the common text that is NFC already.
///
/// ```swift
/// NFC.normalize("소켓".decomposedStringWithCanonicalMapping) == "소켓" // true
/// ```
public enum NFC {
    /// The string in NFC. Text made only of scalars that NFC never changes or combines (ASCII,
    /// Latin-1, Hangul syllables, CJK ideographs, common punctuation) is returned as it is.
    public static func normalize(_ string: String) -> String {
        var string = string
        let surely = string.withUTF8 { isSurelyNormalized($0) }
        return surely ? string : string.precomposedStringWithCanonicalMapping
    }

    /// Whether UTF-8 bytes are certainly NFC already: every scalar is one that NFC never changes
    /// and that never combines with a neighbour. A false answer only means "normalise to be sure".
    public static func isSurelyNormalized(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var index = 0
        let end = buffer.count
        while index < end {
            // Eight ASCII bytes at a time.
            if end - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { index += 8; continue }
            }
            let lead = buffer[index]
            if lead < 0xCC {  // Below U+0300: nothing composes or reorders.
                index += 1
                continue
            }
            let (value, length) = UTF8Decoding.scalar(at: index, in: buffer)
            guard isStable(value) else { return false }
            index += length
        }
        return true
    }

    /// Scalars with NFC quick check "yes" and canonical combining class 0.
    @inlinable
    public static func isStable(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300,
             0x2010...0x205F,  // General punctuation (U+2000 and U+2001 are singletons).
             0x3000...0x3029,  // CJK symbols and punctuation, before the tone marks.
             0x3131...0x318E,  // Hangul compatibility jamo.
             0x4E00...0x9FFF,  // CJK unified ideographs.
             0xAC00...0xD7A3,  // Hangul syllables.
             0xFF01...0xFFEF,  // Fullwidth and halfwidth forms.
             0xFFFD:
            return true
        default:
            return false
        }
    }
}
