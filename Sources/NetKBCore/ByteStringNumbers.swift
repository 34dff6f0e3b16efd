/// Numbers byte strings 0, 1, 2, … in the order they are first given: an open-addressing hash
/// table over one buffer of their bytes. For texts that repeat by the ten thousand (the URLs,
/// sites and labels `refs` reads), where a `String` key is hashed with SipHash and compared by
/// Unicode canonical equivalence; here two texts are the same when their bytes are.
///
/// ```swift
/// var numbers = ByteStringNumbers()
/// numbers.number(of: bytesOfA)   // (0, isNew: true)
/// numbers.number(of: bytesOfB)   // (1, isNew: true)
/// numbers.number(of: bytesOfA)   // (0, isNew: false)
/// ```
public struct ByteStringNumbers {
    /// Every distinct string's bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where string n ends in `bytes` (it starts where string n - 1 ends).
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// In each used slot the hash's high half and the number + 1, 0 in a free one; a power of
    /// two, at most half used.
    private var slots: [UInt64]
    /// Mixed into every hash: drawn for each table, so that texts written to collide (a note of
    /// crafted URLs) cannot make every lookup walk the whole table. Numbers never depend on it.
    private let seed: UInt64

    public init() {
        slots = Array(repeating: 0, count: 64)
        seed = UInt64.random(in: .min ... .max)
    }

    /// How many distinct strings have been numbered.
    public var count: Int { ends.count }

    /// The number of `text`: the one it got before, or the next one (`isNew`).
    public mutating func number(of text: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(text, seed: seed)
        let high = hash & 0xFFFF_FFFF_0000_0000
        let (found, free): (Int?, Int) = slots.withUnsafeBufferPointer { slots in
            ends.withUnsafeBufferPointer { ends in
                bytes.withUnsafeBufferPointer { bytes in
                    let mask = slots.count - 1
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot] != 0 {
                        let entry = slots[slot]
                        if entry & 0xFFFF_FFFF_0000_0000 == high {
                            // The same hash: the same bytes?
                            let number = Int(entry & 0xFFFF_FFFF) - 1
                            let range = (number == 0 ? 0 : ends[number - 1])..<ends[number]
                            if range.count == text.count, ByteOrder.compare(bytes, range, text, 0..<text.count) == 0 {
                                return (number, slot)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                    return (nil, slot)
                }
            }
        }
        if let found { return (found, false) }
        let number = ends.count
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[free] = high | UInt64(number + 1)
        if 2 * ends.count > slots.count { grow() }
        return (number, true)
    }

    /// Twice the slots, every string placed again by its hash.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(number + 1)
        }
    }

    /// A 64-bit hash of the bytes, eight at a time (the last eight overlapping those before),
    /// starting from `seed`.
    static func hash(_ text: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = (seed ^ UInt64(text.count)) &* multiplier
        if let base = text.baseAddress {
            let raw = UnsafeRawPointer(base)
            if text.count < 8 {
                var word: UInt64 = 0
                for index in 0..<text.count { word |= UInt64(base[index]) << (8 * UInt64(index)) }
                hash = (hash ^ word) &* multiplier
            } else {
                var offset = 0
                while offset + 8 < text.count {
                    hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                    offset += 8
                }
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: text.count - 8, as: UInt64.self)) &* multiplier
            }
        }
        // Each product mixes bits only upwards: the high half is folded down.
        hash ^= hash >> 32
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ (hash >> 29)
    }
}
