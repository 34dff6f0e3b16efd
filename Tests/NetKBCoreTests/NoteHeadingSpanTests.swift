import NetKBCore
import Testing

@Suite struct NoteHeadingSpanTests {
    /// Sections of levels 0, 1, 2, 3, 2, 1, 3 on the lines given.
    static let note = Note(path: "n.md", title: "N", sections: [
        Section(headingPath: [], level: 0, startLine: 1, endLine: 2, text: "intro"),
        Section(headingPath: ["A"], level: 1, startLine: 3, endLine: 5, text: "A"),
        Section(headingPath: ["A", "B"], level: 2, startLine: 6, endLine: 8, text: "B"),
        Section(headingPath: ["A", "B", "C"], level: 3, startLine: 9, endLine: 12, text: "C"),
        Section(headingPath: ["A", "D"], level: 2, startLine: 13, endLine: 14, text: "D"),
        Section(headingPath: ["E"], level: 1, startLine: 15, endLine: 16, text: "E"),
        Section(headingPath: ["E", "F"], level: 3, startLine: 17, endLine: 20, text: "F"),
    ])

    @Test(arguments: [
        (0, 1...2),    // the text before the first heading: its own lines only
        (1, 3...14),   // a level 1 heading reaches the next level 1 heading
        (2, 6...12),   // a level 2 heading takes its level 3 child, not its level 2 sibling
        (3, 9...12),
        (4, 13...14),
        (5, 15...20),  // the last heading reaches the last section, whatever its level
        (6, 17...20),
    ])
    func aHeadingTakesWhatIsUnderIt(index: Int, lines: ClosedRange<Int>) {
        #expect(Self.note.headingSpan(ofSection: index) == lines)
    }

    @Test func indicesOutOfRangeHaveNoSpan() {
        #expect(Self.note.headingSpan(ofSection: 7) == nil)
        #expect(Self.note.headingSpan(ofSection: -1) == nil)
        #expect(Note(path: "e.md", title: "E", sections: []).headingSpan(ofSection: 0) == nil)
    }
}
