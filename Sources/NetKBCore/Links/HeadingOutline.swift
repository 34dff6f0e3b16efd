/// A note's headings and their slugs as a ``CatalogNote`` keeps them: every text and slug one
/// after another in one string, and the bounds, levels and section indices in one array, so
/// that a catalog holds two allocations per note rather than several per heading (a large
/// vault has hundreds of thousands of headings).
///
/// Obsidian heading keys and each heading's parent are not kept: ``NoteAnchorTable`` works
/// them out when a link needs them.
struct HeadingOutline: Hashable, Sendable {
    /// Heading `i`'s text, then its slug, for each heading in order.
    private let storage: String
    /// Four numbers for heading `i` at `4 × i`: the UTF-8 offsets in ``storage`` where its text
    /// and its slug end, its level, and its section index plus one (0 when unknown).
    private let fields: [UInt32]
    /// Heading index → the id written as `{#id}` at the heading's end; few headings have one.
    private let explicitIDs: [Int: String]

    /// No headings.
    init() {
        storage = ""
        fields = []
        explicitIDs = [:]
    }

    /// Headings and one slug for each, in order.
    init(headings: [NoteHeading], slugs: [String]) {
        var storage = ""
        storage.reserveCapacity(zip(headings, slugs).reduce(0) { $0 + $1.0.text.utf8.count + $1.1.utf8.count })
        var fields: [UInt32] = []
        fields.reserveCapacity(4 * headings.count)
        var explicitIDs: [Int: String] = [:]
        for (index, (heading, slug)) in zip(headings, slugs).enumerated() {
            storage += heading.text
            fields.append(UInt32(storage.utf8.count))
            storage += slug
            fields.append(UInt32(storage.utf8.count))
            fields.append(UInt32(heading.level))
            fields.append(heading.sectionIndex.map { UInt32($0 + 1) } ?? 0)
            if let id = heading.explicitID { explicitIDs[index] = id }
        }
        self.storage = storage
        self.fields = fields
        self.explicitIDs = explicitIDs
    }

    /// How many headings.
    var count: Int { fields.count / 4 }

    /// Heading `index`'s visible text.
    func text(_ index: Int) -> String {
        String(slice(from: index == 0 ? 0 : fields[4 * index - 3], to: fields[4 * index]))
    }

    /// Heading `index`'s GitHub slug.
    func slug(_ index: Int) -> Substring {
        slice(from: fields[4 * index], to: fields[4 * index + 1])
    }

    /// Heading `index`'s level, 1 to 6.
    func level(_ index: Int) -> Int { Int(fields[4 * index + 2]) }

    /// The index of heading `index`'s section in ``Note/sections``, when known.
    func sectionIndex(_ index: Int) -> Int? {
        let stored = fields[4 * index + 3]
        return stored == 0 ? nil : Int(stored) - 1
    }

    /// Heading `index`'s `{#id}`, if it has one.
    func explicitID(_ index: Int) -> String? { explicitIDs[index] }

    /// The index of the first heading whose slug is `anchor`: a pass over every heading, for
    /// a note with few (``NoteAnchorTable`` answers for one with many).
    func firstIndex(ofSlug anchor: String) -> Int? {
        (0..<count).first { slug($0) == anchor }
    }

    /// The index of the first heading whose `{#id}` is `id`.
    func firstIndex(ofExplicitID id: String) -> Int? {
        explicitIDs.isEmpty ? nil : explicitIDs.filter { $0.value == id }.keys.min()
    }

    /// The headings, as given.
    var headings: [NoteHeading] {
        (0..<count).map { index in
            NoteHeading(
                text: text(index), level: level(index), explicitID: explicitIDs[index],
                sectionIndex: sectionIndex(index))
        }
    }

    /// Every heading's slug.
    var slugs: [String] { (0..<count).map { String(slug($0)) } }

    /// The index of each heading's parent heading (the nearest earlier one of a lower level).
    var parents: [Int?] {
        var parents: [Int?] = []
        parents.reserveCapacity(count)
        var open: [Int] = []  // Indices of the headings enclosing the current one.
        for index in 0..<count {
            while let last = open.last, level(last) >= level(index) { open.removeLast() }
            parents.append(open.last)
            open.append(index)
        }
        return parents
    }

    private func slice(from start: UInt32, to end: UInt32) -> Substring {
        let utf8 = storage.utf8
        return storage[utf8.index(utf8.startIndex, offsetBy: Int(start))..<utf8.index(utf8.startIndex, offsetBy: Int(end))]
    }
}
