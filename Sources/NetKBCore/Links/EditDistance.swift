/// Edit distance with a limit, for "did you mean" suggestions: Levenshtein's insertions,
/// deletions and substitutions, plus swaps of two neighbours (`tpc` → `tcp` is one edit).
///
/// ```swift
/// EditDistance.between("socket", "sokcet", limit: 2) // 1
/// EditDistance.between("socket", "tcp", limit: 2)    // nil: more than 2 edits
/// ```
public enum EditDistance {
    /// The number of scalar insertions, deletions, substitutions and swaps of neighbours turning
    /// `a` into `b` (optimal string alignment), or nil when it exceeds `limit`. Only a band of width `2 × limit + 1` is computed.
    public static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        // Rows i - 2, i - 1 and i of the table; cells outside the band hold `beyond`. Three
        // arrays of their own: with two made as copies of the first, Swift 6.3.1's optimizer
        // (its copy-on-write pass) miscompiled the rotation below in release builds, and no
        // distance was ever found.
        var twoBack = [Int](repeating: beyond, count: b.count + 1)
        var previous = [Int](repeating: beyond, count: b.count + 1)
        var current = [Int](repeating: beyond, count: b.count + 1)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var rowMinimum = current[low - 1]
            for j in low...high {
                var value = min(
                    previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1, beyond)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)  // Two neighbours swapped.
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = beyond }
            guard rowMinimum <= limit else { return nil }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }

    /// The candidate closest to `text` within a limit that grows with its length (1 edit from 3
    /// scalars, 2 from 6), comparing at most `maximumComparisons` candidates; ties go to the
    /// earlier candidate. Candidates equal to `text` are skipped.
    public static func closest(
        to text: String, among candidates: some Sequence<String>, maximumComparisons: Int = 5_000
    ) -> String? {
        closestPosition(
            to: text, among: candidates.lazy.map { (position: 0, name: $0) }, maximumComparisons: maximumComparisons
        )?.name
    }

    /// ``closest(to:among:maximumComparisons:)`` over candidates that carry a position of the
    /// caller's, which is given back with the candidate chosen.
    static func closestPosition(
        to text: String, among candidates: some Sequence<(position: Int, name: String)>, maximumComparisons: Int = 5_000
    ) -> (position: Int, name: String)? {
        let target = Array(text.unicodeScalars)
        let limit = Self.limit(forLength: target.count)
        guard limit > 0 else { return nil }
        var best: (position: Int, name: String, distance: Int)?
        var comparisons = 0
        for candidate in candidates {
            guard comparisons < maximumComparisons else { break }
            comparisons += 1
            let scalars = Array(candidate.name.unicodeScalars)
            guard scalars != target else { continue }
            let bound = best.map { $0.distance - 1 } ?? limit
            if let distance = between(target, scalars, limit: bound) {
                best = (candidate.position, candidate.name, distance)
                if distance == 1 { break }
            }
        }
        return best.map { ($0.position, $0.name) }
    }

    /// Edits allowed for a suggestion: a third of the length, at most 2.
    static func limit(forLength length: Int) -> Int {
        min(2, length / 3)
    }
}
