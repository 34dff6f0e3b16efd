import NetKBCore
import NetKBMarkdown

/// Where the taxonomy comes from: the shipped file and, when the notes folder has one, the
/// user's `.netkb/concepts.yml`, read but not yet parsed.
///
/// ``key`` changes whenever either file (or the matching rules) does, so an index can tell
/// that it was tagged with this taxonomy without building it; ``tagger()`` builds it, and a
/// mistake in the user's file is one ``IndexError/badConfig(_:)`` naming its line.
public struct TaxonomySource: Sendable {
    /// The user's file, relative to the notes root.
    public static let userFile = ".netkb/concepts.yml"

    /// The user's file's bytes; nil when there is none.
    public var userBytes: [UInt8]?

    public init(userBytes: [UInt8]?) {
        self.userBytes = userBytes
    }

    /// A short text that differs for different sources.
    public var key: String {
        let user = userBytes.map { String(ContentHash.of($0), radix: 16) } ?? "none"
        return "rules \(Taxonomy.matchingRulesVersion); shipped \(Self.shippedHash); user \(user)"
    }

    private static let shippedHash = String(ContentHash.of(Array(ShippedTaxonomy.yaml.utf8)), radix: 16)

    /// The taxonomy, checked.
    public func taxonomy() throws -> Taxonomy {
        do {
            let user = try userBytes.map { bytes throws(TaxonomyError) in try TaxonomyReader.read(bytes, file: Self.userFile) }
            return try ShippedTaxonomy.taxonomy(user: user)
        } catch {
            throw IndexError.badConfig(error.description)
        }
    }

    /// A tagger for the taxonomy.
    public func tagger() throws -> ConceptTagger {
        ConceptTagger(taxonomy: try taxonomy())
    }
}
