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
            let lead = buffer[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = buffer[index + 1]
            guard second >= lower, second <= upper else { return index }
            var next = index + 2
            while next < index + length {
                guard buffer[next] & 0xC0 == 0x80 else { return index }
                next += 1
            }
            index += length
        }
        return nil
    }

    /// The scalar starting at `index` (which must be a lead byte of valid UTF-8) and its length.
    @inline(__always)
    static func scalar(at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let lead = UInt32(buffer[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0, index + 1 < buffer.count {
            return ((lead & 0x1F) << 6 | UInt32(buffer[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < buffer.count {
            return ((lead & 0x0F) << 12 | UInt32(buffer[index + 1] & 0x3F) << 6 | UInt32(buffer[index + 2] & 0x3F), 3)
        }
        if index + 3 < buffer.count {
            return ((lead & 0x07) << 18 | UInt32(buffer[index + 1] & 0x3F) << 12
                | UInt32(buffer[index + 2] & 0x3F) << 6 | UInt32(buffer[index + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// The scalar that ends just before `index`.
    static func scalar(before index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = index - 1
        while start > 0, buffer[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return scalar(at: start, in: buffer).value
    }

    /// The number of scalars in `range` (every byte that is not a continuation byte).
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for index in range where buffer[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
