import Foundation
import NetKBCore

/// A warning found while decoding, tied to a 1-based line.
struct LineWarning: Hashable, Sendable {
    var line: Int?
    var message: String
}

/// Turns a file's bytes into ``SourceText``: drops a UTF-8 BOM, reads UTF-16 with a BOM and
/// (with a warning) CP949 (see ``LegacyTextEncoding``), replaces other invalid UTF-8 and NUL
/// bytes with U+FFFD, turns `\r\n` and `\r` into `\n`, and normalises to NFC.
///
/// Line numbers never change on the way: every step keeps the line breaks where they were.
enum SourceDecoder {
    static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> (text: SourceText, warnings: [LineWarning]) {
        var warnings: [LineWarning] = []
        var input = raw
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF {
            input = UnsafeBufferPointer(rebasing: input[3...])
        }

        var bytes: [UInt8]
        var isSurelyNFC: Bool
        if let decoded = LegacyTextEncoding.utf8(fromUTF16: input) {
            bytes = decoded
            isSurelyNFC = false
        } else {
            let validation = UTF8Scan.validate(input)
            isSurelyNFC = validation.isSurelyNFC
            if let bad = validation.firstInvalidOffset {
                if let decoded = LegacyTextEncoding.utf8(fromCP949: input) {
                    warnings.append(LineWarning(line: nil, message: "not UTF-8: read as CP949 (EUC-KR), the Korean Windows encoding; saved as UTF-8, it would be read as it is"))
                    bytes = decoded
                } else {
                    let line = lineNumber(atByteOffset: bad, in: input)
                    warnings.append(LineWarning(line: line, message: "invalid UTF-8 replaced (first at line \(line))"))
                    bytes = Array(String(decoding: input, as: UTF8.self).utf8)
                }
                isSurelyNFC = false
            } else {
                bytes = Array(input)
            }
        }

        if let firstNUL = replaceNULs(&bytes) {
            warnings.append(LineWarning(line: firstNUL, message: "NUL bytes replaced (first at line \(firstNUL))"))
        }
        normaliseLineEndings(&bytes)
        // Replacing NULs and line endings adds only scalars NFC keeps as they are.
        if !isSurelyNFC { normaliseToNFC(&bytes) }
        return (SourceText(bytes: bytes), warnings)
    }

    /// The 1-based line of `offset`, counting `\n`, `\r\n` and `\r` as one break each.
    static func lineNumber(atByteOffset offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, buffer.count)
        while index < end {
            let byte = buffer[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                line += 1
                if index + 1 < buffer.count, buffer[index + 1] == 0x0A { index += 1 }
            }
            index += 1
        }
        return line
    }

    /// Replaces every NUL byte by U+FFFD; returns the line of the first one, if any.
    private static func replaceNULs(_ bytes: inout [UInt8]) -> Int? {
        guard let first = bytes.withUnsafeBufferPointer({ buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }) else { return nil }
        let line = bytes.withUnsafeBufferPointer { lineNumber(atByteOffset: first, in: $0) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        output.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            if byte == 0 {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                output.append(byte)
            }
        }
        bytes = output
        return line
    }

    /// Turns `\r\n` and lone `\r` into `\n`.
    private static func normaliseLineEndings(_ bytes: inout [UInt8]) {
        guard let first = bytes.withUnsafeBufferPointer({ buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0x0D, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }) else { return }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            output.append(contentsOf: buffer[..<first])
            var index = first
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == 0x0D {
                    output.append(0x0A)
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                } else {
                    output.append(byte)
                }
                index += 1
            }
        }
        bytes = output
    }

    /// Normalises to NFC, line by line and only the lines that may change: normalisation never
    /// reaches across a line break, and most lines (ASCII, Hangul syllables) are NFC already.
    private static func normaliseToNFC(_ bytes: inout [UInt8]) {
        let firstLine: Range<Int>? = bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = lineEnd(buffer, from: start)
                if !NFC.isSurelyNormalized(UnsafeBufferPointer(rebasing: buffer[start..<end])) { return start..<end }
                start = end + 1
            }
            return nil
        }
        guard let firstLine else { return }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        bytes.withUnsafeBufferPointer { buffer in
            output.append(contentsOf: buffer[..<firstLine.lowerBound])
            var start = firstLine.lowerBound
            while start < buffer.count {
                let end = lineEnd(buffer, from: start)
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                if NFC.isSurelyNormalized(line) {
                    output.append(contentsOf: line)
                } else {
                    output.append(contentsOf: String(decoding: line, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
                }
                if end < buffer.count { output.append(0x0A) }
                start = end + 1
            }
        }
        bytes = output
    }

    /// The offset of the next `\n` at or after `start`, or the buffer's end.
    private static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress, start < buffer.count,
              let hit = memchr(base + start, 0x0A, buffer.count - start)
        else { return buffer.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
