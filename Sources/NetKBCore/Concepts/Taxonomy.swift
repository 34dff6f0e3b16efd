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

    /// FNV-1a over ``canonicalText(of:)``.
    private static func fingerprint(of concepts: [Concept]) -> String {
        let hash = ContentHash.of(canonicalText(of: concepts))
        let hex = String(hash, radix: 16)
        return "v\(matchingRulesVersion)-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Separators of the canonical text: after a field, between a list's items, after a concept.
    private static let fieldEnd: UInt8 = 0x1F, itemSeparator: UInt8 = 0x1E, conceptEnd: UInt8 = 0x1D

    /// Every field of every concept, in id order, as one text: what ``fingerprint`` hashes, and
    /// what an index keeps so that a refresh can rebuild the taxonomy without reading its files
    /// (see ``init(canonicalText:fingerprint:)``).
    public var canonicalText: String {
        String(decoding: Self.canonicalText(of: concepts), as: UTF8.self)
    }

    private static func canonicalText(of concepts: [Concept]) -> [UInt8] {
        var canonical: [UInt8] = []
        func field(_ text: String) {
            canonical.append(contentsOf: text.utf8)
            canonical.append(fieldEnd)
        }
        func list(_ items: [String]) {
            for (index, item) in items.enumerated() {
                if index > 0 { canonical.append(itemSeparator) }
                canonical.append(contentsOf: item.utf8)
            }
            canonical.append(fieldEnd)
        }
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
            canonical.append(conceptEnd)
        }
        return canonical
    }

    /// The taxonomy whose ``canonicalText`` is `text`, if its fingerprint is `fingerprint`:
    /// nil for any text that does not read back to exactly that taxonomy (another version's,
    /// damaged, or names holding the separators), so that the caller builds it from its files.
    /// A note that is empty reads back as none: the fingerprint does not tell them apart.
    public init?(canonicalText text: String, fingerprint: String) {
        var concepts: [Concept] = []
        for record in text.utf8.split(separator: Self.conceptEnd, omittingEmptySubsequences: false).dropLast() {
            let fields = record.split(separator: Self.fieldEnd, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 12, fields[11].isEmpty else { return nil }
            func list(_ field: String) -> [String] {
                field.isEmpty ? [] : field.utf8.split(separator: Self.itemSeparator, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            }
            let osi = list(fields[5]).compactMap { Int($0).flatMap(OSILayer.init(rawValue:)) }
            let tcpip = list(fields[6]).compactMap { name in TCPIPLayer.allCases.first { $0.name == name } }
            guard let kind = ConceptKind(rawValue: fields[7]) else { return nil }
            concepts.append(Concept(
                id: fields[0], name: fields[1], koreanNames: list(fields[2]), abbreviations: list(fields[3]),
                aliases: list(fields[4]), osiLayers: osi, tcpipLayers: tcpip, kind: kind, related: list(fields[8]),
                note: fields[9].isEmpty ? nil : fields[9], excludes: list(fields[10])))
        }
        self.init(validated: concepts)
        guard self.fingerprint == fingerprint else { return nil }
    }
}
