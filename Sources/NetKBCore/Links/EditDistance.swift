/// Levenshtein distance with a limit, for "did you mean" suggestions.
///
/// ```swift
/// EditDistance.between("socket", "sokcet", limit: 2) // 2
/// EditDistance.between("socket", "tcp", limit: 2)    // nil: more than 2 edits
/// ```
public enum EditDistance {
    /// The number of scalar insertions, deletions and substitutions turning `a` into `b`, or nil
    /// when it exceeds `limit`. Only a band of width `2 × limit + 1` is computed.
    public static func between(_ a: String, _ b: String, limit: Int) -> Int? {
        between(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    static func between(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let beyond = limit + 1
        var previous = [Int](repeating: beyond, count: b.count + 1)
        var current = previous
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, beyond) : beyond
            var rowMinimum = current[low - 1]
            if low > high { return nil }
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                let value = min(substitution, previous[j] + 1, current[j - 1] + 1, beyond)
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if high < b.count { current[high + 1] = beyond }
            guard rowMinimum <= limit else { return nil }
            swap(&previous, &current)
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
        let target = Array(text.unicodeScalars)
        let limit = Self.limit(forLength: target.count)
        guard limit > 0 else { return nil }
        var best: (candidate: String, distance: Int)?
        var comparisons = 0
        for candidate in candidates {
            guard comparisons < maximumComparisons else { break }
            comparisons += 1
            let scalars = Array(candidate.unicodeScalars)
            guard scalars != target else { continue }
            let bound = best.map { $0.distance - 1 } ?? limit
            if let distance = between(target, scalars, limit: bound) {
                best = (candidate, distance)
                if distance == 1 { break }
            }
        }
        return best?.candidate
    }

    /// Edits allowed for a suggestion: a third of the length, at most 2.
    static func limit(forLength length: Int) -> Int {
        min(2, length / 3)
    }
}
