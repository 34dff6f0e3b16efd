#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths as the file system spells them: bytes, which on Linux need not be UTF-8 (a CP949 zip
/// unpacked as is, a Latin-1 folder).
enum FileSystemPath {
    /// Calls `body` with `path` as a C string.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (path + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    /// Whether `bytes` are valid UTF-8.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// A file name to show and to index by: NFC, with each byte that is not part of valid
    /// UTF-8 written `\xHH`, so that two such names stay apart and neither is dropped.
    static func displayName(_ bytes: [UInt8]) -> String {
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

    /// The length of the valid UTF-8 sequence at `index`, or 0 if the byte there starts none.
    static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let first = bytes[index]
        let length: Int
        switch first {
        case 0x00..<0x80: return 1
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return isUTF8(Array(bytes[index..<(index + length)])) ? length : 0
    }
}
