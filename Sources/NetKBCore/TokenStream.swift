/// What ``KoreanAwareTokenizer`` makes of one text, recorded so that it can be replayed later,
/// on another thread: a full index tokenizes each section on the thread that parses the notes,
/// and the full-text index replays the tokens on the thread that writes.
///
/// ```swift
/// let stream = TokenStream(recording: "소켓은 TCP", mode: .document)
/// stream.replay { token, range, colocated in print(String(decoding: token, as: UTF8.self)); return true }
/// ```
public struct TokenStream: Sendable {
    /// The text the tokens were made from.
    public let source: String
    /// The bytes of the tokens that differ from their source text (words lower-cased or
    /// folded, jamo composed), one after another. Most tokens (Hangul bigrams, lower-case words)
    /// are their source's bytes, and are replayed from the source.
    private var bytes: [UInt8] = []
    private var entries: [Entry] = []

    private struct Entry: Sendable {
        /// Where the token's bytes end in ``bytes`` when it has its own; they start where the
        /// previous such token's end.
        var end: Int32
        var sourceStart: Int32
        var sourceEnd: Int32
        var colocated: Bool
        /// Whether the token's bytes are in ``bytes``; otherwise they are the source's.
        var ownBytes: Bool
    }

    /// Texts longer than this are not recorded: they are tokenized when written, as usual, so
    /// that a huge section costs no more memory than its text (each token's entry takes 16
    /// bytes, about five times the text's size).
    public static let maximumSourceBytes = 4 << 20

    /// Tokenizes `source` now; nil when it is too long to record.
    public init?(recording source: String, mode: TokenizationMode = .document, tokenizer: KoreanAwareTokenizer = KoreanAwareTokenizer()) {
        self.source = source
        var source = source
        let recorded: Bool = source.withUTF8 { text in
            guard text.count <= Self.maximumSourceBytes else { return false }
            entries.reserveCapacity(text.count / 3)
            tokenizer.tokenize(text, mode: mode) { token, range, colocated in
                let ownBytes = !Self.equal(token, UnsafeBufferPointer(rebasing: text[range]))
                if ownBytes { bytes.append(contentsOf: token) }
                entries.append(Entry(end: Int32(truncatingIfNeeded: bytes.count), sourceStart: Int32(range.lowerBound),
                                     sourceEnd: Int32(range.upperBound), colocated: colocated, ownBytes: ownBytes))
                return true
            }
            return true
        }
        guard recorded else { return nil }
    }

    /// How many tokens were recorded.
    public var count: Int { entries.count }

    /// Calls `emit` with each token as ``KoreanAwareTokenizer/tokenize(_:mode:emit:)`` did;
    /// stops early when `emit` returns false.
    public func replay(_ emit: (_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ colocated: Bool) -> Bool) {
        var source = source
        source.withUTF8 { text in
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                for entry in entries {
                    let range = Int(entry.sourceStart)..<Int(entry.sourceEnd)
                    let token: UnsafeBufferPointer<UInt8>
                    if entry.ownBytes {
                        let end = Int(entry.end)
                        token = UnsafeBufferPointer(rebasing: all[start..<end])
                        start = end
                    } else {
                        token = UnsafeBufferPointer(rebasing: text[range])
                    }
                    guard emit(token, range, entry.colocated) else { return }
                }
            }
        }
    }

    /// Whether two short byte strings are equal (a token and its source text: a few bytes,
    /// where a loop beats calling memcmp).
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    /// Whether `text` is byte for byte the text the tokens were made from.
    public func isSource(of text: UnsafeBufferPointer<UInt8>) -> Bool {
        var source = source
        return source.withUTF8 { own in
            // By memcmp: the generic elementsEqual compares a byte at a time (1.6% of a full index).
            own.count == text.count && ByteOrder.compare(own, 0..<own.count, text, 0..<text.count) == 0
        }
    }
}
