/// A host written as an IP address, parsed the way a resolver reads it, so that no spelling of
/// a private address slips past the skip rules: `127.1`, `0x7f.0.0.1`, `2130706433` and
/// `017700000001` are all `127.0.0.1` to `getaddrinfo`, and to this type.
///
/// ```swift
/// IPAddressLiteral("127.1")          // .v4(0x7F00_0001)
/// IPAddressLiteral("[::ffff:10.0.0.1]")  // .v6([0, …, 0xFF, 0xFF, 10, 0, 0, 1])
/// IPAddressLiteral("example.com")    // nil: a name
/// ```
public enum IPAddressLiteral: Hashable, Sendable {
    case v4(UInt32)
    /// Sixteen bytes, network order.
    case v6([UInt8])

    /// Parses a host as written in a URL (IPv6 in brackets); nil when it is a name, or an
    /// address that does not parse.
    public init?(_ host: String) {
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), let bytes = Self.parseV6(host.dropFirst().dropLast()) else { return nil }
            self = .v6(bytes)
        } else if let value = Self.parseV4(host) {
            self = .v4(value)
        } else {
            return nil
        }
    }

    /// Whether `host` is written like an IPv4 address but is none (`1.2.3.4.5`, `300.1.1.1`):
    /// such a host is not a name either.
    public static func looksLikeBrokenIPv4(_ host: String) -> Bool {
        guard let last = host.split(separator: ".").last else { return false }
        return parseNumber(last) != nil && parseV4(host) == nil
    }

    /// IPv4 as `inet_aton` reads it: one to four parts, each decimal, octal (`0…`) or hex (`0x…`);
    /// the last part fills the bytes the others leave.
    static func parseV4(_ host: String) -> UInt32? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let number = parseNumber(part) else { return nil }
            numbers.append(number)
        }
        for number in numbers.dropLast() where number > 255 { return nil }
        let last = numbers[numbers.count - 1]
        guard last < (UInt64(1) << (8 * UInt64(5 - numbers.count))) else { return nil }
        var value: UInt64 = 0
        for (index, number) in numbers.dropLast().enumerated() { value |= number << (8 * UInt64(3 - index)) }
        return UInt32(value | last)
    }

    private static func parseNumber(_ text: Substring) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var digits = text
        var radix: UInt64 = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            digits = digits.dropFirst(2)
            radix = 16
            if digits.isEmpty { return 0 }
        } else if digits.count > 1 && digits.hasPrefix("0") {
            digits = digits.dropFirst()
            radix = 8
        }
        guard digits.utf8.count <= 20 else { return nil }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, UInt64(digit) < radix else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow, product <= UInt64(UInt32.max) else { return nil }
            value = product + UInt64(digit)
        }
        return value <= UInt64(UInt32.max) ? value : nil
    }

    /// RFC 4291 text: eight groups of hex, one `::`, an IPv4 tail allowed.
    static func parseV6(_ text: Substring) -> [UInt8]? {
        guard !text.isEmpty, !text.contains("%") else { return nil }
        var head: [UInt16] = []
        var tail: [UInt16] = []
        var sawGap = false
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        sawGap = halves.count == 2
        func groups(_ part: Substring, allowV4Tail: Bool) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, allowV4Tail, piece.contains(".") {
                    guard piece.split(separator: ".", omittingEmptySubsequences: false).count == 4,
                          let v4 = parseV4(String(piece)) else { return nil }
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        if sawGap {
            guard let first = groups(halves[0], allowV4Tail: false), let second = groups(halves[1], allowV4Tail: true) else { return nil }
            head = first
            tail = second
            guard head.count + tail.count <= 7 else { return nil }
        } else {
            guard let all = groups(halves[0], allowV4Tail: true), all.count == 8 else { return nil }
            head = all
        }
        let words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        return words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }
}

extension Substring {
    /// The text before and after the first `::` (one part when there is none; three or more
    /// when `::` appears twice, which no address may).
    fileprivate func components(separatedByDoubleColon _: Void) -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[start..<index])
                start = self.index(after: next)
                index = start
                continue
            }
            index = next
        }
        parts.append(self[start..<endIndex])
        return parts
    }
}
