/// A note's text as ``MarkdownParser`` reads it, by line: the BOM dropped, invalid bytes and
/// NUL replaced with U+FFFD, `\r\n` and `\r` read as `\n`, NFC. Its line numbers are the ones
/// the parser gives sections and links, so a section's lines can be cut out of it. Made by
/// ``MarkdownParser/parseKeepingLines(_:path:)``.
public struct MarkdownSourceLines: Sendable {
    private let source: SourceText

    init(_ source: SourceText) {
        self.source = source
    }

    /// How many lines there are; a final line break does not open a further line.
    public var lineCount: Int { source.lineCount }

    /// Lines `lines` (1-based, inclusive; lines past the end are left out), each ending in
    /// `\n`; empty for an empty file.
    public func text(ofLines lines: ClosedRange<Int>) -> String {
        let first = max(1, lines.lowerBound)
        let last = min(lineCount, lines.upperBound)
        guard first <= last, !source.bytes.isEmpty else { return "" }
        let start = source.byteRange(ofLine: first).lowerBound
        let end = source.byteRange(ofLine: last).upperBound
        return String(decoding: source.bytes[start..<end], as: UTF8.self) + "\n"
    }
}
