/// A mistake in a settings file of the notes folder (`.netkb/config.yml`, `.netkb/concepts.yml`),
/// at a line: `.netkb/concepts.yml:12: unknown layer 'L9'`.
public struct SettingsFileError: Error, Hashable, Sendable, CustomStringConvertible {
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

    /// `file:line: message`, like a compiler's diagnostic.
    public var description: String { "\(file):\(line): \(message)" }
}

/// A mistake in a taxonomy file.
public typealias TaxonomyError = SettingsFileError
/// A mistake in `.netkb/config.yml`.
public typealias NotesConfigError = SettingsFileError
