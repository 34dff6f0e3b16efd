/// Obsidian block ids: a line ending in ` ^id` can be linked as `[[Note#^id]]`.
public enum BlockID {
    /// The block id a line ends with (`Some text ^my-id` → `my-id`), or nil. An id is ASCII
    /// letters, digits and `-`, preceded by `^` and a space (or standing alone on its line, or
    /// right after an embed's `]]`, as Obsidian's own help vault writes `![[image.png]]^id`).
    public static func atEnd(of line: some StringProtocol) -> String? {
        let scalars = line.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        var start = end
        while start > scalars.startIndex {
            let previous = scalars[scalars.index(before: start)]
            guard previous.isASCII, previous == "-" || previous.properties.isAlphabetic || ("0"..."9").contains(previous)
            else { break }
            start = scalars.index(before: start)
        }
        guard start < end, start > scalars.startIndex else { return nil }
        let caret = scalars.index(before: start)
        guard scalars[caret] == "^" else { return nil }
        if caret > scalars.startIndex {
            let before = scalars[scalars.index(before: caret)]
            guard before.properties.isWhitespace || before == "]" else { return nil }
        }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
