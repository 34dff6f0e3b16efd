/// Numbers duplicate heading slugs within one note the way GitHub does (`a`, `a-1`, `a-2`).
///
/// Feed it a note's headings in order. A slug already handed out gets the next free suffix of
/// its own base, so an explicit later heading `a-1` after two `a` headings becomes `a-1-1`:
///
/// ```swift
/// HeadingSlugger.slugs(for: ["A", "A", "A-1"]) // ["a", "a-1", "a-1-1"]
/// ```
public struct HeadingSlugger: Sendable {
    /// For each slug handed out, the last suffix tried for that base.
    private var occurrences: [String: Int] = [:]

    public init() {}

    /// The slug for the next heading of the note, numbered if it was already used.
    public mutating func slug(for heading: String) -> String {
        let base = HeadingSlug.make(heading)
        var result = base
        while occurrences[result] != nil {
            let next = occurrences[base, default: 0] + 1
            occurrences[base] = next
            result = "\(base)-\(next)"
        }
        occurrences[result] = 0
        return result
    }

    /// The slugs of all headings of a note, in order.
    public static func slugs(for headings: [String]) -> [String] {
        var slugger = HeadingSlugger()
        return headings.map { slugger.slug(for: $0) }
    }
}
