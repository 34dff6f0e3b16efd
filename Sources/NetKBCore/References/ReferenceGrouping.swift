/// Turns the citations the index returns (in path and line order) into what `netkb refs`
/// shows: references per topic, or per site. Both de-duplicate by normalised URL, keeping every
/// citation; a reference's label and description are the first that any citation has.
///
/// ```swift
/// let topics = ReferenceGrouping.byTopic(citations)
/// topics[0].headingPath          // ["TCP Handshake", "4 Way Handshake - TCP 해제"]
/// topics[0].references.count     // 8
/// ```
public enum ReferenceGrouping {
    /// One reference with every place that cites it.
    public struct Reference: Hashable, Sendable {
        public var normalizedURL: String
        public var domain: String
        public var label: String?
        public var description: String?
        /// In the order given; never empty.
        public var citations: [CitedReference]

        /// The URL as first written.
        public var url: String { citations[0].url }

        init(_ first: consuming CitedReference) {
            normalizedURL = first.normalizedURL
            domain = first.domain
            label = first.label
            description = first.description
            citations = [first]
        }

        mutating func add(_ citation: consuming CitedReference) {
            if label == nil { label = citation.label }
            if description == nil { description = citation.description }
            citations.append(citation)
        }
    }

    /// A section that cites references.
    public struct Topic: Hashable, Sendable {
        public var path: String
        public var line: Int
        public var noteTitle: String
        public var headingPath: [String]
        public var references: [Reference]

        public var heading: String { headingPath.last ?? noteTitle }
    }

    /// The references of one site.
    public struct Site: Hashable, Sendable {
        public var domain: String
        public var references: [Reference]
        public var citationCount: Int { references.reduce(0) { $0 + $1.citations.count } }
    }

    /// Topics in the order their first citation comes, each reference once per topic.
    /// `citations` are in path and line order, as the index returns them, so each topic's
    /// citations come together (a section is a range of lines) and no lookup is needed.
    /// The citations are moved into the references, not copied: give the array up (`consume`).
    public static func byTopic(_ citations: consuming [CitedReference]) -> [Topic] {
        var topics: [Topic] = []
        /// The references of the current topic by normalised URL, once it has many.
        var seen: [String: Int] = [:]
        func known(_ url: String, in references: [Reference]) -> Int? {
            if references.count < 32 { return references.firstIndex { $0.normalizedURL == url } }
            if seen.isEmpty { for (position, reference) in references.enumerated() { seen[reference.normalizedURL] = position } }
            return seen[url]
        }
        // Taken off the end of the reversed array, each citation is moved, not copied.
        citations.withUnsafeMutableBufferPointer { $0.reverse() }
        while let citation = citations.popLast() {
            if let last = topics.indices.last, topics[last].line == citation.sectionLine, topics[last].path == citation.path {
                // The same topic.
            } else {
                // Room for a few references: most topics cite one to four.
                var references: [Reference] = []
                references.reserveCapacity(4)
                topics.append(Topic(
                    path: citation.path, line: citation.sectionLine, noteTitle: citation.noteTitle,
                    headingPath: citation.headingPath, references: references))
                seen.removeAll(keepingCapacity: true)
            }
            let current = topics.count - 1
            if let position = known(citation.normalizedURL, in: topics[current].references) {
                topics[current].references[position].add(citation)
            } else {
                if !seen.isEmpty { seen[citation.normalizedURL] = topics[current].references.count }
                topics[current].references.append(Reference(citation))
            }
        }
        return topics
    }

    /// Sites with the most references first (then by name), their references most cited first
    /// (then by normalised URL). `citations` come in path and line order, as the index returns
    /// them, and so does each reference's list; a run of citations of one URL needs no lookup.
    /// The citations are moved into the references, not copied: give the array up (`consume`).
    public static func byDomain(_ citations: consuming [CitedReference]) -> [Site] {
        var references: [Reference] = []
        /// Each reference's site, a position in `domains`.
        var referenceSites: [Int] = []
        /// Each site's name, as its first reference has it.
        var domains: [String] = []
        var sitesByDomain: [String: Int] = [:]
        /// References by normalised URL, once citations come out of URL order; and what it
        /// answered for each URL's bytes, so that a URL spelt as before is found by them.
        var index: [String: Int] = [:]
        var spellings = ByteStringNumbers()
        var spellingReferences: [Int] = []
        /// Sites by their names' bytes, as `sitesByDomain` answered.
        var domainSpellings = ByteStringNumbers()
        var spellingSites: [Int] = []
        let total = citations.count
        // Taken off the end of the reversed array, each citation is moved, not copied.
        citations.withUnsafeMutableBufferPointer { $0.reverse() }
        while let citation = citations.popLast() {
            if let last = references.indices.last, references[last].normalizedURL == citation.normalizedURL {
                references[last].add(citation)
                continue
            }
            if index.isEmpty, let last = references.last,
               citation.normalizedURL.utf8.lexicographicallyPrecedes(last.normalizedURL.utf8) {
                // Not in URL order: from now on, look each reference up.
                index.reserveCapacity(total)
                for (position, reference) in references.enumerated() { index[reference.normalizedURL] = position }
            }
            if !index.isEmpty {
                let count = references.count
                let spelling = Self.withUTF8(citation.normalizedURL) { spellings.number(of: $0) }
                let position: Int
                if spelling.isNew {
                    // One lookup, which adds the URL when it is new; the strings' equality decides.
                    position = Self.value(&index[citation.normalizedURL, default: count])
                    spellingReferences.append(position)
                } else {
                    position = spellingReferences[spelling.number]
                }
                if position < count {
                    references[position].add(citation)
                    continue
                }
            }
            let domain = citation.domain
            references.append(Reference(citation))
            // A site is mostly the last reference's; else it is looked up, or new.
            if let last = referenceSites.last, domains[last] == domain {
                referenceSites.append(last)
            } else {
                let spelling = Self.withUTF8(domain) { domainSpellings.number(of: $0) }
                if spelling.isNew {
                    let site = Self.value(&sitesByDomain[domain, default: domains.count])
                    if site == domains.count { domains.append(domain) }
                    spellingSites.append(site)
                }
                referenceSites.append(spellingSites[spelling.number])
            }
        }
        return sites(&references, sites: referenceSites, domains: domains)
    }

    /// What orders a site's references: citations, then the normalised URL's bytes.
    private struct SortKey {
        var citations: Int
        /// Where the URL's bytes are in the list of them all.
        var url: Range<Int>
        var isASCII: Bool
    }

    /// What a dictionary's `subscript(_:default:)` yields: one hash finds the key or adds it.
    private static func value(_ slot: inout Int) -> Int { slot }

    /// `body` given the UTF-8 bytes of `text`.
    private static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// `references` (left empty) gathered into their sites (`referenceSites[i]` is the position
    /// in `domains` of reference i's site), in the order ``byDomain(_:)`` gives: they are moved,
    /// not copied.
    private static func sites(_ references: inout [Reference], sites referenceSites: [Int], domains: [String]) -> [Site] {
        // Sites in order: most references first, then by name.
        var sizes = [Int](repeating: 0, count: domains.count)
        for site in referenceSites { sizes[site] += 1 }
        let siteOrder = domains.indices.sorted { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : domains[a].utf8.lexicographicallyPrecedes(domains[b].utf8)
        }
        // The references' positions, site after site, each site's in the order they came.
        var starts = [Int](repeating: 0, count: domains.count + 1)
        var rank = [Int](repeating: 0, count: domains.count)
        for (place, site) in siteOrder.enumerated() {
            rank[site] = place
            starts[place + 1] = starts[place] + sizes[site]
        }
        var order = [Int](repeating: 0, count: references.count)
        var next = starts
        for (position, site) in referenceSites.enumerated() {
            order[next[rank[site]]] = position
            next[rank[site]] += 1
        }
        // Within a site, most cited first, then by normalised URL: by bytes when both are ASCII
        // (the strings' own order then), else as strings compare.
        var keys: [SortKey] = []
        var urlBytes: [UInt8] = []
        keys.reserveCapacity(references.count)
        for reference in references {
            let start = urlBytes.count
            urlBytes.append(contentsOf: reference.normalizedURL.utf8)
            keys.append(SortKey(
                citations: reference.citations.count, url: start..<urlBytes.count,
                isASCII: !urlBytes[start...].contains { $0 >= 0x80 }))
        }
        urlBytes.withUnsafeBufferPointer { bytes in
            keys.withUnsafeBufferPointer { keys in
                for place in siteOrder.indices {
                    order[starts[place]..<starts[place + 1]].sort { a, b in
                        let (first, second) = (keys[a], keys[b])
                        if first.citations != second.citations { return first.citations > second.citations }
                        guard first.isASCII, second.isASCII else { return references[a].normalizedURL < references[b].normalizedURL }
                        return ByteOrder.compare(bytes, first.url, bytes, second.url) < 0
                    }
                }
            }
        }
        // References moved into that order, then off the end site by site.
        InPlacePermutation.apply(order, to: &references)
        var sites: [Site] = []
        sites.reserveCapacity(siteOrder.count)
        for place in siteOrder.indices.reversed() {
            var list: [Reference] = []
            list.reserveCapacity(starts[place + 1] - starts[place])
            for _ in starts[place]..<starts[place + 1] { list.append(references.removeLast()) }
            list.withUnsafeMutableBufferPointer { $0.reverse() }
            sites.append(Site(domain: domains[siteOrder[place]], references: list))
        }
        sites.reverse()
        return sites
    }
}
