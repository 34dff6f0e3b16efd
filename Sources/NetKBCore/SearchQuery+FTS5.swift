extension SearchQuery {
    /// One thing every match must hold: a required group (a word, or words joined by `OR`), or
    /// a run of groups that name a concept, which its other names also satisfy.
    public struct Part: Hashable, Sendable {
        /// The FTS5 expression of the part.
        public var expression: String
        /// The words as typed, as messages and results show them: `DNS`, `TCP OR UDP`, `"3 way handshake"`.
        public var words: String
        /// The required groups (see ``required``) it covers.
        public var groups: Range<Int>
    }

    /// The query's parts, in order: a match holds every one, and none of the excluded words.
    public var parts: [Part] {
        let expressions = required.map { group -> String in
            let alternatives = group.map(Self.expression(for:))
            return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.concatenated(separator: " OR ") + ")"
        }
        let words = required.map { group in group.map(Self.display(_:)).concatenated(separator: " OR ") }
        var parts: [Part] = []
        var index = 0
        while index < expressions.count {
            guard let groups = expandedGroups(at: index) else {
                parts.append(Part(expression: expressions[index], words: words[index], groups: index..<(index + 1)))
                index += 1
                continue
            }
            let typedParts = expressions[groups]
            let typed = typedParts.count == 1 ? typedParts[typedParts.startIndex] : "(" + typedParts.concatenated(separator: " AND ") + ")"
            let alternatives = [typed] + searchedNames(of: groups).map { Self.quoted($0) }
            let expression = alternatives.count == 1 ? typed : "(" + alternatives.concatenated(separator: " OR ") + ")"
            parts.append(Part(expression: expression, words: words[groups].concatenated(separator: " "), groups: groups))
            index = groups.upperBound
        }
        return parts
    }

    /// Where the words as typed stand among the phrases of ``matchExpression``, for ranking to
    /// tell a section that holds them from one that holds only other names of their concepts.
    ///
    /// FTS5 numbers a match expression's phrases (its quoted strings that hold a token) from 0
    /// in the order they are written. `groups` has one entry per required group: its
    /// alternatives, each the phrases that must all stand in a section for it to match (a
    /// word that mixes scripts is several). `phraseCount` is how many phrases the expression has.
    public var typedPhrases: (groups: [[[Int]]], phraseCount: Int) {
        var groups: [[[Int]]] = []
        var next = 0
        func take(_ expression: String) -> [Int] {
            let count = Self.phraseCount(in: expression)
            defer { next += count }
            return Array(next..<(next + count))
        }
        var index = 0
        while index < required.count {
            let covered = expandedGroups(at: index) ?? index..<(index + 1)
            for group in required[covered] {
                groups.append(group.map { take(Self.expression(for: $0)) })
            }
            for name in searchedNames(of: covered) { _ = take(Self.quoted(name)) }
            index = covered.upperBound
        }
        for term in excluded { _ = take(Self.expression(for: term)) }
        return (groups, next)
    }

    /// How many phrases FTS5 reads in `expression`: its quoted strings that hold a token.
    static func phraseCount(in expression: String) -> Int {
        let tokenizer = KoreanAwareTokenizer()
        var count = 0
        var phrase: String?
        var scalars = expression.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            guard scalar == "\"" else {
                phrase?.unicodeScalars.append(scalar)
                continue
            }
            if phrase == nil {
                phrase = ""
            } else if pending == "\"" {
                phrase?.unicodeScalars.append(scalar)
                pending = scalars.next()
            } else {
                if let text = phrase, !tokenizer.tokens(in: text, mode: .query).isEmpty { count += 1 }
                phrase = nil
            }
        }
        return count
    }

    /// The query as an FTS5 match expression, or nil when there is nothing to search for.
    ///
    /// Terms are joined by explicit `AND` (FTS5 does not take an implicit AND before a parenthesis).
    /// Every term is quoted, so no user text is ever read as FTS5 syntax. A word that mixes
    /// scripts (`TCP와`, `7계층`) becomes its parts ANDed, since Korean writes particles and
    /// counters against English words and numbers; a one-syllable Korean word becomes a prefix
    /// so that it is found inside longer words.
    public var matchExpression: String? {
        guard !required.isEmpty else { return nil }
        var expression = parts.map(\.expression).concatenated(separator: " AND ")
        for term in excluded {
            expression += " NOT " + Self.expression(for: term)
        }
        return expression
    }

    /// For each phrase of ``matchExpression``, in the order FTS5 numbers them (see
    /// ``typedPhrases``), whether a section that holds it matches the expression whatever else
    /// it holds: the phrase is an alternative of its own, joined to the rest by `OR` alone.
    /// A search reads every section that holds such a phrase, so it can count them among the
    /// sections it reads rather than by a query over the whole table. `소켓` expanded with
    /// `socket` is `[true, true]`; `혼잡 제어` expanded with `congestion control`, `(("혼잡" AND
    /// "제어") OR "congestion control")`, is `[false, false, true]`. Only a query of one part
    /// and no excluded word has any.
    public var phrasesMatchingAlone: [Bool] {
        let covered = expandedGroups(at: 0) ?? 0..<min(1, required.count)
        guard excluded.isEmpty, covered.upperBound == required.count else {
            return Array(repeating: false, count: typedPhrases.phraseCount)
        }
        var alone: [Bool] = []
        func add(_ expression: String, alternative: Bool) {
            let count = Self.phraseCount(in: expression)
            alone += Array(repeating: alternative && count == 1, count: count)
        }
        // The words as typed are alternatives of their own when they are one group (its terms
        // joined by OR); several groups are joined by AND.
        for group in required[covered] {
            for term in group { add(Self.expression(for: term), alternative: covered.count == 1) }
        }
        for name in searchedNames(of: covered) { add(Self.quoted(name), alternative: true) }
        return alone
    }

    /// The required groups covered by the expansions that start at group `index`, if any: one
    /// run of words that names a concept, or one group of words joined by `OR`, each of which
    /// may name one.
    func expandedGroups(at index: Int) -> Range<Int>? {
        guard let expansion = expansions.first(where: { $0.groups.lowerBound == index }),
              expansion.groups.upperBound <= required.count else { return nil }
        return expansion.groups
    }

    /// The other names searched for the expansions of `groups`, in order.
    func searchedNames(of groups: Range<Int>) -> [String] {
        expansions.filter { $0.groups == groups }.flatMap(\.searched)
    }

    /// An expression that matches where any excluded word stands; nil when none is.
    public var exclusionExpression: String? {
        guard !excluded.isEmpty else { return nil }
        let alternatives = excluded.map(Self.expression(for:))
        return alternatives.count == 1 ? alternatives[0] : "(" + alternatives.concatenated(separator: " OR ") + ")"
    }

    /// A term as the user wrote it: `"a phrase"`, `word*`.
    static func display(_ term: Term) -> String {
        let text = term.isPhrase ? "\"" + term.text + "\"" : term.text
        return term.isPrefix ? text + "*" : text
    }

    /// A phrase of the query's plain words as typed, used to rank sections where they stand
    /// together above sections where they are scattered; nil for a query of one simple word.
    public var adjacencyExpression: String? {
        let words = required.filter { $0.count == 1 && !$0[0].isPrefix }.map { $0[0].text }
        guard !words.isEmpty else { return nil }
        let text = words.concatenated(separator: " ")
        guard words.count > 1 || ScriptSegments.split(text).count > 1 else { return nil }
        return Self.quoted(text)
    }

    static func expression(for term: Term) -> String {
        if term.isPhrase {
            return quoted(term.text) + (term.isPrefix ? "*" : "")
        }
        let segments = ScriptSegments.split(term.text)
        var pieces: [String] = []
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            let prefix = (isLast && term.isPrefix) || segment.isSingleSyllable
            pieces.append(quoted(segment.text) + (prefix ? "*" : ""))
        }
        if pieces.isEmpty { return quoted(term.text) }
        return pieces.count == 1 ? pieces[0] : "(" + pieces.concatenated(separator: " AND ") + ")"
    }

    /// Quotes text as an FTS5 string: `"` doubled, control characters dropped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            if scalar == "\"" { result.unicodeScalars.append("\"") }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }
}

/// Splits a word where it changes between Korean (CJK) and Latin letters or digits.
enum ScriptSegments {
    struct Segment: Equatable {
        var text: String
        var isCJK: Bool
        var isSingleSyllable: Bool { isCJK && text.unicodeScalars.count == 1 }
    }

    static func split(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var current = String.UnicodeScalarView()
        var currentIsCJK = false
        var hasLetters = false
        func flush() {
            if hasLetters { segments.append(Segment(text: String(current), isCJK: currentIsCJK)) }
            current = String.UnicodeScalarView()
            hasLetters = false
        }
        for scalar in text.unicodeScalars {
            let kind = ScalarClass.of(scalar.value)
            let isCJK = kind == .cjk || kind == .leadingJamo
            if kind != .separator {
                if hasLetters && isCJK != currentIsCJK { flush() }
                currentIsCJK = isCJK
                hasLetters = true
            }
            current.append(scalar)
        }
        flush()
        return segments
    }
}
