/// The `#tags` written as such on one source line (a `#` not escaped by a backslash, then tag
/// characters), each with the last place it stands: what tells a tag in a text node from one
/// made of `\#` or `&#35;`.
///
/// ```swift
/// // Line 1: `\#draft #todo #todo`
/// let tags = WrittenTags(source: source, line: 1)
/// tags.isWritten("todo", from: 0)    // true
/// tags.isWritten("draft", from: 0)   // false: escaped
/// tags.isWritten("todo", from: 15)   // false: none starts at or after byte 15
/// ```
///
/// Made in one pass over the line, so that a line of thousands of tags costs linear time
/// rather than a search of the line for each tag.
struct WrittenTags {
    /// The line read.
    let line: Int
    /// The number of bytes read to make it.
    let scannedBytes: Int
    /// Each name (without `#` and trailing `/`) and the absolute offset of its last `#`.
    private var lastOffsets: [String: Int] = [:]

    init(source: SourceText, line: Int) {
        self.line = line
        let range = source.byteRange(ofLine: line)
        scannedBytes = range.count
        lastOffsets = source.bytes.withUnsafeBufferPointer { buffer in
            var found: [String: Int] = [:]
            var index = range.lowerBound
            while index < range.upperBound {
                guard buffer[index] == UInt8(ascii: "#") else {
                    index += 1
                    continue
                }
                let name = InlineMarkupScanner.tagName(after: index, in: buffer, before: range.upperBound)
                if !name.bytes.isEmpty, !Self.isEscaped(index, in: buffer, lineStart: range.lowerBound) {
                    found[String(decoding: UnsafeBufferPointer(rebasing: buffer[name.bytes]), as: UTF8.self)] = index
                }
                index = max(name.end, index + 1)
            }
            return found
        }
    }

    /// Whether `#name` stands on the line at or after absolute byte offset `offset`.
    func isWritten(_ name: String, from offset: Int) -> Bool {
        guard let last = lastOffsets[name] else { return false }
        return last >= offset
    }

    /// Whether the byte at `position` follows an odd number of backslashes on its line.
    private static func isEscaped(_ position: Int, in buffer: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Bool {
        var count = 0
        var index = position - 1
        while index >= lineStart, buffer[index] == UInt8(ascii: "\\") {
            count += 1
            index -= 1
        }
        return count % 2 == 1
    }
}
