import NetKBCore

/// Finds where things cmark reports stand in the source, because cmark's inline columns are
/// unreliable (bare URLs report 0, lazy continuation lines are shifted) while its lines are
/// mostly right (the walker knows the exceptions).
///
/// The cursor follows the walk through the document: a line and a byte offset in it before which
/// everything has been accounted for. Openings of links are searched from the cursor to the right;
/// failing that, from the start of the line, skipping openings already claimed by other links.
struct SourceCursor {
    private let source: SourceText
    private(set) var line: Int = 1
    /// Byte offset within the line.
    private(set) var offset: Int = 0
    /// Absolute byte offsets of link openings already handed out.
    private var claimed: Set<Int> = []
    /// The last column computed: (line, byte offset, scalars before it), to count incrementally.
    private var columnCache: (line: Int, offset: Int, scalars: Int) = (0, 0, 0)

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
    /// Returns the location and which opening matched; when none is found after the cursor, the
    /// earliest unclaimed one before it; when none at all, the cursor's own position.
    mutating func locate(_ openings: [[UInt8]]) -> (location: SourceLocation, match: Int?) {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        var best: (position: Int, index: Int)?
        for (index, opening) in openings.enumerated() {
            let end = best.map { min(range.upperBound, $0.position + opening.count) } ?? range.upperBound
            if let found = opening.withUnsafeBufferPointer({ findUnclaimed($0, in: from..<end) }),
               best == nil || found < best!.position {
                best = (found, index)
            }
        }
        if best == nil {
            for (index, opening) in openings.enumerated() {
                let end = min(range.upperBound, from + opening.count - 1)
                if let found = opening.withUnsafeBufferPointer({ findUnclaimed($0, in: range.lowerBound..<end) }),
                   best == nil || found < best!.position {
                    best = (found, index)
                }
            }
            if let best {
                claimed.insert(best.position)
                return (location(at: best.position - range.lowerBound), best.index)
            }
            return (location(at: min(offset, range.count)), nil)
        }
        let (position, index) = best!
        claimed.insert(position)
        offset = position + openings[index].count - range.lowerBound
        return (location(at: position - range.lowerBound), index)
    }

    /// Locates `text` written as is on the cursor's line (not escaped by a backslash): first after
    /// the cursor, then before it where nothing was claimed. Claims it and, when it was after the
    /// cursor, moves past it. Nil when the line does not hold it (it came from escapes or entities).
    mutating func locateWritten(_ text: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        if let found = findUnclaimed(text, in: from..<range.upperBound, unescaped: true) {
            claimed.insert(found)
            offset = found + text.count - range.lowerBound
            return location(at: found - range.lowerBound)
        }
        let end = min(range.upperBound, from + text.count - 1)
        if let found = findUnclaimed(text, in: range.lowerBound..<end, unescaped: true) {
            claimed.insert(found)
            return location(at: found - range.lowerBound)
        }
        return nil
    }

    /// Whether `text` is written as is (not escaped by a backslash) after the cursor on its line.
    func isWritten(_ text: [UInt8]) -> Bool {
        let range = source.byteRange(ofLine: line)
        let from = range.lowerBound + min(offset, range.count)
        return text.withUnsafeBufferPointer { pattern in
            var start = from
            while let found = find(pattern, in: start..<range.upperBound) {
                if !isEscaped(found) { return true }
                start = found + 1
            }
            return false
        }
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

    private func findUnclaimed(
        _ pattern: UnsafeBufferPointer<UInt8>, in range: Range<Int>, unescaped: Bool = false
    ) -> Int? {
        var start = range.lowerBound
        while let found = find(pattern, in: start..<range.upperBound) {
            if !claimed.contains(found), !unescaped || !isEscaped(found) { return found }
            start = found + 1
        }
        return nil
    }

    /// The absolute offset of `pattern` within `range` of the source, or nil.
    private func find(_ pattern: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int? {
        guard let first = pattern.first, range.count >= pattern.count else { return nil }
        return source.bytes.withUnsafeBufferPointer { buffer -> Int? in
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
    }
}
