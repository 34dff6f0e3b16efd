/// A set of 64-bit hashes that rules most others out with one bit test, before a dictionary
/// lookup: a bit per value of a hash's top ten bits.
///
/// A snippet's scan looks each token of the text up among the query's few tokens, and nearly
/// every lookup misses; through this filter a miss costs a shift and a load instead of hashing
/// the key again for the dictionary.
struct HashFilter: Sendable {
    private var words = [UInt64](repeating: 0, count: 16)

    init(_ hashes: some Sequence<UInt64>) {
        for hash in hashes {
            let bit = Int(truncatingIfNeeded: hash >> 54)
            words[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// False when `hash` is surely not one of the set's; true when it may be.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: hash >> 54)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
