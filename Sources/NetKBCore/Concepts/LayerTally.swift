/// How many mentions each layer gets from a set of concept mentions: a concept in two layers
/// counts for both. A section's layers follow from its concepts; a note's dominant layer is the
/// one most mentioned.
///
/// ```swift
/// var tally = LayerTally(mentions: matcher.matches(in: text), taxonomy: taxonomy)
/// tally.dominantLayer      // .transport
/// tally.leadingLayers()    // [.network, .transport]: every layer with at least half the top count
/// ```
public struct LayerTally: Hashable, Sendable {
    /// Mentions per OSI layer; layers without mentions are absent.
    public private(set) var osi: [OSILayer: Int] = [:]
    /// Mentions per TCP/IP layer; layers without mentions are absent.
    public private(set) var tcpip: [TCPIPLayer: Int] = [:]

    /// An empty tally.
    public init() {}

    /// The tally of some mentions; mentions of concepts the taxonomy lacks are ignored.
    public init(mentions: [ConceptMention], taxonomy: Taxonomy) {
        add(mentions, taxonomy: taxonomy)
    }

    /// Adds mentions, for example those of another section of the same note.
    public mutating func add(_ mentions: [ConceptMention], taxonomy: Taxonomy) {
        for mention in mentions {
            guard let concept = taxonomy.concept(id: mention.conceptID) else { continue }
            add(concept, count: mention.count)
        }
    }

    /// Adds `count` mentions of one concept to each of its layers.
    public mutating func add(_ concept: Concept, count: Int) {
        for layer in concept.osiLayers { osi[layer, default: 0] += count }
        for layer in concept.tcpipLayers { tcpip[layer, default: 0] += count }
    }

    /// Adds another tally's counts: a topic's are its sections'.
    public mutating func add(_ other: LayerTally) {
        for (layer, count) in other.osi { osi[layer, default: 0] += count }
        for (layer, count) in other.tcpip { tcpip[layer, default: 0] += count }
    }

    /// The OSI layer with the most mentions; a tie goes to the lower layer. Nil with no mentions.
    public var dominantLayer: OSILayer? {
        osi.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }?.key
    }

    /// The OSI layers with at least `share` of the top layer's mentions, lowest first: the
    /// layers a reader would name for the text. `share` is between 0 and 1.
    public func leadingLayers(share: Double = 0.5) -> [OSILayer] {
        guard let top = osi.values.max(), top > 0 else { return [] }
        return osi.filter { Double($0.value) >= share * Double(top) }.keys.sorted()
    }
}
