import GRDB
import GRDBSQLite
import NetKBCore

/// The FTS5 tokenizer `netkb`: ``KoreanAwareTokenizer`` registered with SQLite.
///
/// Tables use it behind FTS5's porter stemmer: `tokenize='porter netkb'`, so that
/// `handshakes` finds `handshake` while Korean bigrams pass through untouched.
///
/// Registered through FTS5's own C interface rather than GRDB's `add(tokenizer:)`, whose
/// callback finds the tokenizer with a dynamic cast: the first such cast in a process scans
/// every protocol conformance in the binary, 254,000 instructions of each search.
final class KoreanAwareFTS5Tokenizer {
    static let name = "netkb"
    private let tokenizer = KoreanAwareTokenizer()

    /// Makes `netkb` a tokenizer of `db`'s full-text tables.
    static func register(_ db: Database) {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        var methods = fts5_tokenizer(
            xCreate: { _, _, _, handle in
                guard let handle else { return SQLITE_ERROR }
                handle.pointee = OpaquePointer(Unmanaged.passRetained(KoreanAwareFTS5Tokenizer()).toOpaque())
                return SQLITE_OK
            },
            xDelete: { handle in
                guard let handle else { return }
                Unmanaged<KoreanAwareFTS5Tokenizer>.fromOpaque(UnsafeMutableRawPointer(handle)).release()
            },
            xTokenize: { handle, context, flags, pText, nText, callback in
                guard let handle, let callback else { return SQLITE_ERROR }
                let tokenizer = Unmanaged<KoreanAwareFTS5Tokenizer>.fromOpaque(UnsafeMutableRawPointer(handle)).takeUnretainedValue()
                return tokenizer.tokenize(context: context, flags: flags, pText: pText, nText: nText, callback: callback)
            })
        // FTS5 copies the methods; the tokenizers it creates are released by xDelete.
        let code = withUnsafeMutablePointer(to: &methods) { api.pointee.xCreateTokenizer(api, name, nil, $0, nil) }
        precondition(code == SQLITE_OK, "FTS5 refused the netkb tokenizer (\(code))")
    }

    private func tokenize(
        context: UnsafeMutableRawPointer?,
        flags: CInt,
        pText: UnsafePointer<CChar>?,
        nText: CInt,
        callback: @convention(c) (UnsafeMutableRawPointer?, CInt, UnsafePointer<CChar>?, CInt, CInt, CInt) -> CInt
    ) -> CInt {
        guard let pText, nText > 0 else { return SQLITE_OK }
        let mode: TokenizationMode = flags & FTS5_TOKENIZE_QUERY != 0 ? .query : .document
        var code = SQLITE_OK
        pText.withMemoryRebound(to: UInt8.self, capacity: Int(nText)) { bytes in
            let text = UnsafeBufferPointer(start: bytes, count: Int(nText))
            // Closures written in place, not a nested function passed by name: that boxes `code`
            // and checks exclusive access to it at run time for every token (about 2% of a full
            // index's instructions).
            // Tokens made ahead on the parsing thread, when this is the text they were made from.
            if mode == .document, let stream = PretokenizedText.shared.take(matching: text) {
                stream.replay { token, range, colocated in
                    code = Self.send(token, range, colocated, context: context, callback: callback)
                    return code == SQLITE_OK
                }
            } else {
                tokenizer.tokenize(text, mode: mode) { token, range, colocated in
                    code = Self.send(token, range, colocated, context: context, callback: callback)
                    return code == SQLITE_OK
                }
            }
        }
        return code
    }

    /// Hands one token to FTS5.
    @inline(__always)
    private static func send(
        _ token: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ colocated: Bool,
        context: UnsafeMutableRawPointer?,
        callback: @convention(c) (UnsafeMutableRawPointer?, CInt, UnsafePointer<CChar>?, CInt, CInt, CInt) -> CInt
    ) -> CInt {
        token.withMemoryRebound(to: CChar.self) { chars in
            callback(context, colocated ? FTS5_TOKEN_COLOCATED : 0, chars.baseAddress, CInt(chars.count),
                     CInt(range.lowerBound), CInt(range.upperBound))
        }
    }
}
