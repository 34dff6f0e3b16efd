/// Percent-decoding of link targets that never fails.
///
/// Each `%XY` with two hex digits becomes its byte. An escape that is malformed (`%zz`, a lone
/// `%`, `%A` at the end) stays as written, and so do escaped bytes that do not form UTF-8 (one
/// escape at a time, so `%E0%A4%A` stays `%E0%A4%A` while `%41%FF` becomes `A%FF`). The result
/// is NFC.
///
/// ```swift
/// PercentDecoding.decode("%EC%86%8C%EC%BC%93.md") // "소켓.md"
/// ```
public enum PercentDecoding {
    /// The decoded text, NFC.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return NFC.normalize(text) }
        let input = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var escaped: [UInt8] = []  // The bytes of the current run of escapes.
        var runStart = 0  // Where that run starts in the input.
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                if escaped.isEmpty { runStart = index }
                escaped.append(high << 4 | low)
                index += 3
                continue
            }
            flush(&escaped, writtenAs: input[runStart...], into: &output)
            output.append(input[index])
            index += 1
        }
        flush(&escaped, writtenAs: input[runStart...], into: &output)
        return NFC.normalize(String(decoding: output, as: UTF8.self))
    }

    /// Appends a run of escaped bytes: the valid UTF-8 sequences decoded, every other byte as its
    /// escape was written (`written` starts with the run's first `%`).
    private static func flush(_ escaped: inout [UInt8], writtenAs written: ArraySlice<UInt8>, into output: inout [UInt8]) {
        guard !escaped.isEmpty else { return }
        escaped.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Decoding.scalar(at: index, in: bytes)
                if value == 0xFFFD, length == 1 {
                    let escape = written.startIndex + 3 * index
                    output.append(contentsOf: written[escape..<(escape + 3)])
                } else {
                    output.append(contentsOf: bytes[index..<(index + length)])
                }
                index += length
            }
        }
        escaped.removeAll(keepingCapacity: true)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
