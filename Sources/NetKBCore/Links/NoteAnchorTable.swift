/// What resolving an anchor, a heading path or a block id asks of one note, as look-up tables
/// made once from its ``HeadingOutline`` and ids, so that each link costs a few dictionary
/// look-ups rather than a pass over every heading (a note can have 100,000).
///
/// ```swift
/// let table = NoteAnchorTable(note)
/// table.heading(withSlug: "개요-1")    // 2
/// table.headings(withKey: "tcp 연결")  // [1]
/// ```
///
/// Every answer is the one a pass over the headings in order gives: the first heading with a
/// slug, the anchors in the order slugs then other ids sorted, and suggestions as
/// ``EditDistance`` picks them (read from ``NamesByLength``).
struct NoteAnchorTable: Sendable {
    /// Slug → the first heading with it.
    private let headingBySlug: [String: Int]
    /// `{#id}` → the first heading with it.
    private let headingByExplicitID: [String: Int]
    /// Every slug, then the other anchor ids sorted: what a Markdown anchor may be.
    let anchors: NamesByLength
    /// Each anchor lower-cased → the first anchor that lower-cases to it.
    private let anchorByLowercased: [String: String]
    /// Every heading's ``ObsidianHeadingKey``, in order.
    let headingKeys: NamesByLength
    /// Heading key → the headings with it, in order.
    private let headingsByKey: [String: [Int]]
    /// The index of each heading's parent heading.
    let parents: [Int?]
    /// The block ids, sorted.
    let blockIDs: NamesByLength
    /// The block ids, lower-cased.
    private let lowercasedBlockIDs: Set<String>

    init(_ note: CatalogNote) {
        let outline = note.outline
        var headingBySlug: [String: Int] = [:]
        var headingByExplicitID: [String: Int] = [:]
        var headingsByKey: [String: [Int]] = [:]
        var slugs: [String] = []
        var keys: [String] = []
        slugs.reserveCapacity(outline.count)
        keys.reserveCapacity(outline.count)
        headingBySlug.reserveCapacity(outline.count)
        for index in 0..<outline.count {
            let slug = String(outline.slug(index))
            slugs.append(slug)
            if headingBySlug[slug] == nil { headingBySlug[slug] = index }
            if let id = outline.explicitID(index), headingByExplicitID[id] == nil { headingByExplicitID[id] = index }
            let key = ObsidianHeadingKey.make(outline.text(index))
            keys.append(key)
            headingsByKey[key, default: []].append(index)
        }
        let anchors = slugs + note.anchorIDs.sorted()
        var anchorByLowercased: [String: String] = [:]
        for anchor in anchors {
            let lowercased = anchor.lowercased()
            if anchorByLowercased[lowercased] == nil { anchorByLowercased[lowercased] = anchor }
        }
        self.headingBySlug = headingBySlug
        self.headingByExplicitID = headingByExplicitID
        self.anchors = NamesByLength(anchors)
        self.anchorByLowercased = anchorByLowercased
        self.headingKeys = NamesByLength(keys)
        self.headingsByKey = headingsByKey
        self.parents = outline.parents
        self.blockIDs = NamesByLength(note.blockIDs.sorted())
        self.lowercasedBlockIDs = Set(note.blockIDs.map { $0.lowercased() })
    }

    /// The first heading whose slug is `slug`.
    func heading(withSlug slug: String) -> Int? { headingBySlug[slug] }

    /// The first heading whose `{#id}` is `id`.
    func heading(withExplicitID id: String) -> Int? { headingByExplicitID[id] }

    /// Whether a heading's slug is `slug`.
    func hasSlug(_ slug: String) -> Bool { headingBySlug[slug] != nil }

    /// The first anchor (slugs, then other ids sorted) equal to `anchor` but for letter case.
    func anchor(lowercasedAs anchor: String) -> String? { anchorByLowercased[anchor.lowercased()] }

    /// The headings whose ``ObsidianHeadingKey`` is `key`, in order.
    func headings(withKey key: String) -> [Int] { headingsByKey[key] ?? [] }

    /// Whether a block id equals `id` but for letter case.
    func hasBlock(lowercasedAs id: String) -> Bool { lowercasedBlockIDs.contains(id.lowercased()) }
}
