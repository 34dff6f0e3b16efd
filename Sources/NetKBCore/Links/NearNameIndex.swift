/// Names kept sorted forwards and backwards, so that "did you mean" looks only at the names
/// that share a beginning or an ending with what was typed: a bounded, fast search over any
/// number of names. A name with typos at both ends is not found; that is the price.
struct NearNameIndex: Sendable {
    /// The names, sorted.
    private let names: [String]
    /// Each name with its scalars reversed, sorted, and the name.
    private let reversed: [(key: String, name: String)]

    /// How many neighbours on each side of the typed name are compared, in each order.
    static let window = 64

    init(_ names: some Sequence<String>) {
        let unique = Array(Set(names))
        self.names = unique.sorted(by: ByteOrder.precedes)
        self.reversed = unique.map { (Self.reversedScalars($0), $0) }.sorted { ByteOrder.precedes($0.key, $1.key) }
    }

    /// The name closest to `text` by ``EditDistance``, if one is near enough.
    /// Ties go to the name first in byte order (for NFC text, the order of `String`'s `<`),
    /// found without sorting the candidates.
    func closest(to text: String) -> String? {
        let target = Array(text.unicodeScalars)
        let limit = EditDistance.limit(forLength: target.count)
        guard limit > 0 else { return nil }
        var best: (name: String, distance: Int)?
        func consider(_ candidate: String) {
            let scalars = Array(candidate.unicodeScalars)
            guard scalars != target, let distance = EditDistance.between(target, scalars, limit: best?.distance ?? limit) else { return }
            if let current = best, distance == current.distance, !candidate.utf8.lexicographicallyPrecedes(current.name.utf8) { return }
            best = (candidate, distance)
        }
        for candidate in Self.neighbours(of: text, in: names, key: { $0 }) { consider(candidate) }
        for entry in Self.neighbours(of: Self.reversedScalars(text), in: reversed, key: \.key) { consider(entry.name) }
        return best?.name
    }

    /// Up to ``window`` elements either side of where `key` would be inserted.
    private static func neighbours<Element>(of key: String, in sorted: [Element], key keyOf: (Element) -> String) -> ArraySlice<Element> {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if ByteOrder.precedes(keyOf(sorted[middle]), key) { low = middle + 1 } else { high = middle }
        }
        return sorted[max(0, low - window)..<min(sorted.count, low + window)]
    }

    private static func reversedScalars(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.reversed()))
    }
}
