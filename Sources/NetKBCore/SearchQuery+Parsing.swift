import Foundation

extension SearchQuery {
    /// Parses what a user typed. Never fails: syntax that is not understood is taken literally,
    /// and terms with no searchable characters (`*`, `-`, `(`) are dropped.
    ///
    /// - Words are ANDed; `"a phrase"` matches the words together (an unclosed quote runs to the end);
    ///   `a OR b` matches either (`OR` in capitals, between two terms; elsewhere it is a word);
    ///   `-word` excludes; `word*` matches words that start with `word`.
    public init(parsing input: String) {
        let tokenizer = KoreanAwareTokenizer()
        func searchable(_ term: Term) -> Bool {
            !tokenizer.tokens(in: term.text, mode: .query).isEmpty
        }

        var items: [QueryItem] = Self.lex(NFC.normalize(input))
        var overlong: [String] = []
        for item in items {
            guard case .term(let term, _) = item else { continue }
            overlong.append(contentsOf: KoreanAwareTokenizer.overlongWords(in: term.text))
        }
        items.removeAll { item in
            if case .term(let term, _) = item { return !searchable(term) }
            return false
        }

        var required: [[Term]] = []
        var excluded: [Term] = []
        var kept = 0
        var dropped = 0
        var tokenBudget = Self.maximumTokens
        /// The term cut to the tokens left in the budget (a 1 MB phrase or word keeps its
        /// first tokens), or nil when the budget is spent.
        func budgeted(_ term: Term) -> Term? {
            guard kept < Self.maximumTerms, tokenBudget > 0 else { dropped += 1; return nil }
            kept += 1
            // Alternatives (colocated tokens) share their position and are not counted.
            let tokens = tokenizer.tokens(in: term.text, mode: .query).filter { !$0.colocated }
            guard tokens.count > tokenBudget else {
                tokenBudget -= tokens.count
                return term
            }
            let end = tokens[tokenBudget - 1].range.upperBound
            tokenBudget = 0
            dropped += 1
            var cut = term
            cut.text = String(decoding: Array(term.text.utf8)[..<end], as: UTF8.self)
            return cut
        }
        var index = 0
        while index < items.count {
            var item = items[index]
            if case .or = item {
                // OR standing where no alternative can join it is the word "OR".
                item = .term(Term(text: "OR"), negated: false)
            }
            guard case .term(let whole, let negated) = item else { continue }
            index += 1
            guard let term = budgeted(whole) else { continue }
            if negated {
                excluded.append(term)
                continue
            }
            var group = [term]
            while index + 1 < items.count, case .or = items[index],
                  case .term(let alternative, false) = items[index + 1] {
                if let kept = budgeted(alternative) { group.append(kept) }
                index += 2
            }
            required.append(group)
        }
        self.init(required: required, excluded: excluded, droppedTerms: dropped)
        overlongWords = overlong
    }

    enum QueryItem {
        case term(Term, negated: Bool)
        case or
    }

    /// Splits the input into words, quoted phrases and `OR`s.
    ///
    /// Reads an array of scalars by position: slices of `String.UnicodeScalarView` made into
    /// strings go through generic code whose first use in a process looks up conformances at
    /// run time (about 500,000 instructions, a tenth of a search that finds nothing).
    static func lex(_ input: String) -> [QueryItem] {
        var items: [QueryItem] = []
        let scalars = Array(input.unicodeScalars)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || scalar.value < 0x20
        }
        func text(_ range: Range<Int>) -> String {
            var text = ""
            for position in range { text.unicodeScalars.append(scalars[position]) }
            return text
        }
        var position = 0
        while position < scalars.count {
            let first = scalars[position]
            if isSpace(first) { position += 1; continue }
            var negated = false
            if first == "-", position + 1 < scalars.count, !isSpace(scalars[position + 1]) {
                negated = true
                position += 1
            }
            if scalars[position] == "\"" {
                position += 1
                var end = position
                while end < scalars.count, scalars[end] != "\"" { end += 1 }
                let phrase = text(position..<end)
                position = min(end + 1, scalars.count)
                var isPrefix = false
                if position < scalars.count, scalars[position] == "*" { isPrefix = true; position += 1 }
                items.append(.term(Term(text: phrase, isPhrase: true, isPrefix: isPrefix), negated: negated))
                continue
            }
            var end = position
            while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
            var word = text(position..<end)
            position = end
            if word == "OR" && !negated { items.append(.or); continue }
            var isPrefix = false
            while word.hasSuffix("*") { word.removeLast(); isPrefix = true }
            items.append(.term(Term(text: word, isPrefix: isPrefix), negated: negated))
        }
        return items
    }
}
