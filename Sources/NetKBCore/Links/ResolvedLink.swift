/// Where a working link leads.
public struct ResolvedLink: Hashable, Sendable {
    /// What the path names.
    public enum Destination: Hashable, Sendable {
        /// A note of the catalog.
        case note
        /// Any other file (an image, a PDF).
        case file
        /// A folder; only a repository `/tree/` URL leads to one.
        case folder
    }

    /// The path from the notes root, NFC.
    public var path: String
    public var destination: Destination
    /// The heading linked to, as an index into ``CatalogNote/headings``.
    public var headingIndex: Int?
    /// The linked heading's index in ``Note/sections``, when the catalog knows it.
    public var sectionIndex: Int?
    /// The block linked to with `#^id`.
    public var blockID: String?

    public init(
        path: String, destination: Destination, headingIndex: Int? = nil, sectionIndex: Int? = nil, blockID: String? = nil
    ) {
        self.path = path
        self.destination = destination
        self.headingIndex = headingIndex
        self.sectionIndex = sectionIndex
        self.blockID = blockID
    }
}
