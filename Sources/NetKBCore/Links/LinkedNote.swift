/// A note with what link resolution needs of it worked out once: its catalog entry, a hash of
/// the names and headings other notes can link to, and the lookup key of each of its links.
///
/// The indexer makes these on its reading threads, so the writer only stores them.
public struct LinkedNote: Sendable {
    public let note: Note
    public let catalogEntry: CatalogNote
    /// Changes when the note's title, aliases, headings, anchors or block ids change.
    public let namesHash: UInt64
    /// ``LinkLookupKey`` of each of ``Note/links``, in order.
    public let linkKeys: [String]

    public init(_ note: Note) {
        self.note = note
        catalogEntry = CatalogNote(note: note)
        var text = catalogEntry.title + "\u{1F}" + catalogEntry.aliases.joined(separator: "\u{1E}")
        for heading in catalogEntry.headings { text += "\u{1F}\(heading.level) \(heading.text)" }
        text += "\u{1F}" + catalogEntry.anchorIDs.sorted().joined(separator: "\u{1E}")
        text += "\u{1F}" + catalogEntry.blockIDs.sorted().joined(separator: "\u{1E}")
        namesHash = ContentHash.of(Array(text.utf8))
        linkKeys = note.links.map { LinkLookupKey.of(LinkTarget($0)) }
    }
}
