import Foundation
import GRDB

/// The SQL function `netkb_section_ids(entries)`: the section ids of a `concept_sections`
/// row's entries (see ``ConceptSectionBucket``), as a JSON array, for `json_each` to list in
/// SQL: `IN (SELECT j.value FROM concept_sections c, json_each(netkb_section_ids(c.entries)) j
/// WHERE c.concept_id IN (…))`.
enum ConceptSectionIDsFunction {
    static let name = "netkb_section_ids"

    /// Adds the function to `db`, for the searches and lists that filter by concept; no other
    /// command pays for it at start-up (12,000 instructions of a search that finds nothing).
    static func register(_ db: Database) {
        db.add(function: DatabaseFunction(name, argumentCount: 1, pure: true) { values in
            guard let data = Data.fromDatabaseValue(values[0]) else { return "[]" }
            return json(ConceptSectionBucket(encoded: [UInt8](data)))
        })
    }

    /// The entries' section ids as a JSON array.
    static func json(_ bucket: ConceptSectionBucket) -> String {
        var text = "["
        text.reserveCapacity(2 + bucket.entries.count * 7)
        for (position, entry) in bucket.entries.enumerated() {
            if position > 0 { text += "," }
            text += String(entry.sectionID)
        }
        return text + "]"
    }

    /// The condition that `column` is the id of a section that mentions one of the concepts
    /// listed by `list` (SQL placeholders or a GRDB SQL interpolation of them).
    static func condition(column: String, concepts list: String) -> String {
        "\(column) IN (SELECT j.value FROM concept_sections c, json_each(\(name)(c.entries)) j WHERE c.concept_id IN \(list))"
    }
}
