/// Cuts a snippet out of long text around the first place where a query's words stand, in
/// one pass that stops there: the time is linear in how far into the text the first match is,
/// whatever the text's length or how often the words recur.
///
/// FTS5's `snippet()` scores every window against every match, which takes seconds on a
/// section of a megabyte; the store uses this instead for long sections.
///
/// ```swift
/// let query = SearchQuery(parsing: "소켓")
/// SnippetCutter(query: query).snippet(of: longText).highlightedParts // ["소켓", …]
/// ```
public struct SnippetCutter: Sendable {
    /// The tokens to find: the query's words, tokenized as FTS5 tokenizes them.
    let wanted: Set<String>
    /// Stems of Latin query words, found at the start of longer words (`handshake` in `handshakes`).
    let stems: [String]
    /// One-syllable Korean query words, found at the start of longer runs, as the query's prefix search does.
    let syllables: Set<Unicode.Scalar>
    let tokenizer = KoreanAwareTokenizer()

    public init(query: SearchQuery) {
        var wanted = Set<String>()
        var stems: [String] = []
        var syllables = Set<Unicode.Scalar>()
        for term in query.required.joined() {
            for token in tokenizer.tokens(in: term.text, mode: .query) {
                wanted.insert(token.text)
                if token.text.utf8.allSatisfy({ $0 < 0x80 }), let stem = Self.stem(token.text) { stems.append(stem) }
                if token.text.unicodeScalars.count == 1, let scalar = token.text.unicodeScalars.first, scalar.value >= 0x80 {
                    syllables.insert(scalar)
                }
            }
        }
        self.wanted = wanted
        self.stems = stems
        self.syllables = syllables
    }

    /// A rough English stem: the word without a plural or tense ending, if at least three letters remain.
    static func stem(_ word: String) -> String? {
        for ending in ["ing", "ed", "es", "s"] where word.hasSuffix(ending) {
            let stem = String(word.dropLast(ending.count))
            return stem.count >= 3 ? stem : nil
        }
        return word.count >= 3 ? word : nil
    }

    func matches(_ token: String) -> Bool {
        if wanted.contains(token) { return true }
        if let first = token.unicodeScalars.first, syllables.contains(first) { return true }
        return stems.contains { token.hasPrefix($0) }
    }

    /// About `tokens` tokens of `text` around its first match, matches marked; the text's
    /// beginning when nothing matches.
    public func snippet(of text: String, tokens: Int = 40) -> HighlightedText {
        var utf8 = Array(text.utf8)
        let lead = tokens / 3
        var recentStarts: [Int] = []
        var firstMatch: Int?
        var counted = 0
        var windowEnd = 0
        var highlights: [Range<Int>] = []
        utf8.withUnsafeMutableBufferPointer { buffer in
            tokenizer.tokenize(UnsafeBufferPointer(buffer), mode: .query) { token, range, _ in
                let text = String(decoding: token, as: UTF8.self)
                windowEnd = range.upperBound
                if firstMatch == nil {
                    recentStarts.append(range.lowerBound)
                    if recentStarts.count > lead { recentStarts.removeFirst() }
                    if matches(text) {
                        firstMatch = range.lowerBound
                        highlights.append(range)
                    }
                    return true
                }
                counted += 1
                if matches(text) {
                    if let last = highlights.last, last.upperBound >= range.lowerBound {
                        highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
                    } else {
                        highlights.append(range)
                    }
                }
                return counted < tokens - lead
            }
        }
        let start = firstMatch == nil ? 0 : (recentStarts.first ?? 0)
        if firstMatch == nil { windowEnd = min(utf8.count, Self.byteLimit(utf8, tokens: tokens)) }
        var marked = start > 0 ? "…" : ""
        var position = start
        for range in highlights where range.lowerBound >= position {
            marked += String(decoding: utf8[position..<range.lowerBound], as: UTF8.self)
            marked.unicodeScalars.append(HighlightedText.openMarker)
            marked += String(decoding: utf8[range], as: UTF8.self)
            marked.unicodeScalars.append(HighlightedText.closeMarker)
            position = range.upperBound
        }
        marked += String(decoding: utf8[position..<max(position, windowEnd)], as: UTF8.self)
        if windowEnd < utf8.count { marked += "…" }
        return HighlightedText(marked: marked)
    }

    /// Where the first `tokens` white-space separated words of `utf8` end, at most 400 bytes in.
    static func byteLimit(_ utf8: [UInt8], tokens: Int) -> Int {
        var words = 0
        var index = 0
        while index < utf8.count && index < 400 {
            if utf8[index] == 0x20 { words += 1; if words >= tokens { break } }
            index += 1
        }
        // Never cut inside a UTF-8 sequence.
        while index < utf8.count && utf8[index] & 0xC0 == 0x80 { index += 1 }
        return index
    }
}
