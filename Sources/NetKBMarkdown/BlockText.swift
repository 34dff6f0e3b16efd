/// The visible text of one leaf block (paragraph, heading, table row, code block) as it is
/// read, node by node: what a section's text and a reference's description are made of.
///
/// ```swift
/// var text = BlockText()
/// text.append("첫 줄".utf8)
/// text.breakLine()
/// text.append("둘째 줄".utf8)
/// String(decoding: text.bytes, as: UTF8.self)   // "첫 줄 둘째 줄"
/// ```
///
/// A line break becomes one space and table cells are joined by ` · ` (as a reader tells
/// cells apart, and never one space, which would join the last word of a cell to the first of
/// the next for the tokenizer), each written only when more text follows, so a block never
/// ends in a separator. Two spaces where dropped text (a bare URL, a tag) stood become one.
struct BlockText {
    private(set) var bytes: [UInt8] = []
    /// Written before the next visible text if the block already has some.
    private var pendingSeparator: [UInt8] = []
    /// For a table row: each cell's text, by cell index; nil for a cell with no text.
    private(set) var cells: [Range<Int>?] = []
    private var openCellStart: Int?

    static let space: [UInt8] = [0x20]
    static let cellSeparator = Array(" · ".utf8)

    var count: Int { bytes.count }
    /// Whether a separator is due before the next text.
    var hasPendingSeparator: Bool { !pendingSeparator.isEmpty }
    var isEmpty: Bool { bytes.isEmpty }

    /// The index of the table cell being read, or nil outside table rows.
    var currentCell: Int? { cells.isEmpty ? nil : cells.count - 1 }

    /// Appends visible text, after any separator due.
    mutating func append(_ text: some Collection<UInt8>) {
        guard !text.isEmpty else { return }
        writePendingSeparator()
        if !cells.isEmpty, openCellStart == nil { openCellStart = bytes.count }
        if bytes.last == 0x20, text.first == 0x20 {
            bytes.append(contentsOf: text.dropFirst())
        } else {
            bytes.append(contentsOf: text)
        }
    }

    /// A soft or hard line break: one space before the next text.
    mutating func breakLine() {
        if bytes.last != 0x20 { pendingSeparator = Self.space }
    }

    /// Starts a table cell: ` · ` before its text when the row already has some.
    mutating func startCell() {
        closeCell()
        if !cells.isEmpty, !bytes.isEmpty { pendingSeparator = Self.cellSeparator }
        cells.append(nil)
    }

    /// Writes a separator that is due now, so that text that follows (a link's) does not
    /// include it.
    mutating func writePendingSeparator() {
        guard !pendingSeparator.isEmpty else { return }
        if !bytes.isEmpty { bytes.append(contentsOf: pendingSeparator) }
        pendingSeparator.removeAll()
    }

    /// Writes a line break's space that is due now (not a cell separator), so that a bare URL
    /// that starts a line stands after it.
    mutating func writePendingLineBreak() {
        if pendingSeparator == Self.space { writePendingSeparator() }
    }

    /// Records where the cell being read ends; call at the end of a row.
    mutating func closeCell() {
        if let start = openCellStart, !cells.isEmpty { cells[cells.count - 1] = start..<bytes.count }
        openCellStart = nil
    }

    /// The text without surrounding whitespace, or nil when there is none.
    var trimmed: ArraySlice<UInt8>? {
        guard let first = bytes.firstIndex(where: { !Self.isSpace($0) }) else { return nil }
        let last = bytes.lastIndex(where: { !Self.isSpace($0) })!
        return bytes[first...last]
    }

    /// Empties the block, keeping its storage.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        pendingSeparator.removeAll()
        cells.removeAll(keepingCapacity: true)
        openCellStart = nil
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
