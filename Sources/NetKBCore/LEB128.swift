/// Unsigned LEB128 varints, the compact integers of netkb's stored byte lists: seven bits a
/// byte, low bits first, the high bit set while more bytes follow. Signed values go through
/// zig-zag (0, -1, 1, -2, … as 0, 1, 2, 3, …), so that small negative deltas stay small.
public enum LEB128 {
    /// Appends `value` to `bytes`; a negative value is written as 0.
    public static func append(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Appends a signed `value` to `bytes`, zig-zag encoded.
    public static func appendSigned(_ value: Int, to bytes: inout [UInt8]) {
        append(value >= 0 ? value << 1 : ((-value) << 1) - 1, to: &bytes)
    }

    /// The varint at `index` in `bytes`, moving `index` past it; nil when the bytes end
    /// before it does or it runs past 63 bits.
    public static func read(_ bytes: [UInt8], at index: inout Int) -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 63 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(truncatingIfNeeded: value) }
            shift += 7
        }
        return nil
    }

    /// The zig-zag encoded signed varint at `index` (see ``read(_:at:)``).
    public static func readSigned(_ bytes: [UInt8], at index: inout Int) -> Int? {
        read(bytes, at: &index).map { $0 & 1 == 0 ? $0 >> 1 : -(($0 + 1) >> 1) }
    }
}
