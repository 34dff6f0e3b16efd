/// Cuts a snippet out of a section's text: the stretch of about `tokens` tokens that holds the
/// most of the query's words, starting at the line (block) its first match stands in when that
/// is near, with the matches marked as ``QueryMatcher`` finds them.
///
/// Texts longer than ``longText`` bytes are read only up to the window after their first
/// match, so the time stays linear in how far into the text that match is, whatever the
/// text's length or how often the words recur.
///
/// ```swift
/// let query = SearchQuery(parsing: "소켓")
/// SnippetCutter(query: query).snippet(of: "…").highlightedParts // ["소켓", …]
/// ```
public struct SnippetCutter: Sendable {
    let matcher: QueryMatcher
    /// Texts longer than this many bytes get the window of their first match.
    public static let longText = 16_384

    /// A cutter marking the query's words as typed; with `includingOtherNames`, also the other
    /// names of concepts the query was expanded with.
    public init(query: SearchQuery, includingOtherNames: Bool = false) {
        matcher = QueryMatcher(query: query, includingOtherNames: includingOtherNames)
    }

    /// About `tokens` tokens of `text` around its best match, matches marked; the text's
    /// beginning when nothing matches. Empty text gives an empty snippet.
    public func snippet(of text: String, tokens: Int = 40) -> HighlightedText {
        snippet(of: text, tokens: tokens, stoppingWhenSettled: true)
    }

    /// ``snippet(of:tokens:)``; without `stoppingWhenSettled`, a text of up to ``longText``
    /// bytes is read to its end (to test that stopping early changes nothing).
    func snippet(of text: String, tokens: Int, stoppingWhenSettled: Bool) -> HighlightedText {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return HighlightedText(text: "", highlights: []) }
        let tokens = max(tokens, 1)
        var starts: [Int32] = []
        var ends: [Int32] = []
        var matches: [QueryMatcher.Match] = []
        let isLong = utf8.count > Self.longText
        let lead = tokens / 4
        var settling = SettledWindow(matcher: matcher, window: tokens - lead, tokens: tokens)
        utf8.withUnsafeMutableBufferPointer { buffer in
            matcher.scan(UnsafeBufferPointer(buffer), position: { index, range in
                if isLong, let first = matches.first, index > first.positions.upperBound + tokens { return false }
                if stoppingWhenSettled, settling.isSettled(at: index) { return false }
                starts.append(Int32(range.lowerBound))
                ends.append(Int32(range.upperBound))
                return true
            }, match: {
                matches.append($0)
                settling.add($0)
            })
        }
        guard !starts.isEmpty else {
            return Self.marked(utf8, from: 0, to: Self.byteLimit(utf8, tokens: tokens), highlights: [])
        }
        guard let best = Self.bestWindow(matches, tokens: tokens - lead) else {
            let end = tokens >= ends.count ? utf8.count : Self.wordEnd(utf8, from: Int(ends[tokens - 1]))
            return Self.marked(utf8, from: 0, to: end, highlights: [])
        }
        let startPosition = max(0, best.positions.lowerBound - lead)
        var start = startPosition == 0 ? 0 : Int(starts[startPosition])
        // Start at the beginning of the block (line) that holds the match, when it is in the
        // window, else at the start of a word (a Korean bigram starts inside one).
        if let newline = utf8[start..<max(start, best.range.lowerBound)].lastIndex(of: 0x0A) {
            start = newline + 1
        } else {
            start = Self.wordStart(utf8, from: start)
        }
        let endPosition = startPosition + tokens
        var end = endPosition >= ends.count ? (isLong ? Int(ends[ends.count - 1]) : utf8.count) : Int(ends[endPosition - 1])
        end = max(end, best.range.upperBound)
        // End with a whole block after the window's last match: a block that does not fit (a
        // table's next row, the next item) is not shown in part.
        let lastMatch = matches.lazy.filter { $0.range.lowerBound >= start && $0.range.lowerBound < end }.map(\.range.upperBound).max() ?? best.range.upperBound
        if end < utf8.count, let newline = utf8[min(lastMatch, end)..<end].lastIndex(of: 0x0A) {
            end = newline
        } else {
            end = Self.wordEnd(utf8, from: end)
        }
        var highlights: [Range<Int>] = []
        for match in matches.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let range = match.range.clamped(to: start..<end)
            guard !range.isEmpty else { continue }
            if let last = highlights.last, last.upperBound >= range.lowerBound {
                highlights[highlights.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                highlights.append(range)
            }
        }
        return Self.marked(utf8, from: start, to: end, highlights: highlights)
    }

    /// The match that starts the stretch of `tokens` positions holding the most distinct words
    /// of the query; the first such. Nil without matches.
    static func bestWindow(_ matches: [QueryMatcher.Match], tokens: Int) -> QueryMatcher.Match? {
        let ordered = matches.sorted { ($0.positions.lowerBound, $0.range.lowerBound) < ($1.positions.lowerBound, $1.range.lowerBound) }
        guard !ordered.isEmpty else { return nil }
        let wordCount = ordered.map(\.words.upperBound).max() ?? 0
        var counts = [Int](repeating: 0, count: wordCount)
        var distinct = 0
        var best: (index: Int, distinct: Int) = (0, 0)
        var end = 0
        for (index, match) in ordered.enumerated() {
            while end < ordered.count, ordered[end].positions.lowerBound < match.positions.lowerBound + tokens {
                for word in ordered[end].words {
                    if counts[word] == 0 { distinct += 1 }
                    counts[word] += 1
                }
                end += 1
            }
            if distinct > best.distinct { best = (index, distinct) }
            for word in match.words {
                counts[word] -= 1
                if counts[word] == 0 { distinct -= 1 }
            }
        }
        return ordered[best.index]
    }

    /// The most bytes a snippet's ends move to reach a word boundary.
    static let wordReach = 48

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `index` moved back to the start of the word it is in (within ``wordReach`` bytes).
    static func wordStart(_ utf8: [UInt8], from index: Int) -> Int {
        var start = index
        while start > 0, index - start < wordReach, !isSpace(utf8[start - 1]) { start -= 1 }
        while start < index, utf8[start] & 0xC0 == 0x80 { start += 1 }
        return start
    }

    /// `index` moved on to the end of the word it is in (within ``wordReach`` bytes).
    static func wordEnd(_ utf8: [UInt8], from index: Int) -> Int {
        var end = index
        while end < utf8.count, end - index < wordReach, !isSpace(utf8[end]) { end += 1 }
        while end < utf8.count, utf8[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// The most bytes of one word a snippet shows outside its matches: a word longer than
    /// this (a line of base64 in a code block, a URL of a thousand characters) shows its first
    /// ``shownOfLongWord`` bytes and `…`, so that a snippet of 40 words stays a few lines long.
    static let longWord = 80
    /// How many bytes of a word longer than ``longWord`` a snippet shows.
    static let shownOfLongWord = 60

    /// `utf8[start..<end]` with `highlights` marked, `…` where text is left out (at the ends,
    /// and in words longer than ``longWord`` bytes).
    static func marked(_ utf8: [UInt8], from start: Int, to end: Int, highlights: [Range<Int>]) -> HighlightedText {
        let ellipsis = Array("…".utf8)
        var marked: [UInt8] = start > 0 ? ellipsis : []
        var position = start
        for range in highlights where range.lowerBound >= position {
            appendShortening(utf8[position..<range.lowerBound], to: &marked)
            marked.append(contentsOf: HighlightedText.openMarker.utf8)
            marked.append(contentsOf: utf8[range])
            marked.append(contentsOf: HighlightedText.closeMarker.utf8)
            position = range.upperBound
        }
        appendShortening(utf8[position..<max(position, end)], to: &marked)
        if end < utf8.count { marked.append(contentsOf: ellipsis) }
        return HighlightedText(marked: String(decoding: marked, as: UTF8.self))
    }

    /// Appends `text`, each word of it longer than ``longWord`` bytes cut to its first
    /// ``shownOfLongWord`` bytes (at a character's start) and `…`.
    static func appendShortening(_ text: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var index = text.startIndex
        while index < text.endIndex {
            guard !isSpace(text[index]) else {
                output.append(text[index])
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < text.endIndex, !isSpace(text[wordEnd]) { wordEnd += 1 }
            if wordEnd - index > longWord {
                var cut = index + shownOfLongWord
                while cut > index, text[cut] & 0xC0 == 0x80 { cut -= 1 }
                output.append(contentsOf: text[index..<cut])
                output.append(contentsOf: "…".utf8)
            } else {
                output.append(contentsOf: text[index..<wordEnd])
            }
            index = wordEnd
        }
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
