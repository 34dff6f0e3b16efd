#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notes saved in an encoding other than UTF-8 that is still common for Korean notes: UTF-16
/// with a byte-order mark (Windows Notepad's "Unicode") and CP949, the Korean Windows code
/// page (a superset of EUC-KR), in which older notes were saved.
enum LegacyTextEncoding {
    /// `bytes` as UTF-8 when they start with a UTF-16 byte-order mark (little- or big-endian),
    /// which UTF-8 never does; nil otherwise. An odd last byte and unpaired surrogates become U+FFFD.
    static func utf8(fromUTF16 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): littleEndian = true
        case (0xFE, 0xFF): littleEndian = false
        default: return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.count { text.unicodeScalars.append("\u{FFFD}") }
        return Array(text.utf8)
    }

    /// `bytes` decoded from CP949 as UTF-8, when all of them decode and the text reads as Korean:
    /// most of its characters past ASCII are Hangul. Text in another legacy encoding (Latin-1's
    /// `é`, say) seldom decodes at all, and what does comes out as Hanja and symbols. Nil when
    /// the system has no CP949 converter (glibc's iconv loads it from its gconv modules).
    static func utf8(fromCP949 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "CP949")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        // Two bytes become at most three; one byte stays one.
        var output = [UInt8](repeating: 0, count: bytes.count / 2 * 3 + bytes.count % 2 + 4)
        let decoded: Int? = output.withUnsafeMutableBufferPointer { out in
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: source).assumingMemoryBound(to: CChar.self)
            var inputLeft = bytes.count
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target).assumingMemoryBound(to: CChar.self)
            var outputLeft = out.count
            guard iconv(converter, &input, &inputLeft, &cursor, &outputLeft) != -1, inputLeft == 0 else { return nil }
            return out.count - outputLeft
        }
        guard let decoded else { return nil }
        output.removeSubrange(decoded...)
        var beyondASCII = 0
        var hangul = 0
        for scalar in String(decoding: output, as: UTF8.self).unicodeScalars where scalar.value >= 0x80 {
            beyondASCII += 1
            if (0xAC00...0xD7A3).contains(scalar.value) || (0x3131...0x318E).contains(scalar.value) { hangul += 1 }
        }
        guard hangul > 0, hangul * 10 >= beyondASCII * 6 else { return nil }
        return output
    }
}
