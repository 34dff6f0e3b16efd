/// One canonical percent-encoding for a part of a URL, so that two spellings of the same URL
/// compare equal as text.
///
/// Every character falls in one of three classes, whichever way it was written:
/// - **written out**: unreserved ASCII (`A–Z a–z 0–9 - . _ ~`), the punctuation that never
///   delimits anything in that part (`! ' ( ) *`, and `: @` in paths, `: @ / ?` in queries and
///   fragments), and non-ASCII characters: `%EC%9C%84%ED%82%A4` becomes `위키`, in NFC;
/// - **encoded**, with upper-case hex: spaces, control and format characters (ASCII or Unicode),
///   `" < > \ ^ ` { | }`, a `%` that starts no escape, and bytes that are not valid UTF-8;
/// - **kept as written**: the delimiters (`/ ? # [ ] & = + ; , $`, and `:` in user names), whose
///   encoded and literal forms can mean different things (`a%2Fb` is one path segment).
///
/// ```swift
/// PercentEncoding.canonical(Array("TCP_%28protocol%29%7e".utf8)[...], in: .path) == "TCP_(protocol)~"
/// ```
enum PercentEncoding {
    /// The part of a URL a text stands in; each writes out a different set of punctuation.
    enum Part {
        case userinfo, path, query, fragment
    }

    /// How an ASCII byte is written in a part.
    private enum Form {
        case literal, encoded, asWritten
    }

    /// `bytes` in canonical form.
    static func canonical(_ bytes: ArraySlice<UInt8>, in part: Part) -> String {
        // Decode every escape first, remembering which bytes were escaped.
        var decoded = [UInt8]()
        var wasEscaped = [Bool]()
        decoded.reserveCapacity(bytes.count)
        wasEscaped.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), bytes.endIndex - index >= 3,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                decoded.append(high << 4 | low)
                wasEscaped.append(true)
                index += 3
            } else {
                decoded.append(byte)
                wasEscaped.append(false)
                index += 1
            }
        }

        var output = [UInt8]()
        output.reserveCapacity(decoded.count + decoded.count / 2)
        var hasNonASCII = false
        decoded.withUnsafeBufferPointer { buffer in
            var position = 0
            while position < buffer.count {
                let byte = buffer[position]
                if byte < 0x80 {
                    switch form(of: byte, in: part) {
                    case .literal: output.append(byte)
                    case .encoded: appendEscape(byte, to: &output)
                    case .asWritten: wasEscaped[position] ? appendEscape(byte, to: &output) : output.append(byte)
                    }
                    position += 1
                    continue
                }
                let (value, length) = UTF8Decoding.scalar(at: position, in: buffer)
                let isValid = !(value == 0xFFFD && length == 1)
                if isValid, let scalar = Unicode.Scalar(value), isWrittenOut(scalar) {
                    output.append(contentsOf: buffer[position..<(position + length)])
                    hasNonASCII = true
                } else {
                    for offset in 0..<length { appendEscape(buffer[position + offset], to: &output) }
                }
                position += length
            }
        }
        let text = String(decoding: output, as: UTF8.self)
        return hasNonASCII ? NFC.normalize(text) : text
    }

    /// The value of one hexadecimal digit.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        output.append(UInt8(ascii: "%"))
        output.append(digits[Int(byte >> 4)])
        output.append(digits[Int(byte & 0x0F)])
    }

    private static func form(of byte: UInt8, in part: Part) -> Form {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"),
             UInt8(ascii: "!"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"):
            return .literal
        case UInt8(ascii: ":"), UInt8(ascii: "@"):
            return part == .userinfo ? .asWritten : .literal
        case UInt8(ascii: "/"), UInt8(ascii: "?"):
            return part == .query || part == .fragment ? .literal : .asWritten
        case 0x00...0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
             UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "%"):
            return .encoded
        default:
            return .asWritten
        }
    }

    /// Whether a non-ASCII character is written out rather than encoded: anything visible.
    private static func isWrittenOut(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
            false
        default:
            true
        }
    }
}
