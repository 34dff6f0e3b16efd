/// Finds the concepts a text mentions, in one pass over its UTF-8 bytes.
///
/// Built once from a ``Taxonomy``; matching is then a walk of one dictionary from each word
/// start, never a loop over concepts. The rules, for precision as much as recall:
///
/// - A match starts where a word starts: a Latin word (ASCII letters and digits) or a run of
///   Hangul. So `포트` is not found in `리포트` or `서포트`, and `IP` is not found in `zip` or `skip`.
/// - A name ending in Hangul may be followed by anything (`세션은`, `라우터들이`); one ending in a
///   Latin letter or digit must end the word, allowing a plural `s` (`ACKs`, `routers`, and `es`
///   for names: `switches`). An all-capital abbreviation of three letters or more may also run
///   on into lower-case letters (`SYNchronize`).
/// - Abbreviations match with their exact case (`IP`, not `ip` unless the taxonomy lists it);
///   other names in any case.
/// - Spaces, hyphens and underscores inside a name are interchangeable and may repeat
///   (`3-way handshake` = `3 Way Handshake`, `TIME_WAIT` = `time wait`); spaces next to Hangul
///   may be left out (`흐름제어`). A name never spans lines.
/// - The longest name wins at each start (`IP 주소` is the IP address, `프레임워크`, an excluded
///   word, hides `프레임`). An abbreviation that is a whole word inside the longer name counts
///   too when its concept is related to the longer one: `TCP/IP` mentions the TCP/IP model and
///   TCP and IP; `IP 주소` mentions IP; `CSMA/CA` does not mention a certificate authority (CA).
/// - URLs (`scheme://…`, `www.…`) are skipped up to the next whitespace. Code is skipped when
///   the caller passes its byte ranges.
///
/// ```swift
/// let matcher = ConceptMatcher(taxonomy: taxonomy)
/// matcher.matches(in: "3-way 핸드셰이크 뒤에 TCP 연결이\nACK를 보낸다")
/// // [three-way-handshake ×1 line 0, tcp-connection ×1 line 0, tcp ×1 line 0, ack ×1 line 1]
/// ```
public struct ConceptMatcher: Sendable {
    private let dictionary: ConceptDictionary
    private let conceptIDs: [String]

    /// Builds the dictionary of every spelling in the taxonomy.
    public init(taxonomy: Taxonomy) {
        self.init(taxonomy: taxonomy, checkingPrefixes: true)
    }

    /// With `checkingPrefixes` false, every word start that passes its first two bytes is
    /// walked: tests compare that with the matcher's own choice of starts.
    init(taxonomy: Taxonomy, checkingPrefixes: Bool) {
        var dictionary = ConceptDictionary(taxonomy: taxonomy)
        dictionary.checksPrefixes = checkingPrefixes
        self.dictionary = dictionary
        conceptIDs = taxonomy.concepts.map(\.id)
    }

    /// The concepts a text mentions, in the order of their first mention.
    public func matches(in text: String) -> [ConceptMention] {
        matches(in: text, excluding: [])
    }

    /// The concepts a text mentions outside the excluded UTF-8 byte ranges (code, for example),
    /// in the order of their first mention. Lines still count from the start of the text.
    public func matches(in text: String, excluding excluded: [Range<Int>]) -> [ConceptMention] {
        var text = text
        return text.withUTF8 { matches(inUTF8: $0, excluding: excluded) }
    }

    /// The concepts that UTF-8 text mentions outside the excluded byte ranges.
    public func matches(inUTF8 text: UnsafeBufferPointer<UInt8>, excluding excluded: [Range<Int>] = []) -> [ConceptMention] {
        scan(text, excluding: excluded).mentions(ids: conceptIDs)
    }

    /// The concepts that UTF-8 text mentions, by their index in the taxonomy, with counts and
    /// first offsets: what ``ConceptTagger`` reads, without making a mention of each.
    func countedMatches(inUTF8 text: UnsafeBufferPointer<UInt8>, excluding excluded: [Range<Int>]) -> [(concept: Int, count: Int, offset: Int)] {
        scan(text, excluding: excluded).counted
    }

    private func scan(_ text: UnsafeBufferPointer<UInt8>, excluding excluded: [Range<Int>]) -> ConceptScan {
        let ranges = excluded.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var scan = ConceptScan(dictionary: dictionary, text: text, excluded: ranges, conceptCount: conceptIDs.count)
        scan.run()
        return scan
    }

    /// The concepts' ids, in the taxonomy's order.
    var ids: [String] { conceptIDs }
}
