extension SearchQuery {
    /// Words of a query that name a concept, and the concept's other names searched for too.
    public struct Expansion: Hashable, Sendable {
        /// The required groups (see ``SearchQuery/required``) whose words name the concept.
        public var groups: Range<Int>
        /// The words as typed: `혼잡 제어`.
        public var typed: String
        public var conceptID: String
        /// The other names, searched for as phrases: `congestion control`, `혼잡제어` is not
        /// among them, since the tokenizer already finds it.
        public var added: [String]
        /// The added names the full-text expression needs: not those that hold the typed words
        /// or a shorter added name, which find nothing those do not (`네트워크 소켓` for `소켓`).
        public var searched: [String]

        public init(groups: Range<Int>, typed: String, conceptID: String, added: [String], searched: [String]? = nil) {
            self.groups = groups
            self.typed = typed
            self.conceptID = conceptID
            self.added = added
            self.searched = searched ?? added
        }
    }

    /// A concept's names, as a lookup finds them for some words.
    public struct ConceptNames: Hashable, Sendable {
        public var conceptID: String
        public var names: [String]

        public init(conceptID: String, names: [String]) {
            self.conceptID = conceptID
            self.names = names
        }
    }

    /// The most words one concept name in a query may have.
    static let longestConceptName = 4
    /// The most names added to a query, over all its words.
    static let maximumAddedNames = 24

    /// The query with every run of plain words (or a quoted phrase) that names a concept also
    /// finding the concept's other names: `socket` finds `소켓은`, `혼잡 제어` finds
    /// `congestion control`. Longer runs win (`congestion control` over `congestion`); each of
    /// words joined by `OR` is looked up alone; prefixes and excluded words are never expanded.
    ///
    /// `lookup` gets the words of a run joined by a space and answers with the concept they
    /// name, if any. The typed words keep their meaning: the run matches as typed, or as any
    /// other name (`("혼잡" AND "제어") OR "congestion control"`).
    public func expanded(using lookup: (String) -> ConceptNames?) -> SearchQuery {
        var result = self
        result.expansions = []
        var budget = Self.maximumAddedNames
        func plainWord(_ index: Int) -> String? {
            let group = required[index]
            guard group.count == 1, !group[0].isPrefix, !group[0].isPhrase else { return nil }
            return group[0].text
        }
        /// Keeps `expansion`, cut to the names left in the budget, searching only the names
        /// that find more than `typed` (the phrases of its words as typed) and the shorter names.
        func keep(_ expansion: Expansion, typed: [PhrasePattern]?) {
            var kept = expansion
            kept.added = Array(expansion.added.prefix(budget))
            kept.searched = Self.needed(kept.added, typed: typed)
            budget -= kept.added.count
            result.expansions.append(kept)
        }
        var start = 0
        while start < required.count && budget > 0 {
            if required[start].count > 1 {
                // Words joined by `OR`: each alternative finds its concept's other names too, so
                // that `socket OR alpha` finds all that `socket` finds.
                for term in required[start] where !term.isPrefix && budget > 0 {
                    guard let names = lookup(term.text) else { continue }
                    let expansion = Self.expansion(start..<(start + 1), typed: term.text, names: names)
                    if !expansion.added.isEmpty { keep(expansion, typed: Self.phrases(of: term)) }
                }
                start += 1
                continue
            }
            var found: Expansion?
            if required[start].count == 1, required[start][0].isPhrase, !required[start][0].isPrefix {
                let typed = required[start][0].text
                if let names = lookup(typed) { found = Self.expansion(start..<(start + 1), typed: typed, names: names) }
            } else if plainWord(start) != nil {
                var words: [String] = []
                var end = start
                while end < required.count, end - start < Self.longestConceptName, let word = plainWord(end) {
                    words.append(word)
                    end += 1
                }
                while end > start, found == nil {
                    let typed = words[0..<(end - start)].concatenated(separator: " ")
                    if let names = lookup(typed) { found = Self.expansion(start..<end, typed: typed, names: names) }
                    if found == nil { end -= 1 }
                }
            }
            if let expansion = found, !expansion.added.isEmpty {
                keep(expansion, typed: typedPhrases(expansion.groups))
                start = expansion.groups.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    /// The phrases the typed words of `groups` stand for: every one must stand in a match. A
    /// word searched as a prefix (a lone syllable) counts as its phrase, since a phrase that
    /// holds the syllable also holds a word it begins. Nil for a group of alternatives.
    private func typedPhrases(_ groups: Range<Int>) -> [PhrasePattern]? {
        var phrases: [PhrasePattern] = []
        for group in required[groups] {
            guard group.count == 1 else { return nil }
            phrases += Self.phrases(of: group[0])
        }
        return phrases.isEmpty ? nil : phrases
    }

    /// The phrases a term stands for: a quoted phrase itself, a word its parts of one script
    /// each (`TCP와` is `TCP` and `와`).
    private static func phrases(of term: Term) -> [PhrasePattern] {
        let texts = term.isPhrase ? [term.text] : ScriptSegments.split(term.text).map(\.text)
        return texts.map { PhrasePattern($0) }
    }

    /// The names of `added` that find something the typed words and the other names do not:
    /// a name that holds all the typed phrases, or holds a name kept before it (shorter names
    /// first), is left out. Order is kept.
    static func needed(_ added: [String], typed: [PhrasePattern]?) -> [String] {
        let patterns = added.map { PhrasePattern($0) }
        var kept: [PhrasePattern] = []
        var keep = Array(repeating: false, count: added.count)
        for index in added.indices.sorted(by: { patterns[$0].positions.count < patterns[$1].positions.count }) {
            let pattern = patterns[index]
            if let typed, typed.allSatisfy({ pattern.holds($0) }) { continue }
            if kept.contains(where: { pattern.holds($0) }) { continue }
            kept.append(pattern)
            keep[index] = true
        }
        return added.indices.filter { keep[$0] }.map { added[$0] }
    }

    /// The names worth adding: not the typed words again (in any spelling the tokenizer
    /// already matches alike), and not a lone Hangul syllable, which would match inside any word.
    private static func expansion(_ groups: Range<Int>, typed: String, names: ConceptNames) -> Expansion {
        let typedKey = Concept.nameKey(typed)
        var keys: Set<String> = [typedKey, Self.withoutSpaces(typedKey)]
        var added: [String] = []
        for name in names.names {
            let key = Concept.nameKey(name)
            let unspaced = Self.withoutSpaces(key)
            guard !key.isEmpty, !keys.contains(key), !keys.contains(unspaced) else { continue }
            keys.insert(key)
            keys.insert(unspaced)
            let scalars = name.unicodeScalars.filter { !$0.properties.isWhitespace }
            if scalars.count < 2 { continue }
            added.append(name)
        }
        return Expansion(groups: groups, typed: typed, conceptID: names.conceptID, added: added)
    }

    /// `text` without its spaces (U+0020).
    static func withoutSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " }))
    }

    /// Whether the query looks for other names than the words as typed.
    public var searchesOtherNames: Bool { expansions.contains { !$0.searched.isEmpty } }

    /// The query without its expansions: the words as typed, which rank higher.
    public var typed: SearchQuery {
        var query = self
        query.expansions = []
        return query
    }
}
