/// Punycode (RFC 3492), the ASCII spelling of internationalised host names in DNS:
/// `한국.kr` is looked up as `xn--3e0b707e.kr`.
///
/// ```swift
/// Punycode.asciiHost("bücher.example")   // "xn--bcher-kva.example"
/// Punycode.encode("한국")                  // "3e0b707e"
/// ```
///
/// Only the encoding is here, with no IDNA mapping table: the host is expected lower-cased
/// and in NFC already (see ``HostName``), which covers the names people write.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 128

    /// The Punycode of one label (without the `xn--` prefix); nil on overflow.
    public static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map(\.value)
        var output = [UInt8]()
        for value in input where value < 0x80 { output.append(UInt8(value)) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN
        var delta = 0
        var bias = initialBias
        while handled < input.count {
            guard let next = input.lazy.map(Int.init).filter({ $0 >= n }).min() else { return nil }
            let (step, overflow) = (next - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, delta <= Int(Int32.max) - step else { return nil }
            delta += step
            n = next
            for value in input.lazy.map(Int.init) {
                if value < n { delta += 1 }
                guard value == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, points: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `host` with each non-ASCII label in its `xn--` form; nil when a label cannot be encoded
    /// or the name is longer than DNS allows (63 bytes a label, 253 in all).
    public static func asciiHost(_ host: String) -> String? {
        if host.hasPrefix("[") { return host }
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            let ascii: String
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii = String(label)
            } else {
                guard let encoded = encode(String(label)) else { return nil }
                ascii = "xn--" + encoded
            }
            guard !ascii.isEmpty, ascii.utf8.count <= 63 else { return nil }
            labels.append(ascii)
        }
        let result = labels.joined(separator: ".")
        return result.utf8.count <= 253 ? result : nil
    }

    private static func digit(_ value: Int) -> UInt8 {
        value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: "0") + UInt8(value - 26)
    }

    private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
