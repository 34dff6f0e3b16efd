/// Looking through UTF-8 bytes for a few ASCII bytes at once.
///
/// Each kilobyte is compared without an early exit, so that the compiler compares many bytes
/// per instruction; indexing asks this of every section's text several times.
///
/// ```swift
/// Array("소켓 *강조*".utf8).withUnsafeBufferPointer { ByteScan.containsAny(of: SIMD4(0x2A, 0x5F, 0x7E, 0x3A), in: $0) }   // true
/// ```
public enum ByteScan {
    /// Whether `bytes` holds any of the four `wanted` bytes (repeat one to look for fewer).
    public static func containsAny(of wanted: SIMD4<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let (a, b, c, d) = (wanted[0], wanted[1], wanted[2], wanted[3])
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1024)
            var seen: UInt8 = 0
            for index in start..<end {
                let byte = bytes[index]
                seen |= (byte == a ? 1 : 0) | (byte == b ? 1 : 0) | (byte == c ? 1 : 0) | (byte == d ? 1 : 0)
            }
            if seen != 0 { return true }
            start = end
        }
        return false
    }
}
