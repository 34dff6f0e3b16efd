import Foundation
import GRDB
import NetKBCore

/// Layers kept as one integer: bit n for OSI layer n (or TCP/IP layer n, from the link up).
enum LayerMask {
    static func of(_ layers: [OSILayer]) -> Int64 {
        layers.reduce(0) { $0 | (1 << Int64($1.rawValue)) }
    }

    static func of(_ layers: [TCPIPLayer]) -> Int64 {
        layers.reduce(0) { $0 | (1 << Int64($1.rawValue)) }
    }

    static func osiLayers(_ mask: Int64) -> [OSILayer] {
        OSILayer.allCases.filter { mask & (1 << Int64($0.rawValue)) != 0 }
    }

    static func tcpipLayers(_ mask: Int64) -> [TCPIPLayer] {
        TCPIPLayer.allCases.filter { mask & (1 << Int64($0.rawValue)) != 0 }
    }
}

extension IndexTransaction {
    /// The settings key of the taxonomy's fingerprint.
    static let taxonomyKey = "taxonomy"
    /// The settings key of what the taxonomy was read from (see ``NoteStore/taxonomySource()``).
    static let taxonomySourceKey = "taxonomy-source"
    /// The settings key of the taxonomy itself, as its canonical text (see
    /// ``NoteStore/storedTaxonomy()``).
    static let taxonomyTextKey = "taxonomy-text"

    /// Holds a section's concept entries for ``conceptEntries`` to write with its bucket.
    func insertConcepts(_ tags: SectionTags, section: Int64, note: Int64) throws {
        for concept in tags.concepts {
            recount.add(concept.conceptID, 1)
            try conceptEntries.add(
                concept.conceptID, ConceptSectionBucket.Entry(noteID: note, sectionID: section, count: concept.count, firstLine: concept.line), db: db)
        }
    }

    /// Writes a note's topics, and its dominant layer unless the note's row was just written with it.
    func saveTopics(_ tags: NoteTags, noteID: Int64, path: String, savingDominantLayer: Bool = true) throws {
        if savingDominantLayer {
            try db.cachedStatement(sql: "UPDATE notes SET dominant_layer = ? WHERE id = ?")
                .execute(arguments: [tags.dominantLayer?.rawValue, noteID])
        }
        let insert = try BoundStatement(db, sql: "INSERT INTO note_topics (note_id, path, line, heading, dominant, layers) VALUES (?, ?, ?, ?, ?, ?)")
        for topic in tags.topics {
            guard let dominant = topic.tally.dominantLayer else { continue }
            try insert.run { $0.add(noteID); $0.add(path); $0.add(topic.line); $0.add(topic.heading); $0.add(dominant.rawValue); $0.add(LayerMask.of(topic.layers)) }
        }
    }

    /// Makes `tagger`'s taxonomy the index's: when its fingerprint differs from the one the index
    /// was tagged with, the concepts are written anew and every stored section is tagged again
    /// from its stored text (the notes are not read). Records `source` either way. Returns how
    /// many sections were tagged again. With no tagger (tagging turned off), the index is marked
    /// as tagged with nothing, so that the next run with tagging tags every section.
    @discardableResult
    public func useTaxonomy(_ tagger: ConceptTagger?, source: String) throws -> Int {
        func setting(_ key: String, _ value: String) throws {
            try db.execute(sql: "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        guard let tagger else {
            try setting(Self.taxonomySourceKey, "none")
            try setting(Self.taxonomyKey, "none")
            try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [Self.taxonomyTextKey])
            return 0
        }
        try setting(Self.taxonomySourceKey, source)
        try setting(Self.taxonomyTextKey, tagger.taxonomy.canonicalText)
        let fingerprint = tagger.taxonomy.fingerprint
        guard try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [Self.taxonomyKey]) != fingerprint else {
            return 0
        }
        try setting(Self.taxonomyKey, fingerprint)
        try writeConcepts(tagger.taxonomy)
        return try retag(with: tagger)
    }

    /// Brings up to date how many sections mention each concept, for lists that must answer
    /// fast: counted anew after a new taxonomy or a rebuild, else by adding the entries this
    /// transaction wrote and removed.
    public func recountConcepts() throws {
        try conceptEntries.flush(db)
        if recount.all {
            try db.execute(sql: "UPDATE concepts SET sections = (SELECT COALESCE(SUM(entry_count), 0) FROM concept_sections WHERE concept_id = concepts.id)")
        } else {
            let update = try db.cachedStatement(sql: "UPDATE concepts SET sections = sections + ? WHERE id = ?")
            for (concept, change) in recount.change.sorted(by: { $0.key < $1.key }) where change != 0 {
                try update.execute(arguments: [change, concept])
            }
        }
        recount.all = false
        recount.change = [:]
    }

    /// Replaces the `concepts` and `concept_names` tables.
    func writeConcepts(_ taxonomy: Taxonomy) throws {
        try db.execute(sql: "DELETE FROM concepts; DELETE FROM concept_names")
        recount.all = true
        let insert = try db.cachedStatement(sql: """
            INSERT INTO concepts (id, name, korean, abbreviations, aliases, osi, tcpip, kind, related, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let insertName = try db.cachedStatement(sql: "INSERT INTO concept_names (key, concept_id, name) VALUES (?, ?, ?)")
        for concept in taxonomy.concepts {
            try insert.execute(arguments: [
                concept.id, concept.name, concept.koreanNames.joined(separator: "\n"),
                concept.abbreviations.joined(separator: "\n"), concept.aliases.joined(separator: "\n"),
                LayerMask.of(concept.osiLayers), LayerMask.of(concept.tcpipLayers), concept.kind.rawValue,
                concept.related.joined(separator: "\n"), concept.note,
            ])
            var keys = Set<String>()
            for name in [concept.id, concept.name] + concept.koreanNames + concept.abbreviations + concept.aliases {
                let key = Concept.nameKey(name)
                guard !key.isEmpty, keys.insert(key + "\u{1F}" + name).inserted else { continue }
                try insertName.execute(arguments: [key, concept.id, name])
            }
        }
    }

    /// Tags every stored section again from its stored heading, body and text map.
    func retag(with tagger: ConceptTagger) throws -> Int {
        try db.execute(sql: "DELETE FROM concept_sections; DELETE FROM note_topics; UPDATE notes SET dominant_layer = NULL; UPDATE sections SET layers = 0, mentioned_layers = 0, concepts = ''")
        conceptEntries.discard()
        recount.all = true
        let update = try db.cachedStatement(sql: "UPDATE sections SET layers = ?, mentioned_layers = ?, concepts = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT s.id, s.note_id, s.level, s.heading, s.body, s.start_line, s.text_map, n.title, n.path
            FROM sections s JOIN notes n ON n.id = s.note_id ORDER BY s.note_id, s.ordinal
            """)
        var count = 0
        var noteID: Int64?
        var title = ""
        var path = ""
        var sections: [SectionTags] = []
        var outline: [TopicOutline] = []
        func finishNote() throws {
            guard let noteID else { return }
            try saveTopics(NoteTags(sections: sections, outline: outline, noteTitle: title), noteID: noteID, path: path)
            sections.removeAll(keepingCapacity: true)
            outline.removeAll(keepingCapacity: true)
        }
        // The cursor reads sections while concept_sections and note_topics are written; the
        // sections' own layers and concept lists are written after it ends.
        var layers: [(id: Int64, leading: Int64, mentioned: Int64, concepts: String)] = []
        while let row = try rows.next() {
            let note: Int64 = row["note_id"]
            if note != noteID {
                try finishNote()
                noteID = note
                title = row["title"]
                path = row["path"]
            }
            let map = (row["text_map"] as Data?).map { SectionTextMap(encoded: [UInt8]($0)) } ?? SectionTextMap()
            let heading: String = row["heading"]
            let id: Int64 = row["id"]
            let tags = tagger.tags(of: TaggableText(heading: heading, body: row["body"], map: map))
            layers.append((id, LayerMask.of(tags.layers), LayerMask.of(tags.mentionedLayers), SectionConceptList.encode(tags)))
            try insertConcepts(tags, section: id, note: note)
            sections.append(tags)
            outline.append(TopicOutline(level: row["level"], heading: heading, line: row["start_line"]))
            count += 1
        }
        try finishNote()
        for (id, leading, mentioned, concepts) in layers where mentioned != 0 || !concepts.isEmpty {
            try update.execute(arguments: [leading, mentioned, concepts, id])
        }
        return count
    }
}

extension NoteStore {
    /// What the index's taxonomy was read from, as ``IndexTransaction/useTaxonomy(_:source:)``
    /// recorded it; nil for an index never tagged.
    public func taxonomySource() throws -> String? {
        try reading { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [IndexTransaction.taxonomySourceKey])
        }
    }

    /// The taxonomy the index was tagged with, read back from the index (no file is read, none
    /// is checked again: it was checked when it was stored): nil when the index keeps none that
    /// reads back to its fingerprint (an index written before netkb kept it).
    public func storedTaxonomy() throws -> Taxonomy? {
        try reading { db in
            let settings = try Row.fetchCursor(db, sql: "SELECT key, value FROM settings WHERE key IN (?, ?)", arguments: [
                IndexTransaction.taxonomyKey, IndexTransaction.taxonomyTextKey,
            ])
            var fingerprint: String?
            var text: String?
            while let row = try settings.next() {
                if row["key"] as String == IndexTransaction.taxonomyKey { fingerprint = row["value"] } else { text = row["value"] }
            }
            guard let fingerprint, let text else { return nil }
            return Taxonomy(canonicalText: text, fingerprint: fingerprint)
        }
    }

    /// The fingerprint of the taxonomy the index was tagged with.
    public func taxonomyFingerprint() throws -> String? {
        try reading { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [IndexTransaction.taxonomyKey])
        }
    }
}
