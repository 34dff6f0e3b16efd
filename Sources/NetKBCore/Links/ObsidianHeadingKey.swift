/// The form in which Obsidian compares a `[[Note#Heading]]` with a note's headings.
///
/// Lower-cased, NFC; every run of characters that are not letters, marks or numbers (spaces,
/// punctuation, symbols, emoji) becomes one space; no space at either end. Two texts match when
/// their keys are equal:
///
/// ```swift
/// ObsidianHeadingKey.make("TCP/IP: 4 계층") == ObsidianHeadingKey.make("tcp ip  4 계층") // true
/// ```
public enum ObsidianHeadingKey {
    /// The key of a heading's text or of one `#` component of a wiki link.
    public static func make(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in NFC.normalize(text).fastLowercased().unicodeScalars {
            if isWordScalar(scalar) {
                if pendingSpace, !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(key)
    }

    /// Letters, marks and numbers.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "_" && HeadingSlug.isKept(scalar)
    }
}
