import NetKBCore

/// Finds where things cmark reports stand in the source, because cmark's inline columns are
/// unreliable (bare URLs report 0, lazy continuation lines are shifted) while its lines are
/// mostly right (the walker knows the exceptions).
///
/// The cursor follows the walk through the document: a line and a byte offset in it before which
/// everything has been accounted for. Openings of links are searched from the cursor to the right;
/// failing that, from the start of the line, skipping openings already claimed by other links.
/// Each search after the cursor stops at the first match, and the cursor moves past it, so the
/// links of a line are found in one pass over it, however many there are.
struct SourceCursor {
    private let source: SourceText
    private(set) var line: Int = 1
    /// Byte offset within the line.
    private(set) var offset: Int = 0
    /// Absolute byte offsets of link openings already handed out.
    private var claimed: Set<Int> = []
    /// The last column computed: (line, byte offset, scalars before it), to count incrementally.
    private var columnCache: (line: Int, offset: Int, scalars: Int) = (0, 0, 0)
    /// The tags written on the last line asked about.
    private var writtenTags: WrittenTags?
    /// How many source bytes the searches have looked at, for tests that the work stays linear.
    private(set) var scannedBytes = 0

    /// How far past the cursor a text node's literal is looked for before giving up.
    private static let textWindow = 512

    init(source: SourceText) {
        self.source = source
    }

    /// Moves to the start of `line` if the cursor is on another line.
    mutating func move(toLine newLine: Int) {
        guard newLine > 0, newLine != line else { return }
        line = newLine
        offset = 0
    }

    /// Moves to the start of the next line (after a soft or hard line break).
    mutating func nextLine() {
        line += 1
        offset = 0
    }

    /// Moves past `literal` if it stands on the cursor's line shortly after the cursor.
    mutating func skip(_ literal: UnsafeBufferPointer<UInt8>) {
        guard !literal.isEmpty else { return }
        let range = source.byteRange(ofLine: line)
        let limit = min(range.upperBound, range.lowerBound + offset + literal.count + SourceCursor.textWindow)
        if let found = find(literal, in: (range.lowerBound + offset)..<limit) {
            offset = found + literal.count - range.lowerBound
        }
    }

    mutating func skip(_ literal: [UInt8]) {
        literal.withUnsafeBufferPointer { skip($0) }
    }

    /// Moves past the `](` that ends a link's text and past its destination, when the `](` comes
    /// before any other `[` on the line (so never into a later link after a reference link).
    mutating func skipLinkTail(url: [UInt8]) {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        let tail: [UInt8] = [UInt8(ascii: "]"), UInt8(ascii: "(")]
        let end = min(range.upperBound, from + 8 * SourceCursor.textWindow)
        guard let found = tail.withUnsafeBufferPointer({ find($0, in: from..<end) }) else { return }
        let bracket = [UInt8(ascii: "[")].withUnsafeBufferPointer { find($0, in: from..<found) }
        guard bracket == nil else { return }
        offset = found + tail.count - range.lowerBound
        skip(url)
    }

    /// Locates the first of `openings` after the cursor on its line, claims it and moves past it.
    ///
    /// Returns the location and which opening matched (the first given, when two start at the
    /// same byte); when none is found after the cursor, the earliest unclaimed one before it;
    /// when none at all, the cursor's own position.
    mutating func locate(_ openings: [[UInt8]]) -> (location: SourceLocation, match: Int?) {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        if let (position, index) = firstUnclaimed(openings, startingIn: from..<range.upperBound, endingBy: range.upperBound) {
            claimed.insert(position)
            offset = position + openings[index].count - range.lowerBound
            return (location(at: position - range.lowerBound), index)
        }
        if let (position, index) = firstUnclaimed(openings, startingIn: range.lowerBound..<from, endingBy: range.upperBound) {
            claimed.insert(position)
            return (location(at: position - range.lowerBound), index)
        }
        return (location(at: min(offset, range.count)), nil)
    }

    /// Locates the byte `fromEnd` bytes before the end of the cursor's line when `expected` is
    /// written there, claims it and moves past it; nil when it is not. An HTML block's line is the
    /// end of its source line (only container markers, `> ` or a list item's indent, come before
    /// it), so a tag in it is found without searching the line, however many tags it holds.
    mutating func locate(fromEnd: Int, expected: ArraySlice<UInt8>) -> SourceLocation? {
        let range = source.byteRange(ofLine: line)
        let position = range.upperBound - fromEnd
        guard fromEnd > 0, position >= range.lowerBound, position + expected.count <= range.upperBound,
              source.bytes[position..<(position + expected.count)].elementsEqual(expected)
        else { return nil }
        claimed.insert(position)
        offset = max(offset, position + expected.count - range.lowerBound)
        return location(at: position - range.lowerBound)
    }

    /// Locates `text` written as is on the cursor's line (not escaped by a backslash): first after
    /// the cursor, then before it where nothing was claimed. Claims it and, when it was after the
    /// cursor, moves past it. Nil when the line does not hold it (it came from escapes or entities).
    mutating func locateWritten(_ text: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        let pattern = [Array(text)]
        if let (found, _) = firstUnclaimed(pattern, startingIn: from..<range.upperBound, endingBy: range.upperBound, unescaped: true) {
            claimed.insert(found)
            offset = found + text.count - range.lowerBound
            return location(at: found - range.lowerBound)
        }
        if let (found, _) = firstUnclaimed(pattern, startingIn: range.lowerBound..<from, endingBy: range.upperBound, unescaped: true) {
            claimed.insert(found)
            return location(at: found - range.lowerBound)
        }
        return nil
    }

    /// Whether `#name` is written as a tag (not escaped by a backslash) after the cursor on its
    /// line: a tag that cmark's text holds but the source does not came from escapes or entities.
    mutating func isTagWritten(_ name: String) -> Bool {
        if writtenTags?.line != line {
            let tags = WrittenTags(source: source, line: line)
            scannedBytes += tags.scannedBytes
            writtenTags = tags
        }
        let range = source.byteRange(ofLine: line)
        return writtenTags!.isWritten(name, from: range.lowerBound + min(offset, range.count))
    }

    /// Whether the byte at `position` follows an odd number of backslashes.
    private func isEscaped(_ position: Int) -> Bool {
        source.bytes.withUnsafeBufferPointer { buffer in
            var count = 0
            var index = position - 1
            while index >= 0, buffer[index] == UInt8(ascii: "\\") {
                count += 1
                index -= 1
            }
            return count % 2 == 1
        }
    }

    /// The location of a byte offset in the cursor's line, its column counted in scalars.
    private mutating func location(at byteOffset: Int) -> SourceLocation {
        let range = source.byteRange(ofLine: line)
        var scalars = 0
        var from = 0
        if columnCache.line == line, columnCache.offset <= byteOffset {
            scalars = columnCache.scalars
            from = columnCache.offset
        }
        let end = min(byteOffset, range.count)
        source.bytes.withUnsafeBufferPointer { buffer in
            scalars += UTF8Scan.scalarCount(buffer, (range.lowerBound + from)..<(range.lowerBound + max(from, end)))
        }
        columnCache = (line, max(from, end), scalars)
        return SourceLocation(line: line, column: scalars + 1)
    }

    /// The first byte in `starts` where one of `patterns` begins, ends by `end`, is not claimed
    /// and (when `unescaped`) follows no backslash, with the index of that pattern: the earliest
    /// byte wins, then the first pattern given.
    private mutating func firstUnclaimed(
        _ patterns: [[UInt8]], startingIn starts: Range<Int>, endingBy end: Int, unescaped: Bool = false
    ) -> (position: Int, index: Int)? {
        let found = source.bytes.withUnsafeBufferPointer { buffer -> (position: Int, index: Int)? in
            for position in starts {
                for (index, pattern) in patterns.enumerated() where !pattern.isEmpty && buffer[position] == pattern[0] {
                    guard position + pattern.count <= end else { continue }
                    var matched = 1
                    while matched < pattern.count, buffer[position + matched] == pattern[matched] { matched += 1 }
                    guard matched == pattern.count, !claimed.contains(position) else { continue }
                    if unescaped, isEscaped(position) { continue }
                    return (position, index)
                }
            }
            return nil
        }
        scannedBytes += (found.map { $0.position + 1 } ?? starts.upperBound) - starts.lowerBound
        return found
    }

    /// The absolute offset of `pattern` within `range` of the source, or nil.
    private mutating func find(_ pattern: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        let found = source.bytes.withUnsafeBufferPointer { buffer -> Int? in
            var index = range.lowerBound
            let last = range.upperBound - pattern.count
            while index <= last {
                if buffer[index] == first {
                    var matched = 1
                    while matched < pattern.count, buffer[index + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return index }
                }
                index += 1
            }
            return nil
        }
        scannedBytes += (found.map { $0 + 1 } ?? range.upperBound - pattern.count + 1) - range.lowerBound
        return found
    }
}
