/// What concept tagging needs to know about a section's visible text besides the text itself:
/// where code stands in it (inline code and code blocks, which never count as mentions), and the
/// source line each stretch of it comes from (a paragraph is one line of text, however many
/// source lines it spans).
///
/// Offsets are UTF-8 byte offsets into the text the map belongs to. The map is stored with the
/// section, so that a new taxonomy retags sections without reading the notes again.
///
/// ```swift
/// // "TCP\n`tcpdump` 로 SYN 보기" from a heading on line 3 and a paragraph on line 5
/// let map = SectionTextMap(code: [4..<13], lines: [.init(offset: 0, line: 3), .init(offset: 4, line: 5)])
/// map.line(at: 20)   // 5
/// ```
public struct SectionTextMap: Hashable, Sendable {
    /// Where a stretch of text starts, and its source line (1-based).
    public struct LineStart: Hashable, Sendable {
        public var offset: Int
        public var line: Int

        public init(offset: Int, line: Int) {
            self.offset = offset
            self.line = line
        }
    }

    /// Byte ranges of code, in order, not overlapping.
    public var code: [Range<Int>]
    /// Line starts by increasing offset.
    public var lines: [LineStart]

    public init(code: [Range<Int>] = [], lines: [LineStart] = []) {
        self.code = code
        self.lines = lines
    }

    /// The source line of the text at `offset`: that of the last line start at or before it;
    /// nil when none is.
    public func line(at offset: Int) -> Int? {
        var low = 0
        var high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? lines[low - 1].line : nil
    }

    /// The map with every offset moved by `delta` and kept only within `0..<limit`.
    public func shifted(by delta: Int, limit: Int) -> SectionTextMap {
        var result = SectionTextMap()
        for range in code {
            let lower = max(0, range.lowerBound + delta), upper = min(limit, range.upperBound + delta)
            if lower < upper { result.code.append(lower..<upper) }
        }
        for start in lines {
            let offset = start.offset + delta
            if offset >= 0, offset <= limit { result.lines.append(LineStart(offset: offset, line: start.line)) }
        }
        return result
    }

    // MARK: Storage

    /// A compact encoding: counts, then offsets and lines as deltas, each an unsigned LEB128
    /// varint (lines as zig-zag, since a footnote may move back).
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + 3 * code.count + 3 * lines.count)
        LEB128.append(code.count, to: &bytes)
        var previous = 0
        for range in code {
            LEB128.append(range.lowerBound - previous, to: &bytes)
            LEB128.append(range.count, to: &bytes)
            previous = range.upperBound
        }
        LEB128.append(lines.count, to: &bytes)
        previous = 0
        var previousLine = 0
        for start in lines {
            LEB128.append(start.offset - previous, to: &bytes)
            LEB128.appendSigned(start.line - previousLine, to: &bytes)
            previous = start.offset
            previousLine = start.line
        }
        return bytes
    }

    /// Reads ``encoded``; an empty or damaged encoding gives an empty map.
    public init(encoded bytes: [UInt8]) {
        self.init()
        var index = 0
        guard let codeCount = LEB128.read(bytes, at: &index) else { return }
        var previous = 0
        var code: [Range<Int>] = []
        for _ in 0..<min(codeCount, bytes.count) {
            guard let gap = LEB128.read(bytes, at: &index), let length = LEB128.read(bytes, at: &index) else { return }
            code.append((previous + gap)..<(previous + gap + length))
            previous += gap + length
        }
        guard let lineCount = LEB128.read(bytes, at: &index) else { return }
        var lines: [LineStart] = []
        previous = 0
        var previousLine = 0
        for _ in 0..<min(lineCount, bytes.count) {
            guard let gap = LEB128.read(bytes, at: &index), let delta = LEB128.readSigned(bytes, at: &index) else { return }
            previous += gap
            previousLine += delta
            lines.append(LineStart(offset: previous, line: previousLine))
        }
        self.code = code
        self.lines = lines
    }
}
