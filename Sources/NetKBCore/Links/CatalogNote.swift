/// What link resolution knows of one note: its names, headings and anchors.
///
/// Slugs, Obsidian heading keys and each heading's parent are computed once, here.
public struct CatalogNote: Hashable, Sendable {
    /// The path relative to the notes root, NFC, with `/` separators.
    public let path: String
    public let title: String
    /// Front-matter `aliases`, which wiki links may use as names.
    public let aliases: [String]
    /// The headings in order.
    public let headings: [NoteHeading]
    /// Anchors other than heading slugs: `{#id}` of headings and HTML `id=`/`name=` values.
    public let anchorIDs: Set<String>
    /// Obsidian block ids (`^id` at a line's end), without `^`.
    public let blockIDs: Set<String>
    /// GitHub's slug of each heading, duplicates numbered.
    public let slugs: [String]
    /// ``ObsidianHeadingKey`` of each heading.
    let headingKeys: [String]
    /// The index of each heading's parent heading (the nearest earlier one of a lower level).
    let parents: [Int?]

    /// `slugs`, when given, are the headings' GitHub slugs as ``HeadingSlugger`` made them
    /// before (the index stores them), so they need not be made again.
    public init(
        path: String, title: String, aliases: [String] = [], headings: [NoteHeading] = [],
        anchorIDs: Set<String> = [], blockIDs: Set<String> = [], slugs: [String]? = nil
    ) {
        self.path = NFC.normalize(path)
        self.title = NFC.normalize(title)
        self.aliases = aliases.map(NFC.normalize)
        self.headings = headings
        self.anchorIDs = Set(anchorIDs.map(NFC.normalize)).union(headings.compactMap(\.explicitID))
        self.blockIDs = Set(blockIDs.map(NFC.normalize))
        self.slugs = slugs.flatMap { $0.count == headings.count ? $0 : nil } ?? HeadingSlugger.slugs(for: headings.map(\.text))
        self.headingKeys = headings.map { ObsidianHeadingKey.make($0.text) }
        var parents: [Int?] = []
        var open: [Int] = []  // Indices of the headings enclosing the current one.
        for heading in headings {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            parents.append(open.last)
            open.append(parents.count - 1)
        }
        self.parents = parents
    }

    /// The catalog entry of a parsed note: its title, front-matter aliases and section headings
    /// (with their section indices), HTML anchors and block ids, and any more given.
    public init(note: Note, anchorIDs: Set<String> = [], blockIDs: Set<String> = []) {
        let headings = note.sections.enumerated().compactMap { index, section in
            section.level > 0 ? NoteHeading(text: section.heading, level: section.level, sectionIndex: index) : nil
        }
        self.init(
            path: note.path, title: note.title, aliases: note.frontMatter.aliases, headings: headings,
            anchorIDs: Set(note.anchorIDs).union(anchorIDs), blockIDs: Set(note.blockIDs).union(blockIDs))
    }

    /// The file name without `.md`, the name wiki links use.
    public var name: Substring { NotePath.stem(of: path) }
}
