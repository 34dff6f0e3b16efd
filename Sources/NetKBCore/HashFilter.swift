/// A set of 64-bit hashes that rules most others out with one bit test, before a dictionary
/// lookup: a bit per value of a hash's top ten bits.
///
/// A snippet's scan looks each token of the text up among the query's few tokens, and nearly
/// every lookup misses; through this filter a miss costs a shift and a load instead of hashing
/// the key again for the dictionary.
struct HashFilter: Sendable {
    private var bits = BitTable(bits: 1024)

    init(_ hashes: some Sequence<UInt64>) {
        for hash in hashes { bits.insert(Self.bit(hash)) }
    }

    /// False when `hash` is surely not one of the set's; true when it may be.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        bits.contains(Self.bit(hash))
    }

    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 54)
    }
}
