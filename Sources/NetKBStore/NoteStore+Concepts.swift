import Foundation
import GRDB
import NetKBCore

/// A concept of the index's taxonomy, with how many sections mention it.
public struct IndexedConcept: Hashable, Sendable {
    public var concept: Concept
    public var sectionCount: Int

    /// What lists show (see ``NetKBCore/Concept/label``).
    public var label: String { concept.label }
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
            // The first sections in path order are picked from the concept's entries and the
            // notes' paths; only those sections are read.
            var entries = try Self.conceptEntries(db, concept: id)
            let notes = try Self.notesInPathOrder(db, ids: Set(entries.map(\.noteID)))
            entries.removeAll { notes.rank[$0.noteID] == nil }
            entries.sort { a, b in
                let first = notes.rank[a.noteID] ?? 0, second = notes.rank[b.noteID] ?? 0
                return first != second ? first < second : a.sectionID < b.sectionID
            }
            if let sectionLimit, entries.count > max(0, sectionLimit) { entries.removeLast(entries.count - max(0, sectionLimit)) }
            let headings = try Self.headings(db, sections: entries.map(\.sectionID))
            for entry in entries {
                guard let heading = headings[entry.sectionID], let rank = notes.rank[entry.noteID] else { continue }
                let note = notes.ordered[rank]
                sectionIDs.append(entry.sectionID)
                sectionNotes.append(entry.noteID)
                sections.append(SectionReference(path: note.path, line: entry.firstLine, heading: heading.isEmpty ? note.title : heading, count: entry.count))
            }
            var references: [ConceptCardReference] = []
            var seen = Set<String>()
            for (ids, noteIDs) in zip(sqlChunks(sectionIDs), sqlChunks(sectionNotes)) {
                // Looked up through their notes (an index), not by scanning every reference.
                let notes = Array(Set(noteIDs))
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT r.url, r.label, r.description, n.path, r.line FROM note_references r INDEXED BY references_by_note_line
                    JOIN notes n ON n.id = r.note_id
                    WHERE r.note_id IN (\(sqlParameterList(count: notes.count)))
                      AND r.section_id IN (\(sqlParameterList(count: ids.count))) ORDER BY n.path, r.line
                    """, arguments: StatementArguments(notes) + StatementArguments(Array(ids)))
                while let row = try rows.next() {
                    let url: String = row["url"]
                    guard seen.insert(url).inserted else { continue }
                    references.append(ConceptCardReference(url: url, label: row["label"], description: row["description"], path: row["path"], line: row["line"]))
                }
            }
            return ConceptCard(concept: concept, related: related, sections: sections, references: references)
        }
    }

    /// The layers the notes cover; with `details`, every topic, and every section that mentions
    /// each concept unless `listingSections` is false (``withConceptSections(_:)`` lists them a
    /// concept at a time); else the first `topicsPerLayer` topics of each layer.
    public func layerOverview(details: Bool, listingSections: Bool? = nil, topicsPerLayer: Int = 3) throws -> LayerOverview {
        let listingSections = listingSections ?? details
        return try reading { db in
            let all = try Self.concepts(db)
            var sectionsByConcept: [String: [SectionReference]] = [:]
            if listingSections {
                let lister = try ConceptSectionLister(db)
                for concept in all where concept.sectionCount > 0 {
                    sectionsByConcept[concept.concept.id] = try lister.sections(of: concept.concept.id)
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

    /// Every entry of `concept`, in note order.
    static func conceptEntries(_ db: Database, concept: String) throws -> [ConceptSectionBucket.Entry] {
        var entries: [ConceptSectionBucket.Entry] = []
        let rows = try Data.fetchCursor(
            db.cachedStatement(sql: "SELECT entries FROM concept_sections WHERE concept_id = ? ORDER BY bucket"), arguments: [concept])
        while let data = try rows.next() {
            entries += ConceptSectionBucket(encoded: [UInt8](data)).entries
        }
        return entries
    }

    /// Notes `ids` (every note when nil) in path order (bytes, as SQLite compares them), with
    /// each one's place in that order.
    static func notesInPathOrder(_ db: Database, ids: Set<Int64>?) throws -> (ordered: [(path: String, title: String)], rank: [Int64: Int]) {
        var notes: [(id: Int64, path: String, title: String)] = []
        if let ids {
            for chunk in sqlChunks(Array(ids)) {
                let chunkRows = try Row.fetchCursor(db, sql: "SELECT id, path, title FROM notes WHERE id IN (\(sqlParameterList(count: chunk.count)))", arguments: StatementArguments(Array(chunk)))
                while let row = try chunkRows.next() {
                    notes.append((row["id"], row["path"], row["title"]))
                }
            }
        } else {
            let noteRows = try Row.fetchCursor(db, sql: "SELECT id, path, title FROM notes")
            while let row = try noteRows.next() {
                notes.append((row["id"], row["path"], row["title"]))
            }
        }
        notes.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var rank: [Int64: Int] = [:]
        rank.reserveCapacity(notes.count)
        for (position, note) in notes.enumerated() { rank[note.id] = position }
        return (notes.map { ($0.path, $0.title) }, rank)
    }

    /// The headings of sections `ids`, by id.
    static func headings(_ db: Database, sections ids: [Int64]) throws -> [Int64: String] {
        var headings: [Int64: String] = [:]
        for chunk in sqlChunks(ids) {
            let headingRows = try Row.fetchCursor(db, sql: "SELECT id, heading FROM sections WHERE id IN (\(sqlParameterList(count: chunk.count)))", arguments: StatementArguments(Array(chunk)))
            while let row = try headingRows.next() {
                headings[row["id"]] = row["heading"]
            }
        }
        return headings
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
