/// What a note says about a link it cites, cleaned of what only separated it from the link.
enum ReferenceDescription {
    /// The text of a block around a link, without the link's own text (`linkRange`), trimmed of
    /// separators such as ` - ` and `:`; nil when nothing is left. Only `segment`, the part of the
    /// block between the neighbouring cited links, is used.
    static func rest(of block: [UInt8], without linkRange: Range<Int>, in segment: Range<Int>) -> String? {
        var rest = Array(block[segment.lowerBound..<linkRange.lowerBound])
        rest.append(contentsOf: block[linkRange.upperBound..<segment.upperBound])
        return clean(rest)
    }

    /// The text trimmed of whitespace and separators at both ends, with the empty brackets a
    /// removed link leaves (`()`, `[]`, `<>`) dropped; nil when nothing is left.
    static func clean(_ text: [UInt8]) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        for byte in text {
            if let last = bytes.last, isEmptyPair(last, byte) {
                bytes.removeLast()
            } else {
                bytes.append(byte)
            }
        }
        var start = 0
        var end = bytes.count
        while start < end, let length = separatorLength(bytes, at: start) { start += length }
        while end > start, let length = separatorLength(endingAt: end, in: bytes) { end -= length }
        guard start < end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func isEmptyPair(_ open: UInt8, _ close: UInt8) -> Bool {
        (open == UInt8(ascii: "(") && close == UInt8(ascii: ")"))
            || (open == UInt8(ascii: "[") && close == UInt8(ascii: "]"))
            || (open == UInt8(ascii: "<") && close == UInt8(ascii: ">"))
    }

    /// Separators: ASCII whitespace and `- : | , ; = >`, and the UTF-8 sequences below.
    private static let wideSeparators: [[UInt8]] = [
        [0xC2, 0xA0],  // no-break space
        [0xC2, 0xB7],  // middle dot
        [0xE2, 0x80, 0x93],  // en dash
        [0xE2, 0x80, 0x94],  // em dash
        [0xE2, 0x80, 0xA2],  // bullet
        [0xE3, 0x80, 0x80],  // ideographic space
    ]

    private static func isASCIISeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    private static func separatorLength(_ bytes: [UInt8], at index: Int) -> Int? {
        if isASCIISeparator(bytes[index]) { return 1 }
        for separator in wideSeparators where bytes[index...].starts(with: separator) {
            return separator.count
        }
        return nil
    }

    private static func separatorLength(endingAt end: Int, in bytes: [UInt8]) -> Int? {
        if isASCIISeparator(bytes[end - 1]) { return 1 }
        for separator in wideSeparators where end >= separator.count
            && bytes[(end - separator.count)..<end].elementsEqual(separator) {
            return separator.count
        }
        return nil
    }
}
