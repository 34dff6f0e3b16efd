/// Unicode's White_Space property (`Unicode.Scalar.Properties.isWhitespace`) as a plain table,
/// for scanners of UTF-8 bytes that would otherwise look each scalar's properties up.
public enum WhiteSpace {
    /// Whether scalar `value` is white space.
    @inline(__always)
    public static func contains(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}
