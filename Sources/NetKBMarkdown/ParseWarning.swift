/// Something the parser noticed and worked around while reading a note.
///
/// Its description reads like a compiler diagnostic: `path:line: warning: message`,
/// or `path: warning: message` when the warning is not tied to one line.
public struct ParseWarning: Hashable, Sendable, CustomStringConvertible {
    /// The note's path relative to the notes root, as given to the parser.
    public var path: String
    /// The 1-based source line the warning is about, if any.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): warning: \(message)" }
        return "\(path): warning: \(message)"
    }
}
