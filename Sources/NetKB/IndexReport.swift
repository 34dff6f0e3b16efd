/// What an indexing run did.
public struct IndexReport: Sendable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    /// Sections tagged again from the index's text because the taxonomy changed.
    public var retagged = 0
    public var warnings: [NoteWarning] = []
    /// How many of ``warnings``, the first ones, are the folder walk's: given again on every
    /// run (a name that is not UTF-8, a folder that cannot be read), unlike a note's, which is
    /// given when the note is read.
    public var walkWarnings = 0
    public var seconds = 0.0
    /// Why the index file was started afresh, if it was (damaged, or of another schema).
    public var rebuiltBecause: String?

    public init() {}

    /// Whether the run changed what the index holds.
    public var changedNotes: Int { added + updated + removed }
}

/// How far an indexing run has come.
public enum IndexProgress: Sendable {
    /// The folder was scanned: this many notes in all, this many to read.
    case scanned(total: Int, toRead: Int)
    /// One more note was read (and saved if it changed).
    case read(done: Int, of: Int)
}
