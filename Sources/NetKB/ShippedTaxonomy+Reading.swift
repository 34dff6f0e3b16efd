import NetKBCore
import NetKBMarkdown

extension ShippedTaxonomy {
    /// The shipped taxonomy's entries, read from the compiled-in YAML.
    public static func file() throws(TaxonomyError) -> TaxonomyFile {
        try TaxonomyReader.read(yaml, file: fileName)
    }

    /// The shipped taxonomy with, when given, a user's file merged over it.
    public static func taxonomy(user: TaxonomyFile? = nil) throws(TaxonomyError) -> Taxonomy {
        try Taxonomy(shipped: file(), user: user)
    }
}
