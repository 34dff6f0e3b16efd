/// How much of cmark-gfm's memory a note may take before it is read as plain text.
///
/// cmark-gfm keeps a node of some 170 bytes for each block, each run of text and each soft
/// break, and more for brackets: measured with its own command line on 10 MB notes, a line
/// cost up to 700 bytes (`- a`, a list item each) and a markup character up to 400 (`[ ` over
/// and over took 2 GB). netkb estimates a note's cost that way before parsing it and, past
/// the limit, reads it as plain text (``PlainTextDocument``): memory stays near the note's own
/// size, however it is written. The estimate runs high on real notes: 20 MB of copies of the
/// user's network note is estimated at 378 MB and took cmark-gfm 275 MB, and is parsed; the
/// densest real note seen, an 80 KB awesome list of 4,249 markup characters, is estimated at 2 MB.
enum MarkdownSizeLimit {
    /// The most a note's parse is estimated to take.
    static let maximumEstimatedBytes = 512 << 20
    static let bytesPerLine = 700
    static let bytesPerMarkupCharacter = 400

    /// The bytes where cmark-gfm or its extensions (autolinks, strikethrough, tables) may start
    /// a node of their own.
    private static let isMarkup: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "[]!&<`*_\\:w@~|".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// The line (1-based, in `body`) where the estimate passes the limit; nil when it does not.
    /// A note too short to pass it even if every byte were a line is not scanned.
    static func firstExcess(in body: UnsafeBufferPointer<UInt8>, limit: Int = maximumEstimatedBytes) -> Int? {
        guard body.count + 1 > limit / bytesPerLine else { return nil }
        var line = 1
        var estimate = bytesPerLine
        for byte in body {
            if byte == 0x0A {
                line += 1
                estimate += bytesPerLine
            } else if isMarkup[Int(byte)] {
                estimate += bytesPerMarkupCharacter
            } else {
                continue
            }
            if estimate > limit { return line }
        }
        return nil
    }
}
