#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A note's text after decoding: valid NFC UTF-8 with `\n` line endings, and where each line starts.
///
/// Lines are 1-based, as in ``NetKBCore/SourceLocation``.
struct SourceText: Sendable {
    /// The whole text, UTF-8.
    let bytes: [UInt8]
    /// `lineStarts[n - 1]` is the byte offset where line `n` starts.
    let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.lineStarts(of: bytes)
    }

    /// The number of lines; a final line break does not open a further line.
    var lineCount: Int {
        if let last = lineStarts.last, last == bytes.count, lineStarts.count > 1 { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The byte range of `line` without its line break; empty for lines out of range.
    func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        return start..<max(start, end)
    }

    /// Whether `line` holds nothing but spaces and tabs (or does not exist).
    func isBlank(line: Int) -> Bool {
        let range = byteRange(ofLine: line)
        return bytes.withUnsafeBufferPointer { buffer in
            for index in range where buffer[index] != 0x20 && buffer[index] != 0x09 { return false }
            return true
        }
    }

    /// The last line that is not blank, or 0 when every line is blank.
    var lastNonBlankLine: Int {
        var line = lineCount
        while line >= 1, isBlank(line: line) { line -= 1 }
        return line
    }

    /// The first line at or after `line` that is not blank, or nil.
    func firstNonBlankLine(from line: Int, through last: Int) -> Int? {
        var current = max(1, line)
        while current <= last {
            if !isBlank(line: current) { return current }
            current += 1
        }
        return nil
    }

    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            let count = buffer.count
            while offset < count, let hit = memchr(base + offset, 0x0A, count - offset) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                starts.append(position + 1)
                offset = position + 1
            }
        }
        return starts
    }
}
