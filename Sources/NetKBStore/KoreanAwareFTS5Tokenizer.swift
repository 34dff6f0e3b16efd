import GRDB
import GRDBSQLite
import NetKBCore

/// The FTS5 tokenizer `netkb`: ``KoreanAwareTokenizer`` registered with SQLite.
///
/// Tables use it behind FTS5's porter stemmer: `tokenize='porter netkb'`, so that
/// `handshakes` finds `handshake` while Korean bigrams pass through untouched.
final class KoreanAwareFTS5Tokenizer: FTS5CustomTokenizer {
    static let name = "netkb"
    private let tokenizer = KoreanAwareTokenizer()

    init(db: Database, arguments: [String]) throws {}

    func tokenize(
        context: UnsafeMutableRawPointer?,
        tokenization: FTS5Tokenization,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let mode: TokenizationMode = tokenization.contains(.query) ? .query : .document
        var code = SQLITE_OK
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
            func emit(_ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ colocated: Bool) -> Bool {
                code = token.withMemoryRebound(to: CChar.self) { chars in
                    tokenCallback(
                        context, colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count),
                        CInt(range.lowerBound), CInt(range.upperBound))
                }
                return code == SQLITE_OK
            }
            // Tokens made ahead on the parsing thread, when this is the text they were made from.
            if mode == .document, let stream = PretokenizedText.shared.take(matching: text) {
                stream.replay(emit)
            } else {
                tokenizer.tokenize(text, mode: mode, emit: emit)
            }
        }
        return code
    }
}
