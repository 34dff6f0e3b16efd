import Foundation
import NetKBCore

/// Hands the tokens made ahead for a row's columns (see ``TokenStream``) to the full-text
/// tokenizer, which SQLite calls while the row is inserted. The tokenizer replays a stream only
/// when the text SQLite hands it is byte for byte the stream's source; any other text is
/// tokenized as usual, so a stale or missing stream can cost time, never a wrong index.
final class PretokenizedText: @unchecked Sendable {
    static let shared = PretokenizedText()

    private let lock = NSLock()
    /// Guarded by `lock`.
    private var pending: [TokenStream] = []

    /// Runs `insert` with `streams` offered to the tokenizer, and withdraws them afterwards.
    func offering<T>(_ streams: [TokenStream]?, _ insert: () throws -> T) rethrows -> T {
        guard let streams else { return try insert() }
        lock.withLock { pending = streams }
        defer { lock.withLock { pending.removeAll(keepingCapacity: true) } }
        return try insert()
    }

    /// The offered stream made from exactly `text`, taken out of the offer.
    func take(matching text: UnsafeBufferPointer<UInt8>) -> TokenStream? {
        lock.withLock {
            guard let index = pending.firstIndex(where: { $0.isSource(of: text) }) else { return nil }
            return pending.remove(at: index)
        }
    }
}
