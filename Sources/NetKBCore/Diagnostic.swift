/// Something netkb reports about a place in the notes: a bad byte, an unreadable file, a
/// broken link. It names the file (relative to the notes root) and, where there is one, the
/// line and column.
///
/// Its description reads like a compiler diagnostic: `path:line:column: error: message`,
/// `path:line: warning: message`, or `path: warning: message` when it is not tied to a line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The path relative to the notes root.
    public var path: String
    /// The 1-based source line, if any.
    public var line: Int?
    /// The 1-based column (in Unicode scalars), if any.
    public var column: Int?
    public var severity: Severity
    public var message: String
    /// What the user may have meant, shown as "did you mean '…'?".
    public var suggestion: String?

    public init(path: String, line: Int? = nil, column: Int? = nil, severity: Severity = .warning, message: String, suggestion: String? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var place = path
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity.rawValue): \(message)"
        if let suggestion { text += " (did you mean '\(suggestion)'?)" }
        return text
    }
}

/// A warning about a note, as the indexer reports them.
public typealias NoteWarning = Diagnostic
