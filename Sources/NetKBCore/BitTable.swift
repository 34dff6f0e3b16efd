/// A fixed number of bits, set one at a time and each tested with one load: the tables that
/// rule most word starts and tokens out before a dictionary walk or lookup.
struct BitTable: Sendable {
    private var words: [UInt64]

    /// A table of `bits` bits, all clear.
    init(bits: Int) {
        words = [UInt64](repeating: 0, count: (bits + 63) / 64)
    }

    mutating func insert(_ bit: Int) {
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    func contains(_ bit: Int) -> Bool {
        words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
