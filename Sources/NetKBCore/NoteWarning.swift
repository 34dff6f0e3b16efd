/// Something noticed and worked around while reading the notes: a bad byte, an unreadable file,
/// a symbolic-link loop. It names the file (relative to the notes root) and, where there is one, the line.
///
/// Its description reads like a compiler diagnostic: `path:line: warning: message`,
/// or `path: warning: message` when the warning is not tied to one line.
public struct NoteWarning: Hashable, Sendable, CustomStringConvertible {
    /// The path relative to the notes root.
    public var path: String
    /// The 1-based source line the warning is about, if any.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): warning: \(message)" }
        return "\(path): warning: \(message)"
    }
}
