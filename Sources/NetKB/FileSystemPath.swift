import NetKBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as the file system spells them: bytes, which on Linux need not be UTF-8 (a CP949 zip
/// unpacked as is, a Latin-1 folder).
public enum FileSystemPath {
    /// Calls `body` with `path` as a C string.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (path + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Whether `bytes` are valid UTF-8.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isUTF8($0) }
    }

    /// Whether `bytes` are valid UTF-8: no stray continuation byte, no overlong form, no
    /// surrogate, nothing past U+10FFFF, no sequence cut short.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            guard length > 0 else { return false }
            index += length
        }
        return true
    }

    /// Whether every byte is ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            while bytes.count - index >= 8 {
                guard UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 else { return false }
                index += 8
            }
        }
        while index < bytes.count {
            guard bytes[index] < 0x80 else { return false }
            index += 1
        }
        return true
    }

    /// A file name to show and to index by: NFC, with each byte that is not part of valid
    /// UTF-8 written `\xHH`, so that two such names stay apart and neither is dropped.
    public static func displayName(_ bytes: [UInt8]) -> String {
        guard !isUTF8(bytes) else { return NFC.normalize(String(decoding: bytes, as: UTF8.self)) }
        var result = ""
        var index = 0
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                result += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                index += 1
            }
        }
        return NFC.normalize(result)
    }

    /// The bytes of ``displayName(_:)``, or nil when they are `bytes` themselves (the name is
    /// UTF-8 and surely NFC): the common case, told without making a string.
    static func respelledName(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if isASCII(bytes) || (isUTF8(bytes) && NFC.isSurelyNormalized(bytes)) { return nil }
        let shown = Array(displayName(Array(bytes)).utf8)
        return shown.elementsEqual(bytes) ? nil : shown
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 if the byte there starts none.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        bytes.withUnsafeBufferPointer { validSequenceLength($0, at: index) }
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 if the byte there starts none.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let first = bytes[index]
        // The range the second byte must fall in (it narrows after E0, ED, F0 and F4).
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch first {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xE1..<0xF0: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F
        case 0xF1..<0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
