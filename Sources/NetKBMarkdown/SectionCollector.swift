import NetKBCore

/// Gathers a note's sections while the document is walked: one draft per heading, plus the text
/// before the first heading, which is kept only if it has visible text or links.
struct SectionCollector {
    private struct Draft {
        var headingPath: [String] = []
        var level: Int
        var startLine: Int
        var text: [UInt8] = []
        var hasLinks = false
        var map = SectionTextMap()
    }

    /// Drafts in document order; index 0 is the text before the first heading.
    private var drafts: [Draft]
    private var headingStack: [(level: Int, title: String)] = []
    /// The index (among drafts) of the section being written.
    private(set) var current = 0
    /// The first level-1 heading's text, if any.
    private(set) var firstLevel1Heading: String?

    init() {
        drafts = [Draft(level: 0, startLine: 0)]
    }

    /// Opens the section of a heading at `line`; its title comes with ``finishHeading(_:)``.
    mutating func startHeading(level: Int, line: Int) {
        drafts.append(Draft(level: level, startLine: line))
        current = drafts.count - 1
    }

    /// Names the section just opened and writes its heading as the first line of its text.
    mutating func finishHeading(_ title: String, code: [Range<Int>] = []) {
        let level = drafts[current].level
        while let last = headingStack.last, last.level >= level { headingStack.removeLast() }
        headingStack.append((level, title))
        drafts[current].headingPath = headingStack.map(\.title)
        if level == 1, firstLevel1Heading == nil, !title.isEmpty { firstLevel1Heading = title }
        appendBlock(Array(title.utf8), code: code)
    }

    /// Appends one block's visible text to the current section, after a line break.
    /// `code` and `lines` are offsets in `text`.
    mutating func appendBlock(_ text: some Collection<UInt8>, code: [Range<Int>] = [], lines: [SectionTextMap.LineStart] = []) {
        guard !text.isEmpty else { return }
        if !drafts[current].text.isEmpty { drafts[current].text.append(0x0A) }
        let base = drafts[current].text.count
        drafts[current].text.append(contentsOf: text)
        for range in code { drafts[current].map.code.append((range.lowerBound + base)..<(range.upperBound + base)) }
        for start in lines {
            drafts[current].map.lines.append(SectionTextMap.LineStart(offset: start.offset + base, line: start.line))
        }
    }

    mutating func noteLink() {
        drafts[current].hasLinks = true
    }

    /// Makes the section that holds `line` the current one (for footnote definitions, which
    /// cmark moves to the end of the document) and returns the previous current section.
    mutating func switchToSection(containing line: Int) -> Int {
        let previous = current
        var low = 1
        var high = drafts.count - 1
        var found = 0
        while low <= high {
            let middle = (low + high) / 2
            if drafts[middle].startLine <= line {
                found = middle
                low = middle + 1
            } else {
                high = middle - 1
            }
        }
        current = found
        return previous
    }

    mutating func restoreSection(_ index: Int) {
        current = index
    }

    /// Whether the text before the first heading is dropped: it has no visible text and no links.
    var dropsPreamble: Bool {
        !drafts[0].hasLinks && !drafts[0].text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A })
    }

    /// The finished sections with their line ranges. `firstLine` is the first line after the
    /// front matter.
    func sections(in source: SourceText, firstLine: Int) -> [Section] {
        var sections: [Section] = []
        sections.reserveCapacity(drafts.count)
        let lastLine = source.lastNonBlankLine
        for index in drafts.indices {
            if index == 0, dropsPreamble { continue }
            let draft = drafts[index]
            let nextStart = index + 1 < drafts.count ? drafts[index + 1].startLine : lastLine + 1
            var start = draft.startLine
            if index == 0 {
                start = source.firstNonBlankLine(from: firstLine, through: max(firstLine, nextStart - 1)) ?? firstLine
            }
            var end = max(start, nextStart - 1)
            while end > start, source.isBlank(line: end) { end -= 1 }
            sections.append(Section(
                headingPath: draft.headingPath,
                level: draft.level,
                startLine: start,
                endLine: end,
                text: String(decoding: draft.text, as: UTF8.self),
                textMap: draft.map
            ))
        }
        return sections
    }
}
