/// An `http(s)` link written in a note, for the external check.
public struct ExternalCitation: Hashable, Sendable {
    /// The citing note's path.
    public var path: String
    public var line: Int
    public var column: Int
    /// The URL as written.
    public var url: String

    public init(path: String, line: Int, column: Int, url: String) {
        self.path = path
        self.line = line
        self.column = column
        self.url = url
    }
}
