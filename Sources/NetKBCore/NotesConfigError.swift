/// A mistake in a notes folder's `.netkb/config.yml`, at a line:
/// `.netkb/config.yml:3: error: unknown key 'exlude' (did you mean 'exclude'?)`.
public struct NotesConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the caller named it.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// What is wrong, without the place.
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: error: message`, like a compiler's diagnostic.
    public var description: String { "\(file):\(line): error: \(message)" }
}
