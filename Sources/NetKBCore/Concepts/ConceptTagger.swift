/// Tags sections with the concepts they mention: which, how often, and on which source line
/// first; and from those, each section's layers, each topic's and each note's dominant layer.
///
/// The same text is tagged whether a note was just parsed or a new taxonomy retags what the
/// index stored: a section's heading and body as stored (``TaggableText``), joined by a line
/// break, with its code left out and offsets turned into source lines by its ``SectionTextMap``.
///
/// ```swift
/// let tagger = ConceptTagger(taxonomy: taxonomy)
/// let tags = tagger.tags(of: note)
/// tags.sections[1].concepts   // [tcp ×3 line 11, syn ×2 line 13, …]
/// tags.dominantLayer          // .transport
/// ```
public struct ConceptTagger: Sendable {
    public let taxonomy: Taxonomy
    private let matcher: ConceptMatcher
    /// Each concept's layers, in the taxonomy's order.
    private let layers: [ConceptLayers]

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        matcher = ConceptMatcher(taxonomy: taxonomy)
        layers = taxonomy.concepts.map(ConceptLayers.init)
    }

    /// The tags of one section's stored text.
    public func tags(of text: TaggableText) -> SectionTags {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.heading.utf8.count + 1 + text.body.utf8.count)
        bytes.append(contentsOf: text.heading.utf8)
        bytes.append(0x0A)
        bytes.append(contentsOf: text.body.utf8)
        let mentions = bytes.withUnsafeBufferPointer { matcher.countedMatches(inUTF8: $0, excluding: text.map.code) }
        var tags = SectionTags()
        tags.concepts.reserveCapacity(mentions.count)
        let ids = matcher.ids
        for mention in mentions {
            let line = text.map.line(at: mention.offset) ?? 0
            tags.concepts.append(SectionConcept(conceptID: ids[mention.concept], count: mention.count, line: line))
            tags.tally.add(layers[mention.concept], count: mention.count)
        }
        return tags
    }

    /// The tags of every section of a note, its topics and its dominant layer.
    public func tags(of note: Note) -> NoteTags {
        tags(of: note, sectionTexts: note.sections.map { TaggableText(section: $0) })
    }

    /// Tags `note` whose sections' stored texts are already made (see ``StoredSectionText``).
    public func tags(of note: Note, stored: [StoredSectionText]) -> NoteTags {
        guard stored.count == note.sections.count else { return tags(of: note) }
        return tags(of: note, sectionTexts: stored.map { TaggableText(heading: $0.heading, body: $0.body, map: $0.map) })
    }

    private func tags(of note: Note, sectionTexts: [TaggableText]) -> NoteTags {
        let sections = sectionTexts.map { tags(of: $0) }
        return NoteTags(sections: sections, outline: note.sections.map { TopicOutline(level: $0.level, heading: $0.heading, line: $0.startLine) }, noteTitle: note.title)
    }
}

/// One concept a section mentions.
public struct SectionConcept: Hashable, Sendable {
    public var conceptID: String
    public var count: Int
    /// The source line (1-based) of the first mention.
    public var line: Int

    public init(conceptID: String, count: Int, line: Int) {
        self.conceptID = conceptID
        self.count = count
        self.line = line
    }
}

/// What one section mentions.
public struct SectionTags: Hashable, Sendable {
    /// In the order of first mention.
    public var concepts: [SectionConcept] = []
    /// Mentions per layer.
    public var tally = LayerTally()

    public init(concepts: [SectionConcept] = [], tally: LayerTally = LayerTally()) {
        self.concepts = concepts
        self.tally = tally
    }

    /// The section's layers: those with at least half the mentions of its most mentioned one.
    public var layers: [OSILayer] { tally.leadingLayers() }

    /// Every layer of a concept the section mentions.
    public var mentionedLayers: [OSILayer] { tally.mentionedOSILayers }
}

/// A section as topics see it: level, heading, first line.
public struct TopicOutline: Hashable, Sendable {
    public var level: Int
    public var heading: String
    public var line: Int

    public init(level: Int, heading: String, line: Int) {
        self.level = level
        self.heading = heading
        self.line = line
    }
}

/// A topic of a note: a level-1 or level-2 heading with the sections under it (or the text
/// before the first heading), and the layers its mentions add up to.
public struct NoteTopic: Hashable, Sendable {
    /// The index of its first section.
    public var sectionIndex: Int
    public var heading: String
    public var line: Int
    public var tally: LayerTally

    /// The topic's layers: those with at least half the mentions of its most mentioned one.
    public var layers: [OSILayer] { tally.leadingLayers() }
}

/// What a note's sections mention, with its topics and dominant layer.
public struct NoteTags: Hashable, Sendable {
    /// One per section, in order.
    public var sections: [SectionTags]
    /// Topics with at least one mention, in order.
    public var topics: [NoteTopic]
    /// The OSI layer the whole note mentions most.
    public var dominantLayer: OSILayer?

    /// Groups sections into topics: a new topic starts at each heading of level 1 or 2, at the
    /// text before the first heading (named by `noteTitle`), and at the first section.
    public init(sections: [SectionTags], outline: [TopicOutline], noteTitle: String) {
        self.sections = sections
        var topics: [NoteTopic] = []
        var whole = LayerTally()
        for (index, (tags, section)) in zip(sections, outline).enumerated() {
            whole.add(tags.tally)
            if topics.isEmpty || section.level <= 2 {
                let heading = section.level == 0 ? noteTitle : section.heading
                topics.append(NoteTopic(sectionIndex: index, heading: heading, line: section.line, tally: LayerTally()))
            }
            topics[topics.count - 1].tally.add(tags.tally)
        }
        self.topics = topics.filter { $0.tally.dominantLayer != nil }
        dominantLayer = whole.dominantLayer
    }
}

/// A section's heading and body exactly as the index stores them, with the map of their text
/// joined by one line break (`heading + "\n" + body`): what tagging reads, at indexing and when
/// a new taxonomy retags stored sections.
public struct TaggableText: Hashable, Sendable {
    public var heading: String
    public var body: String
    public var map: SectionTextMap

    public init(heading: String, body: String, map: SectionTextMap) {
        self.heading = heading
        self.body = body
        self.map = map
    }

    /// The stored form of a parsed section: highlight markers in the text replaced (as the
    /// store does), the section's map moved onto the joined text, the heading on its first line.
    public init(section: Section) {
        let rawHeading = section.heading
        let rawBody = section.body
        let textCount = section.text.utf8.count
        let bodyStart = textCount - rawBody.utf8.count
        let headingCount = rawHeading.utf8.count
        // Offsets before the body are in the heading's line; the body moves to after the heading.
        var map = SectionTextMap()
        let delta = headingCount + 1 - bodyStart
        for range in section.textMap.code {
            if range.lowerBound >= bodyStart {
                map.code.append((range.lowerBound + delta)..<(range.upperBound + delta))
            } else if range.lowerBound < headingCount {
                map.code.append(range.lowerBound..<min(range.upperBound, headingCount))
            }
        }
        map.lines.append(SectionTextMap.LineStart(offset: 0, line: section.startLine))
        for start in section.textMap.lines where start.offset >= bodyStart {
            let offset = start.offset + delta
            if let last = map.lines.last, last.offset == offset { map.lines.removeLast() }
            map.lines.append(SectionTextMap.LineStart(offset: offset, line: start.line))
        }
        if map.lines.count == 1 || map.lines[1].offset > headingCount + 1 {
            // The body's first stretch starts on the line after the heading, unless the map says.
            map.lines.insert(SectionTextMap.LineStart(offset: headingCount + 1, line: section.level > 0 ? section.startLine + 1 : section.startLine), at: 1)
        }
        let heading = HighlightedText.withoutMarkers(rawHeading)
        let body = HighlightedText.withoutMarkers(String(rawBody))
        if heading.utf8.count != headingCount || body.utf8.count != rawBody.utf8.count {
            map = Self.adjustedForMarkers(map, joined: Array((rawHeading + "\n" + rawBody).utf8))
        }
        self.init(heading: heading, body: body, map: map)
    }

    /// Each highlight marker (one byte) becomes U+FFFD (three): later offsets move on by two.
    private static func adjustedForMarkers(_ map: SectionTextMap, joined: [UInt8]) -> SectionTextMap {
        var markersBefore = [Int](repeating: 0, count: joined.count + 1)
        for (index, byte) in joined.enumerated() {
            markersBefore[index + 1] = markersBefore[index] + (byte == 0x02 || byte == 0x03 ? 1 : 0)
        }
        func moved(_ offset: Int) -> Int { offset + 2 * markersBefore[min(max(0, offset), joined.count)] }
        return SectionTextMap(
            code: map.code.map { moved($0.lowerBound)..<moved($0.upperBound) },
            lines: map.lines.map { SectionTextMap.LineStart(offset: moved($0.offset), line: $0.line) })
    }
}
