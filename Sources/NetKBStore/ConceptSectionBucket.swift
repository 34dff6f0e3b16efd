import NetKBCore

/// One row of `concept_sections`: the sections that mention one concept among the notes of one
/// bucket of note ids (``notesPerBucket`` consecutive ids), packed into a blob in (note,
/// section) order. A full index writes a concept's entries for a bucket as one row when it
/// moves on to the next bucket: a few thousand rows for a corpus whose sections mention
/// concepts 665,000 times, where a row for each mention cost the writer a b-tree insert each.
struct ConceptSectionBucket: Equatable {
    /// A section's mentions of the concept.
    struct Entry: Equatable {
        var noteID: Int64
        var sectionID: Int64
        /// How many times the section mentions the concept.
        var count: Int
        /// The note line of the first mention.
        var firstLine: Int

        /// Whether `self` comes before `other` in a bucket: by note, then section.
        func precedes(_ other: Entry) -> Bool {
            noteID != other.noteID ? noteID < other.noteID : sectionID < other.sectionID
        }
    }

    static let notesPerBucket: Int64 = 256

    /// The bucket of a note id.
    static func bucket(of noteID: Int64) -> Int64 {
        noteID >= 0 ? noteID / notesPerBucket : -1
    }

    /// The entries, in (note, section) order.
    var entries: [Entry]

    init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// The entries as stored: their count, then for each the note id and section id as
    /// deltas from the previous entry's (the section's zig-zag, since a note saved again has
    /// newer sections than the notes after it), the count and the first line.
    var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 + entries.count * 6)
        LEB128.append(entries.count, to: &bytes)
        var note: Int64 = 0, section: Int64 = 0
        for entry in entries {
            LEB128.append(Int(entry.noteID - note), to: &bytes)
            LEB128.appendSigned(Int(entry.sectionID - section), to: &bytes)
            LEB128.append(entry.count, to: &bytes)
            LEB128.append(entry.firstLine, to: &bytes)
            note = entry.noteID
            section = entry.sectionID
        }
        return bytes
    }

    /// Reads ``encoded``; a damaged encoding gives the entries read before the damage.
    init(encoded bytes: [UInt8]) {
        var index = 0
        var entries: [Entry] = []
        guard let count = LEB128.read(bytes, at: &index) else {
            self.init([])
            return
        }
        entries.reserveCapacity(min(count, bytes.count / 4))
        var note: Int64 = 0, section: Int64 = 0
        for _ in 0..<min(count, bytes.count) {
            guard let noteDelta = LEB128.read(bytes, at: &index), let sectionDelta = LEB128.readSigned(bytes, at: &index),
                  let mentions = LEB128.read(bytes, at: &index), let line = LEB128.read(bytes, at: &index) else { break }
            note += Int64(noteDelta)
            section += Int64(sectionDelta)
            entries.append(Entry(noteID: note, sectionID: section, count: mentions, firstLine: line))
        }
        self.init(entries)
    }

    /// These entries with `added` put in their places, replacing any of the same section.
    func merging(_ added: [Entry]) -> ConceptSectionBucket {
        guard !entries.isEmpty else { return ConceptSectionBucket(added.sorted { $0.precedes($1) }) }
        let replaced = Set(added.map(\.sectionID))
        let merged = entries.filter { !replaced.contains($0.sectionID) } + added
        return ConceptSectionBucket(merged.sorted { $0.precedes($1) })
    }
}
