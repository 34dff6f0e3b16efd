/// A Markdown file found under the notes folder.
public struct NoteFile: Hashable, Sendable {
    /// The path relative to the notes root, NFC, with `/` separators.
    public var path: String
    /// The path to open, as the file system spells it: bytes, which need not be UTF-8.
    public var absolutePath: [UInt8]
    /// Modification time in nanoseconds since 1970.
    public var modified: Int64
    public var size: Int64
}
