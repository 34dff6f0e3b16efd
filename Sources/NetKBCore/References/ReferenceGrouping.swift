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

        init(_ first: CitedReference) {
            normalizedURL = first.normalizedURL
            domain = first.domain
            label = first.label
            description = first.description
            citations = [first]
        }

        mutating func add(_ citation: CitedReference) {
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
    public static func byTopic(_ citations: [CitedReference]) -> [Topic] {
        var topics: [Topic] = []
        /// The references of the current topic by normalised URL, once it has many.
        var seen: [String: Int] = [:]
        func known(_ url: String, in references: [Reference]) -> Int? {
            if references.count < 32 { return references.firstIndex { $0.normalizedURL == url } }
            if seen.isEmpty { for (position, reference) in references.enumerated() { seen[reference.normalizedURL] = position } }
            return seen[url]
        }
        for citation in citations {
            if let last = topics.last, last.line == citation.sectionLine, last.path == citation.path {
                // The same topic.
            } else {
                topics.append(Topic(
                    path: citation.path, line: citation.sectionLine, noteTitle: citation.noteTitle,
                    headingPath: citation.headingPath, references: []))
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
    public static func byDomain(_ citations: [CitedReference]) -> [Site] {
        var references: [Reference] = []
        var index: [String: Int] = [:]
        for citation in citations {
            if let last = references.indices.last, references[last].normalizedURL == citation.normalizedURL {
                references[last].add(citation)
            } else if !index.isEmpty || (references.last.map { citation.normalizedURL.utf8.lexicographicallyPrecedes($0.normalizedURL.utf8) } ?? false) {
                // Not in URL order: look the reference up.
                if index.isEmpty { for (position, reference) in references.enumerated() { index[reference.normalizedURL] = position } }
                if let known = index[citation.normalizedURL] {
                    references[known].add(citation)
                } else {
                    index[citation.normalizedURL] = references.count
                    references.append(Reference(citation))
                }
            } else {
                references.append(Reference(citation))
            }
        }
        var sites: [String: [Int]] = [:]
        for (position, reference) in references.enumerated() { sites[reference.domain, default: []].append(position) }
        return sites.map { domain, positions in
            let ordered = positions.sorted { a, b in
                let (countA, countB) = (references[a].citations.count, references[b].citations.count)
                return countA != countB ? countA > countB : references[a].normalizedURL < references[b].normalizedURL
            }
            return Site(domain: domain, references: ordered.map { references[$0] })
        }.sorted { a, b in
            a.references.count != b.references.count ? a.references.count > b.references.count
                : a.domain.utf8.lexicographicallyPrecedes(b.domain.utf8)
        }
    }

}
