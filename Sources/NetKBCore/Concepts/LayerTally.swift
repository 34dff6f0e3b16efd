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
    /// Mentions per layer, at the layer's number (OSI 1–7, TCP/IP 1–4): a fixed vector, since a
    /// full index adds up hundreds of thousands of mentions.
    private var osiCounts = SIMD8<Int>()
    private var tcpipCounts = SIMD8<Int>()

    /// Mentions per OSI layer; layers without mentions are absent.
    public var osi: [OSILayer: Int] {
        Dictionary(uniqueKeysWithValues: OSILayer.allCases.compactMap { osiCounts[$0.rawValue] > 0 ? ($0, osiCounts[$0.rawValue]) : nil })
    }

    /// Mentions per TCP/IP layer; layers without mentions are absent.
    public var tcpip: [TCPIPLayer: Int] {
        Dictionary(uniqueKeysWithValues: TCPIPLayer.allCases.compactMap { tcpipCounts[$0.rawValue] > 0 ? ($0, tcpipCounts[$0.rawValue]) : nil })
    }

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
        add(ConceptLayers(concept), count: count)
    }

    /// Adds `count` mentions to each of `layers`.
    mutating func add(_ layers: ConceptLayers, count: Int) {
        osiCounts &+= SIMD8(repeating: count) &* layers.osi
        tcpipCounts &+= SIMD8(repeating: count) &* layers.tcpip
    }

    /// Adds another tally's counts: a topic's are its sections'.
    public mutating func add(_ other: LayerTally) {
        osiCounts &+= other.osiCounts
        tcpipCounts &+= other.tcpipCounts
    }

    /// The OSI layer with the most mentions; a tie goes to the lower layer. Nil with no mentions.
    public var dominantLayer: OSILayer? {
        var best: OSILayer?
        for layer in OSILayer.allCases where osiCounts[layer.rawValue] > 0 {
            if let current = best, osiCounts[current.rawValue] >= osiCounts[layer.rawValue] { continue }
            best = layer
        }
        return best
    }

    /// The OSI layers with at least `share` of the top layer's mentions, lowest first: the
    /// layers a reader would name for the text. `share` is between 0 and 1.
    public func leadingLayers(share: Double = 0.5) -> [OSILayer] {
        let top = osiCounts.max()
        guard top > 0 else { return [] }
        return OSILayer.allCases.filter { osiCounts[$0.rawValue] > 0 && Double(osiCounts[$0.rawValue]) >= share * Double(top) }
    }

    /// The OSI layers with at least one mention, lowest first.
    public var mentionedOSILayers: [OSILayer] {
        OSILayer.allCases.filter { osiCounts[$0.rawValue] > 0 }
    }
}

/// A concept's layers as 0/1 vectors at the layers' numbers, for ``LayerTally``.
struct ConceptLayers: Sendable {
    var osi = SIMD8<Int>()
    var tcpip = SIMD8<Int>()

    init(_ concept: Concept) {
        for layer in concept.osiLayers { osi[layer.rawValue] = 1 }
        for layer in concept.tcpipLayers { tcpip[layer.rawValue] = 1 }
    }
}
