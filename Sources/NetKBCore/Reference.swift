/// An external link cited in a note, with what the note says about it.
public struct Reference: Hashable, Sendable {
    /// The URL as written.
    public var url: String
    /// The canonical form references are de-duplicated by (see ``URLNormalizer``).
    public var normalizedURL: String
    /// The site it belongs to, for grouping (see ``NormalizedURL/domain``).
    public var domain: String
    /// The link text when it says more than the URL itself (`[label](url)`), else nil; an
    /// image's alt text.
    public var label: String?
    /// What the note wrote about it: the rest of its list item, the items nested under it, the
    /// sentence it stands in, or the other cells of its table row.
    public var description: String?
    public var location: SourceLocation
    /// The index, in ``Note/sections``, of the section that cites it.
    public var sectionIndex: Int
    /// Whether it is an image (`![alt](https://…)`), listed only on request.
    public var isImage: Bool

    public init(
        url: String, normalizedURL: String? = nil, domain: String? = nil, label: String?, description: String?,
        location: SourceLocation, sectionIndex: Int, isImage: Bool = false
    ) {
        let normalized = (normalizedURL == nil || domain == nil) ? URLNormalizer.normalize(url) : nil
        self.url = url
        self.normalizedURL = normalizedURL ?? normalized?.normalized ?? url
        self.domain = domain ?? normalized?.domain ?? ""
        self.label = label
        self.description = description
        self.location = location
        self.sectionIndex = sectionIndex
        self.isImage = isImage
    }
}
