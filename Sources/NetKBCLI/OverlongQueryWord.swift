import NetKB

/// A query word longer than the index keeps (``KoreanAwareTokenizer/maximumWordBytes``): no
/// note can match it, and searching without it would answer another question, so `search`
/// and `refs TOPIC` both stop with this error.
enum OverlongQueryWord {
    /// Throws a ``CommandFailure`` naming the first over-long word of `query`, if it has one.
    static func check(_ query: SearchQuery) throws {
        guard let word = query.overlongWords.first else { return }
        let scalars = word.unicodeScalars.count
        throw CommandFailure(message: "the word '\(TerminalText.escaped(word.shortened()))' (\(scalars) characters) is longer than netkb indexes (\(KoreanAwareTokenizer.maximumWordBytes) bytes), so no note can match it: leave it out")
    }
}
