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

        public init(groups: Range<Int>, typed: String, conceptID: String, added: [String]) {
            self.groups = groups
            self.typed = typed
            self.conceptID = conceptID
            self.added = added
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
    /// `congestion control`. Longer runs win (`congestion control` over `congestion`); words
    /// joined by `OR`, prefixes and excluded words are never expanded.
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
        var start = 0
        while start < required.count && budget > 0 {
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
                    let typed = words[0..<(end - start)].joined(separator: " ")
                    if let names = lookup(typed) { found = Self.expansion(start..<end, typed: typed, names: names) }
                    if found == nil { end -= 1 }
                }
            }
            if var expansion = found, !expansion.added.isEmpty {
                expansion.added = Array(expansion.added.prefix(budget))
                budget -= expansion.added.count
                result.expansions.append(expansion)
                start = expansion.groups.upperBound
            } else {
                start += 1
            }
        }
        return result
    }

    /// The names worth adding: not the typed words again (in any spelling the tokenizer
    /// already matches alike), and not a lone Hangul syllable, which would match inside any word.
    private static func expansion(_ groups: Range<Int>, typed: String, names: ConceptNames) -> Expansion {
        let typedKey = Concept.nameKey(typed)
        var keys: Set<String> = [typedKey, typedKey.replacingOccurrences(of: " ", with: "")]
        var added: [String] = []
        for name in names.names {
            let key = Concept.nameKey(name)
            let unspaced = key.replacingOccurrences(of: " ", with: "")
            guard !key.isEmpty, !keys.contains(key), !keys.contains(unspaced) else { continue }
            keys.insert(key)
            keys.insert(unspaced)
            let scalars = name.unicodeScalars.filter { !$0.properties.isWhitespace }
            if scalars.count < 2 { continue }
            added.append(name)
        }
        return Expansion(groups: groups, typed: typed, conceptID: names.conceptID, added: added)
    }

    /// The query without its expansions: the words as typed, which rank higher.
    public var typed: SearchQuery {
        var query = self
        query.expansions = []
        return query
    }
}
