/// A networking concept of the taxonomy: its names in English and Korean, the spellings that
/// mention it, and where it sits in the OSI and TCP/IP models.
public struct Concept: Hashable, Sendable, Identifiable {
    /// A stable, lower-case identifier such as `three-way-handshake`.
    public var id: String
    /// The English name shown to users, e.g. `Three-way handshake`. Matched in any case.
    public var name: String
    /// Korean names and the spellings people really use (`핸드셰이크`, `핸드쉐이크`); the first
    /// is the one shown. Matched at the start of a word, with any particle after it.
    public var koreanNames: [String]
    /// Abbreviations matched as whole words with exactly this case: `TCP`, `SYN`.
    public var abbreviations: [String]
    /// More English names and spellings, matched in any case: `3-way handshake`.
    public var aliases: [String]
    /// The OSI layers the concept belongs to, lowest first; empty when it belongs to none
    /// (models, the Internet as a whole).
    public var osiLayers: [OSILayer]
    /// The TCP/IP layers, lowest first; empty when it belongs to none.
    public var tcpipLayers: [TCPIPLayer]
    public var kind: ConceptKind
    /// Ids of related concepts.
    public var related: [String]
    /// Why the layers are what they are, where textbooks disagree.
    public var note: String?
    /// Longer words that contain one of the names but mean something else (`프레임워크` for
    /// `프레임`); text covered by them never counts as a mention.
    public var excludes: [String]

    public init(
        id: String, name: String, koreanNames: [String] = [], abbreviations: [String] = [],
        aliases: [String] = [], osiLayers: [OSILayer] = [], tcpipLayers: [TCPIPLayer]? = nil,
        kind: ConceptKind, related: [String] = [], note: String? = nil, excludes: [String] = []
    ) {
        self.id = id
        self.name = name
        self.koreanNames = koreanNames
        self.abbreviations = abbreviations
        self.aliases = aliases
        self.osiLayers = osiLayers
        self.tcpipLayers = tcpipLayers ?? Self.tcpipLayers(for: osiLayers)
        self.kind = kind
        self.related = related
        self.note = note
        self.excludes = excludes
    }

    /// The Korean name shown to users, if the concept has one.
    public var koreanName: String? { koreanNames.first }

    /// The first abbreviation that stands for the English name: its letters and digits appear
    /// in the name in order, the first one starting a word (`TCP` for Transmission Control
    /// Protocol, `HTTP` for Hypertext Transfer Protocol, `MAC` for MAC address). Nil when the
    /// abbreviations are kinds or instances of the concept instead (`GET` of HTTP method, `HLS`
    /// of Media streaming, `Apache` of Web server).
    public var nameAbbreviation: String? { Self.nameAbbreviation(name: name, abbreviations: abbreviations) }

    /// What lists show: ``nameAbbreviation``, else the English name.
    public var label: String { nameAbbreviation ?? name }

    /// What lists show for a concept of this name and these abbreviations (see ``label``).
    public static func label(name: String, abbreviations: [String]) -> String {
        nameAbbreviation(name: name, abbreviations: abbreviations) ?? name
    }

    /// The first of `abbreviations` that stands for `name` (see ``nameAbbreviation``).
    static func nameAbbreviation(name: String, abbreviations: [String]) -> String? {
        let name = Array(name.lowercased().unicodeScalars)
        return abbreviations.first { abbreviation in
            let letters = abbreviation.lowercased().unicodeScalars.filter(Self.isLetterOrDigit)
            guard let first = letters.first else { return false }
            return name.indices.contains { start in
                guard name[start] == first, start == 0 || !Self.isLetterOrDigit(name[start - 1]) else { return false }
                var position = start + 1
                for letter in letters.dropFirst() {
                    guard let found = name[position...].firstIndex(of: letter) else { return false }
                    position = found + 1
                }
                return true
            }
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// The TCP/IP layers that hold the given OSI layers, lowest first, without repeats.
    public static func tcpipLayers(for osiLayers: [OSILayer]) -> [TCPIPLayer] {
        Array(Set(osiLayers.map(\.tcpipLayer))).sorted()
    }
}

extension Concept {
    /// The key two spellings of a name share when they name the same thing: NFC, ASCII
    /// lower-cased, separators as one space and none next to Hangul (`흐름 제어` = `흐름제어`,
    /// `3-Way Handshake` = `3 way handshake`). Lookups by name (search, `concepts NAME`) use it.
    public static func nameKey(_ text: String) -> String {
        ConceptSpelling.claimKey(text)
    }
}
