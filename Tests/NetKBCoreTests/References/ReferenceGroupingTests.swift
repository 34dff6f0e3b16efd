import Testing
import NetKBCore

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
}
