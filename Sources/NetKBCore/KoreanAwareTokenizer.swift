import Foundation

/// Whether text is being indexed or is a query; documents get extra colocated tokens.
public enum TokenizationMode: Sendable {
    case document
    case query
}

/// Splits text into search tokens so that Korean is found inside words and across spacing.
///
/// - Hangul (and other CJK) runs become overlapping two-syllable tokens: `소켓은` → `소켓`, `켓은`.
///   A run of one syllable is one token. In documents, the last syllable of a longer run is also
///   emitted at the position of the last bigram, so a one-syllable query still finds it.
/// - Two Hangul runs separated by exactly one space also yield a *spanning* token at the
///   position between them, written with the space: `혼잡 제어` → `혼잡`, `잡 제`, `제어`. A
///   plain bigram never contains a space, so a two-syllable query (`해시`) never matches across
///   a word break (`위해 시행`).
/// - In queries, each bigram of a run of three or more syllables also stands for its spanning
///   form (a colocated token, which FTS5 reads as an alternative), and so does each bigram
///   across one space: `로드밸런싱` matches `로드 밸런싱`, and the phrase `"혼잡 제어"` matches
///   `혼잡제어`. A run of two syllables is matched inside words only.
/// - Latin words (letters and digits) are lower-cased with diacritics folded: `Café` → `cafe`.
/// - Conjoining jamo (NFD Hangul) are composed into syllables.
/// - Every token carries the byte range of the original text it came from.
///
/// ```swift
/// KoreanAwareTokenizer().tokens(in: "TCP와 소켓", mode: .query).map(\.text)
/// // ["tcp", "와", "와소", "와 소", "소켓"]
/// KoreanAwareTokenizer().tokens(in: "가상메모리", mode: .query).map(\.text)
/// // ["가상", "가 상", "상메", "상 메", "메모", "메 모", "모리", "모 리"]
/// ```
public struct KoreanAwareTokenizer: Sendable {
    /// Latin words longer than this many bytes are not searchable words and are skipped.
    public static let maximumWordBytes = 128

    public init() {}

    /// A token with the byte range of its source text.
    public struct Token: Hashable, Sendable {
        public var text: String
        public var range: Range<Int>
        /// Whether the token shares the position of the previous one (FTS5's colocated flag).
        public var colocated: Bool
    }

    /// Tokenizes a string; convenient for tests and query planning.
    public func tokens(in string: String, mode: TokenizationMode) -> [Token] {
        var result: [Token] = []
        var utf8 = Array(string.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            tokenize(UnsafeBufferPointer(buffer), mode: mode) { token, range, colocated in
                result.append(Token(text: String(decoding: token, as: UTF8.self), range: range, colocated: colocated))
                return true
            }
        }
        return result
    }

    /// The Latin (alphabetic or numeric) words of `string` longer than ``maximumWordBytes``,
    /// which are never tokens: a query that holds one would silently search without it.
    /// Runs on every search: it counts bytes, and makes a string only of a word too long.
    public static func overlongWords(in string: String) -> [String] {
        var words: [String] = []
        let utf8 = Array(string.utf8)
        var start = 0
        var index = 0
        func flush() {
            if index - start > maximumWordBytes { words.append(String(decoding: utf8[start..<index], as: UTF8.self)) }
        }
        utf8.withUnsafeBufferPointer { bytes in
            while index < bytes.count {
                let (scalar, length) = UTF8Decoding.scalar(at: index, in: bytes)
                if ScalarClass.of(scalar) != .word {
                    flush()
                    start = index + length
                }
                index += length
            }
        }
        flush()
        return words
    }

    /// Tokenizes UTF-8 text, calling `emit` with each token's bytes, its source byte range and
    /// whether it is colocated with the previous token. Stops early when `emit` returns false.
    /// Invalid UTF-8 bytes separate words and are otherwise ignored.
    public func tokenize(
        _ text: UnsafeBufferPointer<UInt8>,
        mode: TokenizationMode,
        emit: (_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ colocated: Bool) -> Bool
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.maximumWordBytes) { scratch in
            var state = TokenizerState(text: text, mode: mode, scratch: scratch)
            state.run(emit: emit)
        }
    }
}

/// What a scalar is, for tokenizing.
enum ScalarClass {
    case separator
    /// Part of a Latin (or other alphabetic) word: letters, digits, combining marks.
    case word
    /// A Hangul syllable or another CJK character, tokenized by bigrams.
    case cjk
    /// A leading conjoining jamo (NFD Hangul), to be composed with what follows.
    case leadingJamo

    @inline(__always)
    static func of(_ scalar: UInt32) -> ScalarClass {
        if scalar < 0x80 {
            switch scalar {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            default: return .separator
            }
        }
        switch scalar {
        case 0xAC00...0xD7A3: return .cjk
        case 0x1100...0x1112: return .leadingJamo
        case 0x3131...0x318E, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .cjk
        case 0x0300...0x036F: return .word
        default:
            return ofOther(scalar)
        }
    }

    /// The class of a scalar outside ASCII and the CJK blocks, from its Unicode properties.
    static func ofOther(_ scalar: UInt32) -> ScalarClass {
        guard let unicode = Unicode.Scalar(scalar) else { return .separator }
        let properties = unicode.properties
        return properties.isAlphabetic || properties.numericType != nil ? .word : .separator
    }
}

/// The running state of one tokenization.
struct TokenizerState {
    let text: UnsafeBufferPointer<UInt8>
    let mode: TokenizationMode
    let scratch: UnsafeMutableBufferPointer<UInt8>

    // The Latin word being read.
    var wordStart = -1
    var wordEnd = -1
    var wordIsASCII = true

    // The CJK run being read: its length and its last syllable.
    var runLength = 0
    var lastSyllable: UInt32 = 0
    var lastRange = 0..<0

    // After a run ends: the run's last syllable, and whether exactly one space followed it so far.
    var spanCandidate = false
    var spanSyllable: UInt32 = 0
    var spanStart = 0

    init(text: UnsafeBufferPointer<UInt8>, mode: TokenizationMode, scratch: UnsafeMutableBufferPointer<UInt8>) {
        self.text = text
        self.mode = mode
        self.scratch = scratch
    }

    mutating func run(emit: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) {
        var index = 0
        let count = text.count
        var pendingSpace = false
        while index < count {
            let decoded = decode(at: index)
            var scalar = decoded.0
            var end = index + decoded.1
            var kind = ScalarClass.of(scalar)
            if kind == .leadingJamo {
                (scalar, end) = composeJamo(leading: scalar, from: end)
                kind = .cjk
            }
            switch kind {
            case .word:
                guard endRun(emit: emit) else { return }
                spanCandidate = false
                if wordStart < 0 { wordStart = index; wordIsASCII = true }
                if scalar >= 0x80 { wordIsASCII = false }
                wordEnd = end
            case .cjk:
                guard flushWord(emit: emit) else { return }
                let range = index..<end
                if runLength == 0 {
                    if spanCandidate && pendingSpace {
                        // Across one space: the spanning token; a query may also find it unspaced.
                        if mode == .query {
                            guard emitBigram(spanSyllable, scalar, spanStart..<end, spanning: false, colocated: false, emit: emit),
                                  emitBigram(spanSyllable, scalar, spanStart..<end, spanning: true, colocated: true, emit: emit)
                            else { return }
                        } else {
                            guard emitBigram(spanSyllable, scalar, spanStart..<end, spanning: true, colocated: false, emit: emit) else { return }
                        }
                    }
                    spanCandidate = false
                } else {
                    guard emitBigram(lastSyllable, scalar, lastRange.lowerBound..<end, spanning: false, colocated: false, emit: emit) else { return }
                    // A query word of three or more syllables may be written with a space anywhere.
                    if mode == .query, runLength >= 2 || continuesRun(at: end) {
                        guard emitBigram(lastSyllable, scalar, lastRange.lowerBound..<end, spanning: true, colocated: true, emit: emit) else { return }
                    }
                }
                runLength += 1
                lastSyllable = scalar
                lastRange = range
            case .separator, .leadingJamo:
                guard flushWord(emit: emit) else { return }
                let endedRun = runLength > 0
                guard endRun(emit: emit) else { return }
                if endedRun && scalar == 0x20 {
                    pendingSpace = true
                } else {
                    spanCandidate = false
                }
            }
            if kind != .separator { pendingSpace = false }
            index = end
        }
        guard flushWord(emit: emit) else { return }
        _ = endRun(emit: emit)
    }

    /// Ends the CJK run being read, emitting the lone or trailing syllable.
    mutating func endRun(emit: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) -> Bool {
        guard runLength > 0 else { return true }
        defer {
            spanCandidate = true
            spanSyllable = lastSyllable
            spanStart = lastRange.lowerBound
            runLength = 0
        }
        if runLength == 1 {
            return emitSyllable(lastSyllable, lastRange, colocated: false, emit: emit)
        }
        if mode == .document {
            return emitSyllable(lastSyllable, lastRange, colocated: true, emit: emit)
        }
        return true
    }

    /// Emits the Latin word being read, lower-cased and folded.
    mutating func flushWord(emit: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool) -> Bool {
        guard wordStart >= 0 else { return true }
        let range = wordStart..<wordEnd
        wordStart = -1
        guard range.count <= KoreanAwareTokenizer.maximumWordBytes else { return true }
        if wordIsASCII {
            for (offset, byte) in text[range].enumerated() {
                scratch[offset] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            return emit(UnsafeBufferPointer(rebasing: scratch[0..<range.count]), range, false)
        }
        let folded = Self.fold(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
        guard !folded.isEmpty else { return true }
        var bytes = Array(folded.utf8)
        return bytes.withUnsafeMutableBufferPointer { emit(UnsafeBufferPointer($0), range, false) }
    }

    /// Lower-cases a word and removes its diacritics: `Ångström` → `angstrom`.
    static func fold(_ word: String) -> String {
        let decomposed = word.decomposedStringWithCanonicalMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where !(0x0300...0x036F).contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Emits two syllables as one token: `AB`, or spanning a space, `A B`.
    func emitBigram(
        _ first: UInt32, _ second: UInt32, _ range: Range<Int>, spanning: Bool, colocated: Bool,
        emit: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) -> Bool {
        var count = encode(first, into: 0)
        if spanning {
            scratch[count] = 0x20
            count += 1
        }
        count += encode(second, into: count)
        return emit(UnsafeBufferPointer(rebasing: scratch[0..<count]), range, colocated)
    }

    /// Whether the scalar at `index` continues a CJK run (a syllable, or jamo that compose into one).
    func continuesRun(at index: Int) -> Bool {
        let (scalar, length) = decode(at: index)
        guard length > 0 else { return false }
        switch ScalarClass.of(scalar) {
        case .cjk, .leadingJamo: return true
        case .word, .separator: return false
        }
    }

    func emitSyllable(
        _ syllable: UInt32, _ range: Range<Int>, colocated: Bool,
        emit: (UnsafeBufferPointer<UInt8>, Range<Int>, Bool) -> Bool
    ) -> Bool {
        let n = encode(syllable, into: 0)
        return emit(UnsafeBufferPointer(rebasing: scratch[0..<n]), range, colocated)
    }

    /// Writes a scalar (at most three bytes for the scalars of CJK runs) as UTF-8 into scratch.
    func encode(_ scalar: UInt32, into offset: Int) -> Int {
        if scalar < 0x800 {
            scratch[offset] = UInt8(0xC0 | (scalar >> 6))
            scratch[offset + 1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        }
        scratch[offset] = UInt8(0xE0 | (scalar >> 12))
        scratch[offset + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
        scratch[offset + 2] = UInt8(0x80 | (scalar & 0x3F))
        return 3
    }

    /// Composes a leading jamo with the vowel and optional trailing jamo after it.
    /// Returns the syllable and the end of what it consumed; a lone jamo stays as it is.
    func composeJamo(leading: UInt32, from index: Int) -> (UInt32, Int) {
        let (vowel, vowelLength) = decode(at: index)
        guard vowelLength > 0, (0x1161...0x1175).contains(vowel) else { return (leading, index) }
        var syllable = 0xAC00 + ((leading - 0x1100) * 21 + (vowel - 0x1161)) * 28
        var end = index + vowelLength
        let (trailing, trailingLength) = decode(at: end)
        if trailingLength > 0, (0x11A8...0x11C2).contains(trailing) {
            syllable += trailing - 0x11A7
            end += trailingLength
        }
        return (syllable, end)
    }

    /// Decodes the scalar at `index`; an invalid byte reads as U+FFFD, which separates words.
    @inline(__always)
    func decode(at index: Int) -> (UInt32, Int) {
        guard index < text.count else { return (0, 0) }
        return UTF8Decoding.scalar(at: index, in: text)
    }
}
