/// A mistake in a taxonomy file, at a line: `.netkb/concepts.yml:12: unknown layer 'L9'`.
public struct TaxonomyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as ``TaxonomyFile/name`` gives it.
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

    /// `file:line: message`, like a compiler's diagnostic.
    public var description: String { "\(file):\(line): \(message)" }
}
