#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte order of UTF-8 paths, as SQLite's `BINARY` collation orders them: how the folder
/// listing and the index's list of notes are both kept, so that they can be merged.
public enum ByteOrder {
    /// Negative, zero or positive as `a[aRange]` comes before, equals or comes after `b[bRange]`.
    @inlinable @inline(__always)
    public static func compare(_ a: UnsafeBufferPointer<UInt8>, _ aRange: Range<Int>, _ b: UnsafeBufferPointer<UInt8>, _ bRange: Range<Int>) -> Int {
        let common = min(aRange.count, bRange.count)
        if common > 0 {
            let order = memcmp(a.baseAddress! + aRange.lowerBound, b.baseAddress! + bRange.lowerBound, common)
            if order != 0 { return Int(order) }
        }
        return aRange.count - bRange.count
    }

    /// Whether `a` comes before `b` in byte order (a prefix first).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in compare(x, 0..<x.count, y, 0..<y.count) < 0 }
        }
    }
}
