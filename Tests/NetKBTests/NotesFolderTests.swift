import Testing
@testable import NetKB

@Suite("NotesFolder")
struct NotesFolderTests {
    @Test(arguments: [("a.md", true), ("A.MD", true), ("b.Markdown", true), (".md", false), ("md", false), ("a.mdx", false), ("a.txt", false), ("노트.md", true), ("a.m\u{0E}", false)])
    func noteEndings(name: String, isNote: Bool) {
        #expect(NotesFolder.isNote(name) == isNote)
    }
}
