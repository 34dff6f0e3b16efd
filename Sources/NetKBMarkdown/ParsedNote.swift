import NetKBCore

/// The result of parsing one note: the note itself and what was worked around on the way
/// (invalid UTF-8, NUL bytes, invalid front matter).
public struct ParsedNote: Hashable, Sendable {
    /// The parsed note; always complete, whatever the warnings say.
    public var note: Note
    /// What the parser replaced or ignored, in the order it was noticed.
    public var warnings: [NoteWarning]

    public init(note: Note, warnings: [NoteWarning] = []) {
        self.note = note
        self.warnings = warnings
    }
}
