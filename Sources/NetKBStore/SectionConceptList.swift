import NetKBCore

/// A section's concepts as its row keeps them (`sections.concepts`): ids, most mentioned first
/// (then by first line and id), one a line; empty for none. Search results read them from
/// there; `section_concepts` holds the same entries keyed by concept.
enum SectionConceptList {
    static func encode(_ tags: SectionTags?) -> String {
        guard let concepts = tags?.concepts, !concepts.isEmpty else { return "" }
        // Written by hand: a full index encodes a list for each of its sections, on the writer.
        let order = concepts.indices.sorted { a, b in
            let first = concepts[a], second = concepts[b]
            if first.count != second.count { return first.count > second.count }
            if first.line != second.line { return first.line < second.line }
            return first.conceptID < second.conceptID
        }
        var list = ""
        list.reserveCapacity(order.reduce(0) { $0 + concepts[$1].conceptID.utf8.count + 1 })
        for (position, index) in order.enumerated() {
            if position > 0 { list += "\n" }
            list += concepts[index].conceptID
        }
        return list
    }

    /// The ids of a list, in order (empty lines skipped). Split on the byte: a search splits
    /// the list of each of its results.
    static func ids(in list: String) -> [String] {
        var list = list
        return list.withUTF8 { bytes in
            var ids: [String] = []
            var start = 0
            for index in bytes.indices where bytes[index] == 0x0A {
                if index > start { ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            if start < bytes.count { ids.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return ids
        }
    }
}
