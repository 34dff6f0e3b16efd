import Foundation

/// A ``NearNameIndex`` built the first time a suggestion is asked for: most runs resolve every
/// link without one, and sorting every name of a large vault forwards and backwards costs more
/// than resolving a few links. The names themselves are made only then.
final class LazyNearNameIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var names: (@Sendable () -> [String])?
    private var index: NearNameIndex?

    /// An index of the names `names` makes, when first needed.
    init(_ names: @escaping @Sendable () -> [String]) {
        self.names = names
    }

    /// The name closest to `text`, as ``NearNameIndex/closest(to:)`` finds it.
    func closest(to text: String) -> String? {
        lock.lock()
        if index == nil, let names {
            index = NearNameIndex(names())
            self.names = nil
        }
        let built = index!
        lock.unlock()
        return built.closest(to: text)
    }
}
