import Foundation

/// FTS5's `bm25()` computed from ``PhraseFrequencies``: the same formula, constants and order
/// of floating-point operations, so that each rank equals the one `bm25()` gives bit for bit
/// (tested against it).
///
/// The rows that hold a phrase are counted among the rows recorded, which is exact when those
/// are every row that holds any phrase of the expression.
struct BM25 {
    static let k1 = 1.2
    static let b = 0.75

    private let frequencies: PhraseFrequencies
    /// Each phrase's inverse document frequency.
    private let idf: [Double]
    /// The table's mean row size in tokens.
    private let averageSize: Double

    init(_ frequencies: PhraseFrequencies) {
        self.frequencies = frequencies
        let rows = frequencies.tableRows
        idf = frequencies.rowsHolding.map { hit in
            // log((N - n + 0.5) / (n + 0.5)), at least 1e-6: a phrase in more than half the
            // rows would otherwise count against a row.
            let value = log((Double(rows - hit) + 0.5) / (Double(hit) + 0.5))
            return value <= 0.0 ? 1e-6 : value
        }
        averageSize = Double(frequencies.tableTokens) / Double(rows)
    }

    /// The bm25 value of the `row`th ranked row (see ``PhraseFrequencies/ranked``), whose size
    /// was read with it: lower is better, as FTS5 has it.
    func value(ofRow row: Int) -> Double {
        value(ofRow: row, size: frequencies.ranked[row].size)
    }

    /// The bm25 value of the `row`th ranked row were its size `size` tokens. bm25 is worse
    /// (higher) the longer the row, operation by operation in floating point too, so with
    /// `size` 0 this is a bound no size can beat.
    func value(ofRow row: Int, size: Int) -> Double {
        let phrases = idf.count
        let size = Double(size)
        var score = 0.0
        for phrase in 0..<phrases {
            let frequency = frequencies.weighted[row * phrases + phrase]
            score += idf[phrase] * ((frequency * (Self.k1 + 1.0)) / (frequency + Self.k1 * (1 - Self.b + Self.b * size / averageSize)))
        }
        return -1.0 * score
    }
}
