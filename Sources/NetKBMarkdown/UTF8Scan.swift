import NetKBCore

/// Small byte-level helpers over UTF-8 text.
enum UTF8Scan {
    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil.
    static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var index = 0
        let count = buffer.count
        while index < count {
            // Eight ASCII bytes at a time.
            if count - index >= 8, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let length = UTF8Decoding.scalar(at: index, in: buffer).length
            // Only ASCII is one byte long when valid.
            if length == 1 && buffer[index] >= 0x80 { return index }
            index += length
        }
        return nil
    }

    /// The number of scalars in `range` (every byte that is not a continuation byte).
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
