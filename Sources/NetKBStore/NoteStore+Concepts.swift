import Foundation
import GRDB
import NetKBCore

/// A concept of the index's taxonomy, with how many sections mention it.
public struct IndexedConcept: Hashable, Sendable {
    public var concept: Concept
    public var sectionCount: Int

    /// What lists show: the first abbreviation, else the English name.
    public var label: String { concept.abbreviations.first ?? concept.name }
}

/// A section, as lists of them show it.
public struct SectionReference: Hashable, Sendable {
    public var path: String
    /// The line of the concept's first mention in the section (the section's first line in lists of sections).
    public var line: Int
    public var heading: String
    /// How often the section mentions the concept.
    public var count: Int
}

/// A reference cited in a section.
public struct ConceptCardReference: Hashable, Sendable {
    public var url: String
    public var label: String?
    public var description: String?
    public var path: String
    public var line: Int
}

/// One concept's card: `netkb concepts TCP`.
public struct ConceptCard: Hashable, Sendable {
    public var concept: IndexedConcept
    /// Related concepts, either way round, by label.
    public var related: [IndexedConcept]
    public var sections: [SectionReference]
    public var references: [ConceptCardReference]
}

/// What `netkb layers` shows.
public struct LayerOverview: Hashable, Sendable {
    public struct Layer: Hashable, Sendable {
        public var osi: OSILayer
        /// Sections that mention a concept of this layer.
        public var sectionCount: Int
        /// The layer's concepts that some section mentions, most mentioned first.
        public var concepts: [UsedConcept]
        /// Topics whose dominant layer this is: all of them, or the first few (see ``topicCount``).
        public var topics: [Topic]
        public var topicCount: Int
    }

    public struct UsedConcept: Hashable, Sendable {
        public var concept: IndexedConcept
        /// Every section that mentions it; empty unless details were asked for.
        public var sections: [SectionReference]
    }

    public struct Topic: Hashable, Sendable {
        public var path: String
        public var line: Int
        public var heading: String
        public var layers: [OSILayer]
    }

    /// OSI layers 1 to 7.
    public var layers: [Layer]
    /// Sections in all, and those tagged with at least one concept.
    public var sections: Int
    public var taggedSections: Int
}

extension NoteStore {
    /// Every concept of the index's taxonomy, by id.
    public func concepts() throws -> [IndexedConcept] {
        try reading { db in try Self.concepts(db) }
    }

    /// The concepts a name names: an id, English name, Korean name, alias or abbreviation, in
    /// any case and spacing. Several when names differ only in case (`CA`, `ca`), the exact
    /// spelling first.
    public func concepts(named name: String) throws -> [IndexedConcept] {
        try reading { db in
            let ids = try Self.conceptIDs(db, named: name)
            let all = try Self.concepts(db, ids: ids)
            return ids.compactMap { id in all.first { $0.concept.id == id } }
        }
    }

    /// The concept `phrase` names and its names, for search; nil when it names none, or more
    /// than one.
    public func conceptNames(for phrase: String) throws -> SearchQuery.ConceptNames? {
        try reading { db in
            let ids = try Self.conceptIDs(db, named: phrase)
            guard let id = ids.first else { return nil }
            if ids.count > 1, try Self.exactNameCount(db, phrase) != 1 { return nil }
            // Only the names are read: a search runs this on every query.
            guard let row = try Row.fetchOne(db, sql: "SELECT name, abbreviations, korean, aliases FROM concepts WHERE id = ?", arguments: [id]) else {
                return nil
            }
            let name: String = row["name"]
            let names = [name] + Self.lines(row["abbreviations"]) + Self.lines(row["korean"]) + Self.lines(row["aliases"])
            return SearchQuery.ConceptNames(conceptID: id, names: names)
        }
    }

    /// A concept's card, with the first `sectionLimit` sections that mention it (all when nil)
    /// and the references cited in those.
    public func card(of id: String, sectionLimit: Int? = nil) throws -> ConceptCard? {
        try reading { db in
            guard let concept = try Self.concepts(db, ids: [id]).first else { return nil }
            var relatedIDs = Set(concept.concept.related)
            for row in try Row.fetchAll(db, sql: "SELECT id, related FROM concepts WHERE related LIKE ?", arguments: ["%\(id)%"]) {
                if (row["related"] as String).split(separator: "\n").contains(Substring(id)) { relatedIDs.insert(row["id"]) }
            }
            let related = try Self.concepts(db, ids: relatedIDs.sorted())
            var sections: [SectionReference] = []
            var sectionIDs: [Int64] = []
            var sectionNotes: [Int64] = []
            // The first sections in path order are picked from the concept's entries (keyed by
            // concept) and the notes table alone (a note's sections have increasing ids); only
            // those sections are read.
            let rows = try Row.fetchCursor(db, sql: """
                WITH picked AS (
                    SELECT sc.section_id, sc.note_id, sc.first_line, sc.count, n.path, n.title FROM section_concepts sc
                    JOIN notes n ON n.id = sc.note_id
                    WHERE sc.concept_id = ? ORDER BY n.path, sc.section_id LIMIT ?)
                SELECT p.section_id AS id, p.note_id, p.path, p.title, p.first_line, p.count, s.heading FROM picked p
                JOIN sections s ON s.id = p.section_id
                ORDER BY p.path, p.section_id
                """, arguments: [id, sectionLimit ?? -1])
            while let row = try rows.next() {
                sectionIDs.append(row["id"])
                sectionNotes.append(row["note_id"])
                let heading: String = row["heading"]
                sections.append(SectionReference(path: row["path"], line: row["first_line"], heading: heading.isEmpty ? row["title"] : heading, count: row["count"]))
            }
            var references: [ConceptCardReference] = []
            var seen = Set<String>()
            for chunk in stride(from: 0, to: sectionIDs.count, by: 500) {
                let ids = Array(sectionIDs[chunk..<min(chunk + 500, sectionIDs.count)])
                // Looked up through their notes (an index), not by scanning every reference.
                let notes = Array(Set(sectionNotes[chunk..<min(chunk + 500, sectionIDs.count)]))
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT r.url, r.label, r.description, n.path, r.line FROM note_references r INDEXED BY references_by_note_line
                    JOIN notes n ON n.id = r.note_id
                    WHERE r.note_id IN (\(sqlParameterList(count: notes.count)))
                      AND r.section_id IN (\(sqlParameterList(count: ids.count))) ORDER BY n.path, r.line
                    """, arguments: StatementArguments(notes) + StatementArguments(ids))
                while let row = try rows.next() {
                    let url: String = row["url"]
                    guard seen.insert(url).inserted else { continue }
                    references.append(ConceptCardReference(url: url, label: row["label"], description: row["description"], path: row["path"], line: row["line"]))
                }
            }
            return ConceptCard(concept: concept, related: related, sections: sections, references: references)
        }
    }

    /// The layers the notes cover; with `details`, every section that mentions each concept,
    /// and every topic; else the first `topicsPerLayer` topics of each layer.
    public func layerOverview(details: Bool, topicsPerLayer: Int = 3) throws -> LayerOverview {
        try reading { db in
            let all = try Self.concepts(db)
            var sectionsByConcept: [String: [SectionReference]] = [:]
            if details {
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT sc.concept_id, n.path, sc.first_line, s.heading, n.title, sc.count FROM section_concepts sc
                    JOIN sections s ON s.id = sc.section_id JOIN notes n ON n.id = s.note_id
                    ORDER BY n.path, s.start_line
                    """)
                while let row = try rows.next() {
                    let heading: String = row["heading"]
                    sectionsByConcept[row["concept_id"], default: []].append(SectionReference(
                        path: row["path"], line: row["first_line"], heading: heading.isEmpty ? row["title"] : heading, count: row["count"]))
                }
            }
            var layerSections: [OSILayer: Int] = [:]
            var tagged = 0
            // Grouped in the index's own order (no sort); the masks are added up here.
            for row in try Row.fetchAll(db, sql: "SELECT mentioned_layers AS layers, COUNT(*) AS n FROM sections INDEXED BY sections_by_layers GROUP BY layers, mentioned_layers") {
                let mask: Int64 = row["layers"]
                let count: Int = row["n"]
                if mask != 0 { tagged += count }
                for layer in LayerMask.osiLayers(mask) { layerSections[layer, default: 0] += count }
            }
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sections INDEXED BY sections_by_layers") ?? 0
            var topicCounts: [Int: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dominant, COUNT(*) AS n FROM note_topics GROUP BY dominant") {
                topicCounts[row["dominant"]] = row["n"]
            }
            var layers: [LayerOverview.Layer] = []
            for osi in OSILayer.allCases {
                let used = all.filter { $0.sectionCount > 0 && $0.concept.osiLayers.contains(osi) }
                    .sorted { ($0.sectionCount, $1.concept.id) > ($1.sectionCount, $0.concept.id) }
                    .map { LayerOverview.UsedConcept(concept: $0, sections: sectionsByConcept[$0.concept.id] ?? []) }
                var topics: [LayerOverview.Topic] = []
                let limit = details ? "" : " LIMIT \(max(0, topicsPerLayer))"
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT path, line, heading, layers FROM note_topics INDEXED BY note_topics_by_layer
                    WHERE dominant = ? ORDER BY path, line\(limit)
                    """, arguments: [osi.rawValue])
                while let row = try rows.next() {
                    topics.append(LayerOverview.Topic(path: row["path"], line: row["line"], heading: row["heading"], layers: LayerMask.osiLayers(row["layers"])))
                }
                layers.append(LayerOverview.Layer(
                    osi: osi, sectionCount: layerSections[osi] ?? 0, concepts: used, topics: topics, topicCount: topicCounts[osi.rawValue] ?? 0))
            }
            return LayerOverview(layers: layers, sections: total, taggedSections: tagged)
        }
    }

    // MARK: Reading concepts

    static func conceptIDs(_ db: Database, named name: String) throws -> [String] {
        let key = Concept.nameKey(name)
        guard !key.isEmpty else { return [] }
        var ids: [String] = []
        // The exact spelling first, then the others.
        for row in try Row.fetchAll(db, sql: "SELECT concept_id, name FROM concept_names WHERE key = ? ORDER BY (name = ?) DESC, concept_id", arguments: [key, name]) {
            let id: String = row["concept_id"]
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    /// How many concepts have `name` spelt exactly so.
    static func exactNameCount(_ db: Database, _ name: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT concept_id) FROM concept_names WHERE key = ? AND name = ?", arguments: [Concept.nameKey(name), name]) ?? 0
    }

    /// The lines of a list column (names, aliases, related ids): none for empty text.
    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func concepts(_ db: Database, ids: [String]? = nil) throws -> [IndexedConcept] {
        let rows: RowCursor
        if let ids {
            guard !ids.isEmpty else { return [] }
            let marks = sqlParameterList(count: ids.count)
            rows = try Row.fetchCursor(db, sql: "SELECT * FROM concepts WHERE id IN (\(marks)) ORDER BY id", arguments: StatementArguments(ids))
        } else {
            rows = try Row.fetchCursor(db, sql: "SELECT * FROM concepts ORDER BY id")
        }
        return try Array(rows.map { row in
            let id: String = row["id"]
            let concept = Concept(
                id: id, name: row["name"], koreanNames: lines(row["korean"]), abbreviations: lines(row["abbreviations"]),
                aliases: lines(row["aliases"]), osiLayers: LayerMask.osiLayers(row["osi"]), tcpipLayers: LayerMask.tcpipLayers(row["tcpip"]),
                kind: ConceptKind(rawValue: row["kind"]) ?? .mechanism, related: lines(row["related"]), note: row["note"])
            return IndexedConcept(concept: concept, sectionCount: row["sections"])
        })
    }
}
