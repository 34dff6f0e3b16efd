/// A `#tag` written in a note's text, or a tag from its front matter (line 1 for those).
public struct Tag: Hashable, Sendable {
    /// The tag without `#`, NFC, as written (`network/tcp`).
    public var name: String
    public var line: Int

    public init(name: String, line: Int) {
        self.name = name
        self.line = line
    }
}
