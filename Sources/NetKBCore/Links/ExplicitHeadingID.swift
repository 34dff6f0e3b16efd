/// A heading's text with an explicit anchor written at its end, `## Heading {#id}`.
///
/// ```swift
/// ExplicitHeadingID(splitting: "TCP 연결 {#tcp-open}") // text "TCP 연결", id "tcp-open"
/// ExplicitHeadingID(splitting: "No id")               // text "No id", id nil
/// ```
public struct ExplicitHeadingID: Hashable, Sendable {
    /// The heading's text without the `{#id}`, trailing spaces trimmed.
    public var text: String
    /// The explicit id, if the heading ends in `{#id}`; no spaces or braces inside.
    public var id: String?

    /// Splits `Heading {#id}` into its text and id; any other heading is all text.
    public init(splitting heading: String) {
        let scalars = heading.unicodeScalars
        guard scalars.last == "}", let open = Self.lastOpening(in: scalars) else {
            self.text = heading
            self.id = nil
            return
        }
        let idStart = scalars.index(open, offsetBy: 2)
        let idEnd = scalars.index(before: scalars.endIndex)
        let id = scalars[idStart..<idEnd]
        let before = scalars[..<open]
        guard !id.isEmpty, !id.contains(where: { $0.properties.isWhitespace || $0 == "{" || $0 == "}" }),
              before.isEmpty || before.last!.properties.isWhitespace
        else {
            self.text = heading
            self.id = nil
            return
        }
        self.text = String(String.UnicodeScalarView(before)).trimmingTrailingWhitespace()
        self.id = NFC.normalize(String(String.UnicodeScalarView(id)))
    }

    /// The position of the last `{#` in the scalars.
    private static func lastOpening(in scalars: String.UnicodeScalarView) -> String.UnicodeScalarView.Index? {
        var index = scalars.endIndex
        while index > scalars.startIndex {
            index = scalars.index(before: index)
            if scalars[index] == "{" {
                let next = scalars.index(after: index)
                return next < scalars.endIndex && scalars[next] == "#" ? index : nil
            }
        }
        return nil
    }
}
