import NetKBCore

/// Small byte-level helpers over UTF-8 text.
enum UTF8Scan {
    /// What one pass over UTF-8 bytes finds.
    struct Validation: Equatable {
        /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
        var firstInvalidOffset: Int?
        /// Whether the bytes are valid and certainly NFC already, as
        /// ``NetKBCore/NFC/isSurelyNormalized(_:)`` decides.
        var isSurelyNFC: Bool
    }

    /// Checks that the bytes are UTF-8 and, in the same pass, whether they are surely NFC: the
    /// file's scalars are decoded once rather than once for each check.
    static func validate(_ buffer: UnsafeBufferPointer<UInt8>) -> Validation {
        guard let base = buffer.baseAddress else { return Validation(firstInvalidOffset: nil, isSurelyNFC: true) }
        var index = 0
        let count = buffer.count
        var surelyNFC = true
        while index < count {
            // Eight ASCII bytes at a time.
            if count - index >= 8, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let (value, length) = UTF8Decoding.scalar(at: index, in: buffer)
            // Only ASCII is one byte long when valid.
            if length == 1 && buffer[index] >= 0x80 { return Validation(firstInvalidOffset: index, isSurelyNFC: false) }
            if surelyNFC, !NFC.isStable(value) { surelyNFC = false }
            index += length
        }
        return Validation(firstInvalidOffset: nil, isSurelyNFC: surelyNFC)
    }

    /// The number of scalars in `range` (every byte that is not a continuation byte).
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
