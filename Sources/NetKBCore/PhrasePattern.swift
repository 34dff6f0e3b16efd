/// A phrase as the full-text index matches it: one set of interchangeable tokens per position
/// (a token and the tokens colocated with it), as ``KoreanAwareTokenizer`` reads a query.
///
/// Knowing which phrase holds another tells which of a concept's names a search need not look
/// for: every place that `네트워크 소켓` matches, `소켓` matches too.
///
/// ```swift
/// PhrasePattern("네트워크 소켓").holds(PhrasePattern("소켓")) // true
/// PhrasePattern("소켓").holds(PhrasePattern("네트워크 소켓")) // false
/// ```
public struct PhrasePattern: Hashable, Sendable {
    /// The tokens each position accepts, in order.
    public var positions: [Set<String>]

    /// The pattern of `text` read as a query phrase.
    public init(_ text: String, tokenizer: KoreanAwareTokenizer = KoreanAwareTokenizer()) {
        var positions: [Set<String>] = []
        for token in tokenizer.tokens(in: text, mode: .query) {
            if token.colocated, !positions.isEmpty {
                positions[positions.count - 1].insert(token.text)
            } else {
                positions.append([token.text])
            }
        }
        self.positions = positions
    }

    /// Whether every match of this phrase is also a match of `other`: some run of this
    /// phrase's positions each accepts only tokens that `other`'s position accepts. A phrase
    /// with no tokens holds nothing and is held by nothing.
    public func holds(_ other: PhrasePattern) -> Bool {
        guard !other.positions.isEmpty, other.positions.count <= positions.count else { return false }
        // By index rather than with zip: zip over an ArraySlice of sets makes its iterator's
        // type at run time, which looks up conformances (300,000 instructions per search).
        for start in 0...(positions.count - other.positions.count) {
            var aligned = true
            for offset in other.positions.indices where !positions[start + offset].isSubset(of: other.positions[offset]) {
                aligned = false
                break
            }
            if aligned { return true }
        }
        return false
    }
}
