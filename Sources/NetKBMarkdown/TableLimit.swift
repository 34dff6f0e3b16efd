/// How large a note's tables may be before they are read as plain text.
///
/// cmark-gfm's table extension takes time that grows with the square of a row's columns, and
/// memory for every cell (hundreds of bytes each): a 4 MB note of one wide table took 70 s and
/// 920 MB. Past these limits the note is still indexed, its tables as text.
enum TableLimit {
    /// The most `|` on one line.
    static let maximumColumns = 512
    /// The most `|` in a note.
    static let maximumCells = 100_000

    /// The first line (1-based, in `body`) where a limit is passed, and which, if any.
    static func firstExcess(in body: UnsafeBufferPointer<UInt8>) -> (line: Int, reason: String)? {
        var line = 1
        var onLine = 0
        var total = 0
        for byte in body {
            if byte == 0x0A {
                line += 1
                onLine = 0
            } else if byte == UInt8(ascii: "|") {
                onLine += 1
                total += 1
                if onLine > maximumColumns { return (line, "a table row with more than \(maximumColumns) columns") }
                if total > maximumCells { return (line, "tables with more than \(maximumCells) cells") }
            }
        }
        return nil
    }
}
