/// A concept as one taxonomy file writes it, before validation: every field is optional (a
/// user's file may override only some fields of a shipped concept), layers and kind are still
/// text, and each field remembers its line for error messages.
public struct ConceptEntry: Hashable, Sendable {
    /// The fields of an entry, as they are spelled in taxonomy files.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        case id, name, korean, abbreviations, aliases, osi, tcpip, kind, related, note, excludes
    }

    public var id: String
    public var name: String?
    public var koreanNames: [String]?
    public var abbreviations: [String]?
    public var aliases: [String]?
    /// Layers as written: `4`, `L4`, `transport`, `전송 계층`, …
    public var osiLayers: [String]?
    public var tcpipLayers: [String]?
    public var kind: String?
    public var related: [String]?
    public var note: String?
    public var excludes: [String]?

    /// The 1-based line where the entry starts.
    public var line: Int
    /// The 1-based line of each field that is present.
    public var fieldLines: [Field: Int]

    public init(id: String, line: Int, fieldLines: [Field: Int] = [:]) {
        self.id = id
        self.line = line
        self.fieldLines = fieldLines
    }

    /// The line of a field, or the entry's line when the field's is unknown.
    public func line(of field: Field) -> Int { fieldLines[field] ?? line }
}
