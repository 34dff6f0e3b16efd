/// Reads Unicode scalars straight from UTF-8 bytes, for the byte-level scanners of the core
/// and the adapters.
public enum UTF8Decoding {
    /// The scalar whose first byte is at `index`, and its length in bytes. A byte that does not
    /// start a valid, complete, shortest-form sequence reads as U+FFFD of length 1.
    @inline(__always)
    public static func scalar(at index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
        let invalid: (value: UInt32, length: Int) = (0xFFFD, 1)
        let b0 = UInt32(buffer[index])
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let i = index + offset
            guard i < buffer.count, buffer[i] & 0xC0 == 0x80 else { return nil }
            return UInt32(buffer[i] & 0x3F)
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let b1 = continuation(1) else { return invalid }
            return ((b0 & 0x1F) << 6 | b1, 2)
        case 0xE0...0xEF:
            guard let b1 = continuation(1), let b2 = continuation(2) else { return invalid }
            let value = (b0 & 0x0F) << 12 | b1 << 6 | b2
            return value < 0x800 || (0xD800...0xDFFF).contains(value) ? invalid : (value, 3)
        case 0xF0...0xF4:
            guard let b1 = continuation(1), let b2 = continuation(2), let b3 = continuation(3) else { return invalid }
            let value = (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3
            return value < 0x10000 || value > 0x10FFFF ? invalid : (value, 4)
        default:
            return invalid
        }
    }

    /// The scalar that ends just before `index`.
    public static func scalar(before index: Int, in buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var start = index - 1
        while start > 0, buffer[start] & 0xC0 == 0x80, index - start < 4 { start -= 1 }
        return scalar(at: start, in: buffer).value
    }
}
