/// The validated set of concepts netkb tags sections with: the shipped taxonomy, with a user's
/// own file merged over it.
///
/// Building one checks everything a file can get wrong and throws the first mistake with its
/// file and line, so nothing is ever tagged with a half-read taxonomy:
/// a duplicate id in one file, an unknown layer or kind, a related id that names no concept,
/// a spelling that two concepts claim, a new concept without a name or kind.
///
/// A user's entry whose id is already known overrides only the fields it writes; a new id adds
/// a concept.
///
/// ```swift
/// let taxonomy = try Taxonomy(files: [shipped, user])
/// taxonomy.concept(id: "tcp")?.osiLayers   // [.transport]
/// taxonomy.fingerprint                     // "v1-3f0c…", stored with the index
/// ```
public struct Taxonomy: Hashable, Sendable {
    /// The version of the matching rules; part of ``fingerprint``, so that changing how text is
    /// matched also marks every tagged index as out of date.
    public static let matchingRulesVersion = 1

    /// Every concept, ordered by id.
    public let concepts: [Concept]
    /// A short, stable text that changes whenever any concept's content does (or the matching
    /// rules do): `v1-` and 16 hexadecimal digits.
    public let fingerprint: String
    private let indexByID: [String: Int]

    /// Builds and validates a taxonomy from files in order: the shipped file first, then the
    /// files that override it.
    public init(files: [TaxonomyFile]) throws(TaxonomyError) {
        var builder = TaxonomyBuilder()
        for file in files {
            try builder.add(file)
        }
        let concepts = try builder.finish()
        self.init(validated: concepts)
    }

    /// Builds a taxonomy from the shipped file and, if the user has one, their file.
    public init(shipped: TaxonomyFile, user: TaxonomyFile? = nil) throws(TaxonomyError) {
        try self.init(files: [shipped] + (user.map { [$0] } ?? []))
    }

    private init(validated concepts: [Concept]) {
        self.concepts = concepts.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for (position, concept) in self.concepts.enumerated() { index[concept.id] = position }
        indexByID = index
        fingerprint = Self.fingerprint(of: self.concepts)
    }

    /// The concept with this id, if there is one.
    public func concept(id: String) -> Concept? {
        indexByID[id].map { concepts[$0] }
    }

    /// How many concepts there are.
    public var count: Int { concepts.count }

    /// FNV-1a over a canonical text of every field of every concept, in id order.
    private static func fingerprint(of concepts: [Concept]) -> String {
        var canonical: [UInt8] = []
        func field(_ text: String) {
            canonical.append(contentsOf: text.utf8)
            canonical.append(0x1F)
        }
        func list(_ items: [String]) { field(items.joined(separator: "\u{1E}")) }
        for concept in concepts {
            field(concept.id)
            field(concept.name)
            list(concept.koreanNames)
            list(concept.abbreviations)
            list(concept.aliases)
            list(concept.osiLayers.map { String($0.rawValue) })
            list(concept.tcpipLayers.map(\.name))
            field(concept.kind.rawValue)
            list(concept.related)
            field(concept.note ?? "")
            list(concept.excludes)
            canonical.append(0x1D)
        }
        let hash = ContentHash.of(canonical)
        let hex = String(hash, radix: 16)
        return "v\(matchingRulesVersion)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
