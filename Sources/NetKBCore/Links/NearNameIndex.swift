/// Names kept sorted forwards and backwards, so that "did you mean" looks only at the names
/// that share a beginning or an ending with what was typed: a bounded, fast search over any
/// number of names. A name with typos at both ends is not found; that is the price.
struct NearNameIndex: Sendable {
    /// A name with its length in Unicode scalars, which rules most neighbours out before any
    /// of their scalars are read.
    private struct Entry: Sendable {
        var key: String
        var name: String
        var length: Int
    }

    /// The names, sorted.
    private let names: [Entry]
    /// Each name with its scalars reversed (`key`), sorted by that.
    private let reversed: [Entry]

    /// How many neighbours on each side of the typed name are compared, in each order.
    static let window = 64

    init(_ names: some Sequence<String>) {
        let unique = Array(Set(names))
        self.names = unique.map { Entry(key: $0, name: $0, length: $0.unicodeScalars.count) }
            .sorted { ByteOrder.precedes($0.key, $1.key) }
        self.reversed = self.names.map { Entry(key: Self.reversedScalars($0.name), name: $0.name, length: $0.length) }
            .sorted { ByteOrder.precedes($0.key, $1.key) }
    }

    /// The name closest to `text` by ``EditDistance``, if one is near enough.
    /// Ties go to the name first in byte order (for NFC text, the order of `String`'s `<`),
    /// found without sorting the candidates.
    func closest(to text: String) -> String? {
        let target = Array(text.unicodeScalars)
        let limit = EditDistance.limit(forLength: target.count)
        guard limit > 0 else { return nil }
        var best: (name: String, distance: Int)?
        var scalars: [Unicode.Scalar] = []
        func consider(_ candidate: Entry) {
            // More scalars apart than edits allowed: farther than the best so far, unread.
            guard abs(candidate.length - target.count) <= (best?.distance ?? limit) else { return }
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: candidate.name.unicodeScalars)
            guard scalars != target, let distance = EditDistance.between(target, scalars, limit: best?.distance ?? limit) else { return }
            if let current = best, distance == current.distance, !candidate.name.utf8.lexicographicallyPrecedes(current.name.utf8) { return }
            best = (candidate.name, distance)
        }
        for candidate in Self.neighbours(of: text, in: names) { consider(candidate) }
        for candidate in Self.neighbours(of: Self.reversedScalars(text), in: reversed) { consider(candidate) }
        return best?.name
    }

    /// Up to ``window`` entries either side of where `key` would be inserted.
    private static func neighbours(of key: String, in sorted: [Entry]) -> ArraySlice<Entry> {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.precedes(sorted[middle].key, key) { low = middle + 1 } else { high = middle }
        }
        return sorted[max(0, low - window)..<min(sorted.count, low + window)]
    }

    private static func reversedScalars(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.reversed()))
    }
}
