extension Note {
    /// The source lines of section `index` with the sections under its heading: from its
    /// heading through the last section before the next heading of the same level or above,
    /// as far as a heading's fold in an editor reaches. The text before the first heading
    /// (level 0) is its own lines only. Nil for an index out of range.
    public func headingSpan(ofSection index: Int) -> ClosedRange<Int>? {
        guard sections.indices.contains(index) else { return nil }
        let section = sections[index]
        var last = section.endLine
        if section.level > 0 {
            for later in sections[(index + 1)...] {
                if later.level > 0 && later.level <= section.level { break }
                last = max(last, later.endLine)
            }
        }
        return section.startLine...max(section.startLine, last)
    }
}
