/// Every spelling of every concept in one byte trie, built once: the matcher walks it from each
/// word start of a text and never loops over concepts.
///
/// Keys are spellings in ``ConceptSpelling`` normal form with ASCII lower-cased; each node that
/// ends a spelling lists its terms, which carry what the match still has to check (the exact
/// case of an abbreviation, the end of the word).
struct ConceptDictionary: Sendable {
    /// One spelling of one concept (or an excluded word, whose concept is -1).
    struct Term: Sendable {
        var concept: Int32
        /// The spelling with its case, for abbreviations, which must match it exactly; nil for
        /// names, which match in any case.
        var exact: [UInt8]?
        /// The spelling ends with an ASCII letter or digit, so the next character must not
        /// continue the word.
        var endsInWord: Bool
        /// An all-capital abbreviation of three letters or more, which may run on into
        /// lower-case letters: `SYNchronize`, `ACKnowledgement`.
        var runsIntoLowercase: Bool

        var isAbbreviation: Bool { exact != nil }
    }

    /// The root's children for every byte; -1 for none.
    private let rootChildren: [Int32]
    /// For node n: its edges are `edgeBytes[edgeStart[n]..<edgeStart[n + 1]]`, sorted.
    private let edgeStart: [Int32]
    private let edgeBytes: [UInt8]
    private let edgeChildren: [Int32]
    /// For node n: its terms are `terms[termStart[n]..<termStart[n + 1]]`.
    private let termStart: [Int32]
    let terms: [Term]
    /// The longest key, in bytes.
    let longestKey: Int
    /// Bit `first << 8 | second` is set when some key starts with those two bytes, or is the
    /// one byte `first` alone: most word starts are ruled out by one lookup, without a walk.
    private let openings: BitTable
    /// Longer openings, for the word starts the two bytes let through (a Hangul syllable's
    /// first two bytes are shared by 64 syllables): bit ``prefixBit(_:count:)`` of the first
    /// ``shortPrefix`` bytes of each key of ``shortPrefix`` to ``longPrefix`` - 1 bytes, and of
    /// the first ``longPrefix`` bytes of each longer key.
    private let prefixes: BitTable
    /// Bit `first << 8 | second` for each key shorter than ``shortPrefix`` bytes (`IP`), as in
    /// ``openings``: the word starts that such a key may match.
    private let tinyOpenings: BitTable
    /// Whether ``mayStart(prefix:count:)`` checks the longer openings; false lets every start
    /// that passes the two bytes through (tests compare the two).
    var checksPrefixes = true
    static let shortPrefix = 3
    static let longPrefix = 6
    static let prefixBits = 1 << 16
    /// For each concept, the concepts related to it either way, sorted.
    private let related: [[Int32]]

    init(taxonomy: Taxonomy) {
        // Every key with its term, in the taxonomy's order; the trie is built from them sorted
        // (see below), without looking an edge up by parent and byte.
        var keyed: [(key: [UInt8], term: Term)] = []
        func insert(_ key: [UInt8], _ term: Term) {
            keyed.append((key, term))
        }

        func add(_ spelling: String, concept: Int32, exactCase: Bool) {
            for variant in ConceptSpelling.variants(of: ConceptSpelling.normalized(spelling)) {
                let bytes = Array(variant.utf8)
                guard let last = bytes.last else { continue }
                let letters = bytes.filter { $0 != 0x20 }
                let runsIntoLowercase = exactCase && letters.count >= 3
                    && letters.allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
                let term = Term(
                    concept: concept,
                    exact: exactCase ? bytes : nil,
                    endsInWord: ConceptDictionary.isWordByte(last),
                    runsIntoLowercase: runsIntoLowercase
                )
                insert(bytes.map(ConceptSpelling.lowercased), term)
            }
        }

        for (index, concept) in taxonomy.concepts.enumerated() {
            let id = Int32(index)
            add(concept.name, concept: id, exactCase: false)
            for name in concept.koreanNames + concept.aliases { add(name, concept: id, exactCase: false) }
            for abbreviation in concept.abbreviations { add(abbreviation, concept: id, exactCase: true) }
            for word in concept.excludes { add(word, concept: -1, exactCase: false) }
        }

        var indexByID: [String: Int32] = [:]
        for (index, concept) in taxonomy.concepts.enumerated() { indexByID[concept.id] = Int32(index) }
        var related = [Set<Int32>](repeating: [], count: taxonomy.concepts.count)
        for (index, concept) in taxonomy.concepts.enumerated() {
            for id in concept.related {
                guard let other = indexByID[id] else { continue }
                related[index].insert(other)
                related[Int(other)].insert(Int32(index))
            }
        }
        self.related = related.map { $0.sorted() }

        // Keys in byte order (a key's terms in the taxonomy's order): each key makes the nodes of
        // the bytes past what it shares with the one before, so nodes come in depth-first order
        // and each node's edges in byte order.
        let order = keyed.indices.sorted { a, b in
            keyed[a].key.lexicographicallyPrecedes(keyed[b].key) || (keyed[a].key == keyed[b].key && a < b)
        }
        var edges: [(parent: Int32, byte: UInt8, child: Int32)] = []
        var nodeTerms: [[Term]] = [[]]
        var longest = 0
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for index in order {
            let key = keyed[index].key
            var shared = 0
            while shared < min(key.count, previous.count), key[shared] == previous[shared] { shared += 1 }
            path.removeLast(path.count - shared - 1)
            for byte in key[shared...] {
                let child = Int32(nodeTerms.count)
                nodeTerms.append([])
                edges.append((path[path.count - 1], byte, child))
                path.append(child)
            }
            nodeTerms[Int(path[path.count - 1])].append(keyed[index].term)
            longest = max(longest, key.count)
            previous = key
        }
        // Edges grouped by parent, each parent's in byte order as made.
        var childCount = [Int32](repeating: 0, count: nodeTerms.count + 1)
        for edge in edges { childCount[Int(edge.parent) + 1] += 1 }
        for node in 0..<nodeTerms.count { childCount[node + 1] += childCount[node] }
        var grouped = edges
        var slot = childCount
        for edge in edges {
            grouped[Int(slot[Int(edge.parent)])] = edge
            slot[Int(edge.parent)] += 1
        }
        edges = grouped
        var rootChildren = [Int32](repeating: -1, count: 256)
        var edgeStart: [Int32] = []
        var edgeBytes: [UInt8] = []
        var edgeChildren: [Int32] = []
        var termStart: [Int32] = []
        var terms: [Term] = []
        var next = 0
        for node in nodeTerms.indices {
            edgeStart.append(Int32(edgeBytes.count))
            while next < edges.count, edges[next].parent == node {
                edgeBytes.append(edges[next].byte)
                edgeChildren.append(edges[next].child)
                if node == 0 { rootChildren[Int(edges[next].byte)] = edges[next].child }
                next += 1
            }
            termStart.append(Int32(terms.count))
            terms.append(contentsOf: nodeTerms[node])
        }
        edgeStart.append(Int32(edgeBytes.count))
        termStart.append(Int32(terms.count))

        var openings = BitTable(bits: 1 << 16)
        for edge in Int(edgeStart[0])..<Int(edgeStart[1]) {
            let first = edgeBytes[edge]
            let child = Int(edgeChildren[edge])
            let pairs: [UInt8] = nodeTerms[child].isEmpty ? Array(edgeBytes[Int(edgeStart[child])..<Int(edgeStart[child + 1])]) : Array(0...255)
            for second in pairs { openings.insert(Int(first) << 8 | Int(second)) }
        }
        self.openings = openings
        var prefixes = BitTable(bits: Self.prefixBits)
        var tinyOpenings = BitTable(bits: 1 << 16)
        var key: [UInt8] = []
        func collect(_ node: Int) {
            if !nodeTerms[node].isEmpty {
                if key.count < Self.shortPrefix {
                    for second in key.count == 2 ? [key[1]] : Array(0...255) { tinyOpenings.insert(Int(key[0]) << 8 | Int(second)) }
                } else if key.count < Self.longPrefix {
                    prefixes.insert(Self.prefixBit(key[0..<Self.shortPrefix], count: Self.shortPrefix))
                }
            }
            if key.count == Self.longPrefix {
                prefixes.insert(Self.prefixBit(key[...], count: Self.longPrefix))
                return
            }
            for edge in Int(edgeStart[node])..<Int(edgeStart[node + 1]) {
                key.append(edgeBytes[edge])
                collect(Int(edgeChildren[edge]))
                key.removeLast()
            }
        }
        collect(0)
        self.prefixes = prefixes
        self.tinyOpenings = tinyOpenings
        self.rootChildren = rootChildren
        self.edgeStart = edgeStart
        self.edgeBytes = edgeBytes
        self.edgeChildren = edgeChildren
        self.termStart = termStart
        self.terms = terms
        self.longestKey = longest
    }

    /// Whether some key can start with `first` then `second` (both as keys spell them:
    /// lower case, separators as one space).
    @inline(__always)
    func mayStart(_ first: UInt8, _ second: UInt8) -> Bool {
        openings.contains(Int(first) << 8 | Int(second))
    }

    /// Whether some key may start with `prefix`, the first bytes of the text at a word start
    /// as keys spell them (lower case, separators as one space): `count` of them, fewer only
    /// where the text ends. False rules the start out; true may still find nothing.
    @inline(__always)
    func mayStart(prefix: UInt64, count: Int) -> Bool {
        guard checksPrefixes else { return true }
        // No nested function here: it would copy this struct at every start.
        let pair = Int(prefix & 0xFF) << 8 | Int(count >= 2 ? prefix >> 8 & 0xFF : 0)
        if tinyOpenings.contains(pair) { return true }
        guard count >= Self.shortPrefix else { return false }
        if prefixes.contains(Self.prefixBit(prefix, count: Self.shortPrefix)) { return true }
        guard count >= Self.longPrefix else { return false }
        return prefixes.contains(Self.prefixBit(prefix, count: Self.longPrefix))
    }

    /// The bit of the first `count` bytes of a key or text, packed first byte lowest.
    @inline(__always)
    static func prefixBit(_ packed: UInt64, count: Int) -> Int {
        let bytes = count >= 8 ? packed : packed & ((1 << UInt64(8 * count)) - 1)
        return Int(truncatingIfNeeded: (bytes &* 0x9E37_79B9_7F4A_7C15) >> 48) & (prefixBits - 1)
    }

    static func prefixBit(_ key: ArraySlice<UInt8>, count: Int) -> Int {
        var packed: UInt64 = 0
        for (offset, byte) in key.prefix(count).enumerated() { packed |= UInt64(byte) << UInt64(8 * offset) }
        return prefixBit(packed, count: count)
    }

    /// The node reached from `node` by `byte`, or -1.
    @inline(__always)
    func child(of node: Int32, byte: UInt8) -> Int32 {
        if node == 0 { return rootChildren[Int(byte)] }
        var low = Int(edgeStart[Int(node)])
        var high = Int(edgeStart[Int(node) + 1])
        while low < high {
            let middle = (low + high) >> 1
            let value = edgeBytes[middle]
            if value == byte { return edgeChildren[middle] }
            if value < byte { low = middle + 1 } else { high = middle }
        }
        return -1
    }

    /// The indices into ``terms`` of the terms that end at `node`.
    @inline(__always)
    func termRange(at node: Int32) -> Range<Int> {
        Int(termStart[Int(node)])..<Int(termStart[Int(node) + 1])
    }

    /// Whether two concepts are related, in either direction.
    func areRelated(_ first: Int32, _ second: Int32) -> Bool {
        related[Int(first)].contains(second)
    }

    /// An ASCII letter or digit: the bytes that make up a Latin word.
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
