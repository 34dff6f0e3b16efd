/// Finds where a query's words stand in a text, reading the text as the full-text index does
/// (``KoreanAwareTokenizer`` in document mode) and matching each word as its FTS5 expression
/// matches it, so that a snippet marks what matched and nothing else.
///
/// - A Korean word matches its bigrams at consecutive positions (a word of three or more
///   syllables also spaced: `가상메모리` marks `가상 메모리`); a one-syllable word marks that
///   syllable wherever a run has it.
/// - An English word matches its inflections, roughly as the porter stemmer does
///   (`handshake` marks `handshakes`, `connect` marks `connection`).
/// - A word that mixes scripts (`TCP와`, `7계층`) marks the places where its parts stand
///   together, and its parts of two letters or more wherever they stand: `TCP와` marks `TCP`
///   and `TCP와`, never a `와` elsewhere.
/// - A `"phrase"` marks its words standing together; `word*` marks words that start with it.
/// - Excluded words are never marked.
///
/// ```swift
/// let matcher = QueryMatcher(query: SearchQuery(parsing: "TCP와"))
/// // In "TCP와 UDP와 소켓", the matches cover "TCP와" only.
/// ```
public struct QueryMatcher: Sendable {
    /// One place where a word or phrase of the query stands.
    public struct Match: Hashable, Sendable {
        /// The matched bytes of the text.
        public var range: Range<Int>
        /// The first and last token positions it covers.
        public var positions: ClosedRange<Int>
        /// The query's required groups (see ``SearchQuery/required``) it stands for.
        public var words: Range<Int>
    }

    /// A sequence of token positions to find, each allowing the tokens registered for it.
    struct Pattern: Sendable {
        var slots: Int
        var words: Range<Int>
    }

    /// A slot of a pattern that a token can fill, with the bytes it was registered under.
    struct Reference: Sendable {
        var pattern: Int
        var slot: Int
        var bytes: [UInt8]
    }

    /// The longest pattern matched, in token positions; a longer phrase is matched by its start.
    static let maximumSlots = 64
    /// Endings of English words taken off to compare stems, roughly as the porter stemmer does.
    static let endings: [[UInt8]] = ["ations", "ation", "ions", "ion", "ing", "ers", "er", "ed", "es", "ly", "s", "e"].map { Array($0.utf8) }
    /// The endings, and none: what a text token may end in beyond a query word's stem.
    static let endingsOrNone: [[UInt8]] = endings + [[]]

    let patterns: [Pattern]
    /// Tokens that fill a slot as they are, by hash.
    let exact: [UInt64: [Reference]]
    /// The hashes of `exact`, to rule out most tokens before looking them up.
    let exactHashes: HashFilter
    /// Stems of English words, by hash: a text token whose stem is one of them fills the slot.
    let stems: [UInt64: [Reference]]
    /// The hashes of `stems`.
    let stemHashes: HashFilter
    /// One-syllable words: a token that starts with the syllable fills the slot.
    let syllables: [UInt32: [Reference]]
    /// Prefixes (`word*`): a token that starts with the bytes fills the slot.
    let prefixes: [Reference]
    let tokenizer = KoreanAwareTokenizer()
    /// The query's required groups that some pattern stands for: the words a text can match.
    public let matchableWords: [Int]
    /// The most token positions a pattern covers, so the most positions a match is reported after
    /// its first.
    public let longestPattern: Int

    /// A matcher of the query's words as typed; with `includingOtherNames`, also of the other
    /// names of concepts the query was expanded with (see ``SearchQuery/expanded(using:)``).
    public init(query: SearchQuery, includingOtherNames: Bool = false) {
        var builder = Builder()
        for (index, group) in query.required.enumerated() {
            for term in group { builder.add(term, words: index..<(index + 1)) }
        }
        if includingOtherNames {
            for expansion in query.expansions {
                for name in expansion.added {
                    builder.add(SearchQuery.Term(text: name, isPhrase: true), words: expansion.groups)
                }
            }
        }
        patterns = builder.patterns
        exact = builder.exact
        exactHashes = HashFilter(builder.exact.keys)
        stems = builder.stems
        stemHashes = HashFilter(builder.stems.keys)
        syllables = builder.syllables
        prefixes = builder.prefixes
        matchableWords = Array(Set(builder.patterns.flatMap(\.words))).sorted()
        longestPattern = builder.patterns.map(\.slots).max() ?? 0
    }

    /// Whether the query has anything to mark.
    public var isEmpty: Bool { patterns.isEmpty }

    /// Reads `text` token by token: `position` is called with each token position's index and
    /// bytes (stop by returning false), `match` with each match as soon as its last position is read.
    public func scan(
        _ text: UnsafeBufferPointer<UInt8>,
        position: (_ index: Int, _ range: Range<Int>) -> Bool,
        match: (Match) -> Void
    ) {
        var state = ScanState(patternCount: patterns.count)
        var stopped = false
        tokenizer.tokenize(text, mode: .document) { token, range, colocated in
            if !colocated || state.current < 0 {
                if state.current >= 0 { finish(&state, match: match) }
                state.current += 1
                guard position(state.current, range) else { stopped = true; return false }
                state.lower = Int.max
                state.upper = 0
            }
            fill(&state, token: token, range: range, text: text)
            return true
        }
        if !stopped, state.current >= 0 { finish(&state, match: match) }
    }

    /// The running state of one scan: the position being read and each pattern's progress.
    struct ScanState {
        var current = -1
        /// The bytes of the tokens that filled a slot at the current position.
        var lower = Int.max
        var upper = 0
        /// The slots filled at the current position, per pattern, and the patterns touched.
        var filled: [UInt64]
        var touched: [Int] = []
        /// Each pattern's partial matches (bit n: slots 0…n match, ending at `last`).
        var progress: [UInt64]
        var last: [Int]
        /// The filled bytes of the last positions, for the start of a match.
        var recent: [(lower: Int, upper: Int)] = Array(repeating: (0, 0), count: QueryMatcher.maximumSlots)

        init(patternCount: Int) {
            filled = Array(repeating: 0, count: patternCount)
            progress = Array(repeating: 0, count: patternCount)
            last = Array(repeating: -2, count: patternCount)
        }

        mutating func set(_ reference: Reference, lower: Int, upper: Int) {
            if filled[reference.pattern] == 0 { touched.append(reference.pattern) }
            filled[reference.pattern] |= 1 << UInt64(reference.slot)
            self.lower = min(self.lower, lower)
            self.upper = max(self.upper, upper)
        }
    }

    /// Marks the slots that a token of the text fills.
    private func fill(_ state: inout ScanState, token: UnsafeBufferPointer<UInt8>, range: Range<Int>, text: UnsafeBufferPointer<UInt8>) {
        guard let first = token.first else { return }
        let hash = Self.hash(token)
        if exactHashes.mayContain(hash), let references = exact[hash] {
            for reference in references where reference.bytes.elementsEqual(token) {
                state.set(reference, lower: range.lowerBound, upper: range.upperBound)
            }
        }
        if first < 0x80, !stems.isEmpty {
            for ending in Self.endingsOrNone where token.count >= ending.count + 3 && token.suffix(ending.count).elementsEqual(ending) {
                let stem = UnsafeBufferPointer(rebasing: token[0..<(token.count - ending.count)])
                let stemHash = Self.hash(stem)
                guard stemHashes.mayContain(stemHash), let references = stems[stemHash] else { continue }
                for reference in references where reference.bytes.elementsEqual(stem) {
                    state.set(reference, lower: range.lowerBound, upper: range.upperBound)
                }
            }
        }
        if first >= 0x80, !syllables.isEmpty {
            let scalar = UTF8Decoding.scalar(at: 0, in: token).value
            if let references = syllables[scalar] {
                let end = range.lowerBound + Self.syllableLength(at: range.lowerBound, in: text)
                for reference in references { state.set(reference, lower: range.lowerBound, upper: min(end, range.upperBound)) }
            }
        }
        for reference in prefixes where token.count >= reference.bytes.count && token.prefix(reference.bytes.count).elementsEqual(reference.bytes) {
            state.set(reference, lower: range.lowerBound, upper: range.upperBound)
        }
    }

    /// Ends the current position: advances the patterns it touched and reports full matches.
    private func finish(_ state: inout ScanState, match: (Match) -> Void) {
        let position = state.current
        state.recent[position % Self.maximumSlots] = (state.lower, state.upper)
        for pattern in state.touched {
            let previous = state.last[pattern] == position - 1 ? state.progress[pattern] : 0
            let progress = ((previous << 1) | 1) & state.filled[pattern]
            state.progress[pattern] = progress
            state.last[pattern] = position
            state.filled[pattern] = 0
            let slots = patterns[pattern].slots
            guard progress & (1 << UInt64(slots - 1)) != 0 else { continue }
            let start = position - slots + 1
            let lower = state.recent[start % Self.maximumSlots].lower
            match(Match(range: lower..<max(lower, state.upper), positions: start...position, words: patterns[pattern].words))
        }
        state.touched.removeAll(keepingCapacity: true)
    }

    /// The bytes of the syllable at `index`: one precomposed syllable, or the conjoining jamo
    /// that compose one.
    static func syllableLength(at index: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard index < text.count else { return 0 }
        let (scalar, length) = UTF8Decoding.scalar(at: index, in: text)
        guard (0x1100...0x1112).contains(scalar) else { return length }
        var end = index + length
        for allowed in [0x1161...0x1175, 0x11A8...0x11C2] as [ClosedRange<UInt32>] where end < text.count {
            let (next, nextLength) = UTF8Decoding.scalar(at: end, in: text)
            guard allowed.contains(next) else { break }
            end += nextLength
        }
        return end - index
    }

    /// FNV-1a over bytes.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A rough English stem: the word without one common ending, if at least three letters remain.
    static func stem(_ word: [UInt8]) -> [UInt8]? {
        for ending in endings where word.count >= ending.count + 3 && word.suffix(ending.count).elementsEqual(ending) {
            return Array(word.dropLast(ending.count))
        }
        return word.count >= 3 ? word : nil
    }
}

extension QueryMatcher {
    /// Turns a query's terms into patterns and the tables that find their slots.
    struct Builder {
        var patterns: [Pattern] = []
        var exact: [UInt64: [Reference]] = [:]
        var stems: [UInt64: [Reference]] = [:]
        var syllables: [UInt32: [Reference]] = [:]
        var prefixes: [Reference] = []
        let tokenizer = KoreanAwareTokenizer()

        /// The term's token positions in query mode, each with its alternatives.
        func positions(_ text: String) -> [[KoreanAwareTokenizer.Token]] {
            var result: [[KoreanAwareTokenizer.Token]] = []
            for token in tokenizer.tokens(in: text, mode: .query) {
                if token.colocated, !result.isEmpty { result[result.count - 1].append(token) } else { result.append([token]) }
            }
            return Array(result.prefix(QueryMatcher.maximumSlots))
        }

        mutating func add(_ term: SearchQuery.Term, words: Range<Int>) {
            if term.isPhrase {
                addPattern(positions(term.text), prefixLast: term.isPrefix, syllablesArePrefixes: false, words: words)
                return
            }
            let segments = ScriptSegments.split(term.text)
            let whole = positions(term.text)
            addPattern(whole, prefixLast: term.isPrefix, syllablesArePrefixes: true, words: words)
            guard segments.count > 1 else { return }
            // A word that mixes scripts: its parts of two letters or more stand on their own too.
            for (offset, segment) in segments.enumerated() where segment.text.unicodeScalars.filter({ ScalarClass.of($0.value) != .separator }).count > 1 {
                let isLast = offset == segments.count - 1
                addPattern(positions(segment.text), prefixLast: isLast && term.isPrefix, syllablesArePrefixes: true, words: words)
            }
        }

        /// Adds a pattern of `slots`; a lone syllable (when `syllablesArePrefixes`) and the last
        /// slot of a prefix term match the tokens that start with them.
        mutating func addPattern(_ slots: [[KoreanAwareTokenizer.Token]], prefixLast: Bool, syllablesArePrefixes: Bool, words: Range<Int>) {
            guard !slots.isEmpty else { return }
            let pattern = patterns.count
            patterns.append(Pattern(slots: slots.count, words: words))
            for (slot, tokens) in slots.enumerated() {
                for token in tokens {
                    let bytes = Array(token.text.utf8)
                    let reference = Reference(pattern: pattern, slot: slot, bytes: bytes)
                    let isSyllable = token.text.unicodeScalars.count == 1 && bytes[0] >= 0x80
                    let isPrefix = prefixLast && slot == slots.count - 1
                    if isSyllable && (syllablesArePrefixes || isPrefix), let scalar = token.text.unicodeScalars.first {
                        syllables[scalar.value, default: []].append(reference)
                    } else if isPrefix {
                        prefixes.append(reference)
                    } else {
                        exact[QueryMatcher.hash(bytes), default: []].append(reference)
                        if bytes[0] < 0x80, bytes.allSatisfy({ $0 < 0x80 }), let stem = QueryMatcher.stem(bytes) {
                            stems[QueryMatcher.hash(stem), default: []].append(Reference(pattern: pattern, slot: slot, bytes: stem))
                        }
                    }
                }
            }
        }
    }
}
