/// Positions in a list, found by a key made from each element (a lower-cased path or name)
/// without keeping the keys: only each key's hash is kept, in a sorted array. The caller
/// confirms a candidate by making its key again, so a lookup gives what a `[String: [Int]]`
/// would (`String` hashing and `==` agree on canonically equivalent text), in a fraction of the
/// memory: a vault of 100,000 notes would otherwise keep 100,000 more strings per table.
///
/// ```swift
/// let paths = ["net/TCP.md", "net/tcp.md", "os/Socket.md"]
/// let index = KeyHashIndex(paths.indices.map { (paths[$0].lowercased(), $0) })
/// index.positions(for: "net/tcp.md") { paths[$0].lowercased() == $1 } // [0, 1]
/// ```
struct KeyHashIndex: Sendable {
    /// The keys' hashes, sorted.
    private let hashes: [Int]
    /// The position of each hash's element; positions of equal hashes in increasing order.
    private let positions: [Int32]

    /// An index of these keys and the positions they stand for.
    init(_ entries: [(key: String, position: Int)]) {
        let sorted = entries.map { (hash: $0.key.hashValue, position: Int32($0.position)) }.sorted {
            ($0.hash, $0.position) < ($1.hash, $1.position)
        }
        hashes = sorted.map(\.hash)
        positions = sorted.map(\.position)
    }

    /// The positions whose key is `key`, in increasing order, each once: `isKey(position, key)`
    /// says whether a candidate's key is really `key` rather than a key with the same hash.
    func positions(for key: String, where isKey: (Int, String) -> Bool) -> [Int] {
        let hash = key.hashValue
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        var found: [Int] = []
        var index = low
        while index < hashes.count, hashes[index] == hash {
            let position = Int(positions[index])
            if found.last != position, isKey(position, key) { found.append(position) }
            index += 1
        }
        return found
    }
}
