/// The entries read from one taxonomy file, with the file's name for error messages.
public struct TaxonomyFile: Hashable, Sendable {
    /// The name errors show, e.g. `.netkb/concepts.yml` or `concepts.yml (shipped)`.
    public var name: String
    public var entries: [ConceptEntry]

    public init(name: String, entries: [ConceptEntry]) {
        self.name = name
        self.entries = entries
    }
}
