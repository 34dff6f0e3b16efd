import NetKBCore

/// A section's concepts as its row keeps them (`sections.concepts`): ids, most mentioned first
/// (then by first line and id), one a line; empty for none. Search results read them from
/// there; `section_concepts` holds the same entries keyed by concept.
enum SectionConceptList {
    static func encode(_ tags: SectionTags?) -> String {
        guard let concepts = tags?.concepts, !concepts.isEmpty else { return "" }
        return concepts.sorted { ($1.count, $0.line, $0.conceptID) < ($0.count, $1.line, $1.conceptID) }
            .map(\.conceptID).joined(separator: "\n")
    }

    static func ids(in list: String) -> [String] {
        list.utf8.split(separator: 0x0A).compactMap { String($0) }
    }
}
