/// GitHub's anchor slug for a heading's text, as github.com makes the `id` of a rendered heading.
///
/// ```swift
/// HeadingSlug.make("3 Way Handshake - TCP 연결") // "3-way-handshake---tcp-연결"
/// ```
///
/// Letters of any script, combining marks, numbers, `_` (and other connector punctuation) and
/// `-` are kept, lower-cased; each space becomes `-` (runs are not collapsed); everything else,
/// punctuation and emoji included, is dropped. Duplicates within a note are numbered by
/// ``HeadingSlugger``.
public enum HeadingSlug {
    /// The slug of one heading's visible text, before duplicates are numbered.
    public static func make(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in NFC.normalize(text).fastLowercased().unicodeScalars {
            if scalar == " " || scalar == "-" {
                slug.append("-")
            } else if isKept(scalar) {
                slug.append(scalar)
            }
        }
        return String(slug)
    }

    /// Whether a scalar survives in a slug: a letter, mark, number or connector punctuation.
    static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
