/// What link resolution knows of one note: its names, headings and anchors.
///
/// The headings and their slugs are kept packed (see ``HeadingOutline``): a catalog holds
/// every note of a vault at once.
public struct CatalogNote: Hashable, Sendable {
    /// The path relative to the notes root, NFC, with `/` separators.
    public let path: String
    public let title: String
    /// Front-matter `aliases`, which wiki links may use as names.
    public let aliases: [String]
    /// Anchors other than heading slugs: `{#id}` of headings and HTML `id=`/`name=` values.
    public let anchorIDs: Set<String>
    /// Obsidian block ids (`^id` at a line's end), without `^`.
    public let blockIDs: Set<String>
    /// The headings with their slugs.
    let outline: HeadingOutline

    /// `slugs`, when given, are the headings' GitHub slugs as ``HeadingSlugger`` made them
    /// before (the index stores them), so they need not be made again.
    public init(
        path: String, title: String, aliases: [String] = [], headings: [NoteHeading] = [],
        anchorIDs: Set<String> = [], blockIDs: Set<String> = [], slugs: [String]? = nil
    ) {
        self.path = NFC.normalize(path)
        self.title = NFC.normalize(title)
        self.aliases = aliases.map(NFC.normalize)
        self.anchorIDs = Set(anchorIDs.map(NFC.normalize)).union(headings.compactMap(\.explicitID))
        self.blockIDs = Set(blockIDs.map(NFC.normalize))
        let slugs = slugs.flatMap { $0.count == headings.count ? $0 : nil } ?? HeadingSlugger.slugs(for: headings.map(\.text))
        self.outline = headings.isEmpty ? HeadingOutline() : HeadingOutline(headings: headings, slugs: slugs)
    }

    /// The headings in order.
    public var headings: [NoteHeading] { outline.headings }

    /// GitHub's slug of each heading, duplicates numbered.
    public var slugs: [String] { outline.slugs }

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
