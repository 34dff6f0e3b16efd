import NetKBTestSupport
import Testing
@testable import NetKBCore

@Suite struct ReferenceGroupingTests {
    func cite(_ path: String, _ line: Int, section: Int, _ heading: [String], _ url: String, label: String? = nil, description: String? = nil) -> CitedReference {
        let normalized = URLNormalizer.normalize(url)!
        return CitedReference(
            path: path, noteTitle: "note", line: line, column: 3, sectionLine: section, headingPath: heading, url: url,
            normalizedURL: normalized.normalized, domain: normalized.domain, label: label, description: description)
    }

    var citations: [CitedReference] {
        [
            cite("a.md", 5, section: 1, ["OSI"], "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PL1", description: "쉬운코드 시리즈"),
            cite("a.md", 6, section: 1, ["OSI"], "https://youtu.be/oFKYzp6gGfc?si=x"),
            cite("a.md", 7, section: 1, ["OSI"], "https://en.wikipedia.org/wiki/OSI_model", label: "OSI model"),
            cite("a.md", 12, section: 10, ["IP"], "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PL1&index=3"),
            cite("b.md", 2, section: 1, ["B"], "https://m.wikipedia.org/wiki/TCP", description: "TCP"),
        ]
    }

    @Test func topicsListEachReferenceOnceWithEveryCitation() {
        let topics = ReferenceGrouping.byTopic(citations)
        #expect(topics.map(\.heading) == ["OSI", "IP", "B"])
        #expect(topics[0].references.map(\.normalizedURL) == ["https://youtube.com/watch?v=oFKYzp6gGfc", "https://en.wikipedia.org/wiki/OSI_model"])
        #expect(topics[0].references[0].citations.map(\.url) == ["https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PL1", "https://youtu.be/oFKYzp6gGfc?si=x"])
        #expect(topics[0].references[0].url == "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PL1")
        #expect(topics[0].references[0].description == "쉬운코드 시리즈")
        #expect(topics[0].references[1].label == "OSI model")
    }

    @Test func aLaterCitationInTheSameTopicJoinsItsReference() {
        var list = citations
        list.insert(cite("a.md", 8, section: 1, ["OSI"], "https://youtu.be/oFKYzp6gGfc", label: "late label"), at: 3)
        let topics = ReferenceGrouping.byTopic(list)
        #expect(topics.count == 3)
        #expect(topics[0].references[0].citations.count == 3)
        #expect(topics[0].references[0].label == "late label", "the first label any citation has")
    }

    @Test func manyReferencesInOneTopic() {
        let list = (0..<100).map { cite("a.md", 2 + $0 % 50, section: 1, ["Links"], "https://site\($0 % 50).com/") }
        let topics = ReferenceGrouping.byTopic(list)
        #expect(topics.count == 1 && topics[0].references.count == 50)
        #expect(topics[0].references.allSatisfy { $0.citations.count == 2 })
    }

    @Test func sitesCountReferencesAndCitations() {
        let sites = ReferenceGrouping.byDomain(citations)
        #expect(sites.map(\.domain) == ["wikipedia.org", "youtube.com"])
        #expect(sites.map(\.references.count) == [2, 1])
        #expect(sites.map(\.citationCount) == [2, 3])
        let video = sites[1].references[0]
        #expect(video.citations.map(\.headingPath) == [["OSI"], ["OSI"], ["IP"]])
    }

    /// The grouping by site as it was first written (a dictionary of sites, references copied
    /// into them and sorted as strings): the faster one must give the same sites, byte for byte.
    static func plainByDomain(_ citations: [CitedReference]) -> [ReferenceGrouping.Site] {
        var references: [ReferenceGrouping.Reference] = []
        var index: [String: Int] = [:]
        for citation in citations {
            if let last = references.indices.last, references[last].normalizedURL == citation.normalizedURL {
                references[last].add(citation)
            } else if !index.isEmpty || (references.last.map { citation.normalizedURL.utf8.lexicographicallyPrecedes($0.normalizedURL.utf8) } ?? false) {
                if index.isEmpty { for (position, reference) in references.enumerated() { index[reference.normalizedURL] = position } }
                if let known = index[citation.normalizedURL] {
                    references[known].add(citation)
                } else {
                    index[citation.normalizedURL] = references.count
                    references.append(ReferenceGrouping.Reference(citation))
                }
            } else {
                references.append(ReferenceGrouping.Reference(citation))
            }
        }
        var sites: [String: [Int]] = [:]
        for (position, reference) in references.enumerated() { sites[reference.domain, default: []].append(position) }
        return sites.map { domain, positions in
            let ordered = positions.sorted { a, b in
                let (countA, countB) = (references[a].citations.count, references[b].citations.count)
                return countA != countB ? countA > countB : references[a].normalizedURL < references[b].normalizedURL
            }
            return ReferenceGrouping.Site(domain: domain, references: ordered.map { references[$0] })
        }.sorted { a, b in
            a.references.count != b.references.count ? a.references.count > b.references.count
                : a.domain.utf8.lexicographicallyPrecedes(b.domain.utf8)
        }
    }

    /// Everything a site list shows, as bytes: strings that are equal but written differently
    /// (é as one scalar or two) must come out as they went in.
    static func bytes(_ sites: [ReferenceGrouping.Site]) -> [[UInt8]] {
        func field(_ text: String?) -> [UInt8] { text.map { Array($0.utf8) + [0] } ?? [1] }
        return sites.map { site in
            var bytes = field(site.domain)
            for reference in site.references {
                bytes += field(reference.normalizedURL) + field(reference.domain) + field(reference.label) + field(reference.description)
                for citation in reference.citations {
                    bytes += field(citation.path) + field(String(citation.line)) + field(citation.url) + field(citation.normalizedURL)
                }
            }
            return bytes
        }
    }

    @Test(arguments: 0..<8)
    func sitesAgreeWithThePlainGroupingOnRandomCitations(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        // Few sites and URLs, so that they repeat; some not ASCII, some equal to another but
        // for how é is written, some URLs of one site filed under two spellings of its domain.
        let domains = ["a.com", "b.org", "café.fr", "cafe\u{301}.fr", "위키.kr", "youtube.com"]
        let paths = ["https://", "https://x/", "https://x/é", "https://x/e\u{301}", "https://x/소켓", "https://x/a?b=1", "https://x/b"]
        let labels: [String?] = [nil, nil, "label", "라벨", "é"]
        for _ in 0..<200 {
            var citations: [CitedReference] = []
            for line in 0..<Int.random(in: 0...120, using: &random) {
                let domain = domains.randomElement(using: &random)!
                let url = paths.randomElement(using: &random)! + "\(Int.random(in: 0..<6, using: &random))"
                citations.append(CitedReference(
                    path: "n\(line / 10).md", noteTitle: "note", line: line, column: 1, sectionLine: line / 5 * 5, headingPath: [],
                    url: url + "#\(line)", normalizedURL: url, domain: domain,
                    label: labels.randomElement(using: &random)!, description: labels.randomElement(using: &random)!))
            }
            // Mostly in URL order, as long runs of one site, or not at all.
            switch Int.random(in: 0..<3, using: &random) {
            case 0: citations.sort { $0.normalizedURL.utf8.lexicographicallyPrecedes($1.normalizedURL.utf8) }
            case 1: citations.sort { $0.domain.utf8.lexicographicallyPrecedes($1.domain.utf8) }
            default: break
            }
            let sites = ReferenceGrouping.byDomain(citations)
            #expect(Self.bytes(sites) == Self.bytes(Self.plainByDomain(citations)))
            #expect(sites.map(\.citationCount).reduce(0, +) == citations.count)
        }
    }
}
