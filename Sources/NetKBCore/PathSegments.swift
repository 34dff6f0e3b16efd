/// What the `/`-separated segments of a path hold, read byte by byte in one pass: shared by note
/// paths (``NotePath``) and URL paths (``URLNormalizer``).
struct PathSegments {
    /// Whether a segment is `.` or `..`; most paths have dots (`page.html`) but none.
    private(set) var hasDotSegment = false
    /// Whether a segment is empty: the path is empty, or starts or ends with `/`, or holds `//`.
    private(set) var hasEmptySegment = false

    init(_ path: some StringProtocol) {
        var dots = 0
        var length = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                end(length: length, dots: dots)
                dots = 0
                length = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        end(length: length, dots: dots)
    }

    private mutating func end(length: Int, dots: Int) {
        if length == 0 {
            hasEmptySegment = true
        } else if length == dots && dots <= 2 {
            hasDotSegment = true
        }
    }
}
