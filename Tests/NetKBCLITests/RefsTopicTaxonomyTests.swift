import Foundation
import Testing

/// `refs TOPIC` reads a concept's names from the taxonomy the index was tagged with: the user's
/// own concepts count, as they do for tagging.
@Suite("netkb refs and the user's concepts")
struct RefsTopicTaxonomyTests {
    @Test func aUserConceptsKoreanNameFindsItsEnglishHeading() throws {
        let vault = try Vault()
        try vault.write(".netkb/concepts.yml", """
            concepts:
              - id: widget-protocol
                name: Widget protocol
                korean: [위젯 프로토콜]
                osi: [7]
                kind: protocol
            """)
        try vault.write("widget.md", "# Widget protocol\n\n- [Widget spec](https://example.com/widget-spec)\n")
        try vault.write("other.md", "# 다른 이야기\n\n- [Other](https://example.com/other)\n")
        let run = try vault.netkb(["refs", "위젯 프로토콜", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let topics = try #require(run.json()["topics"] as? [[String: Any]])
        #expect(topics.map { $0["heading"] as? String } == ["Widget protocol"])
        let references = try #require(topics.first?["references"] as? [[String: Any]])
        #expect(references.map { $0["url"] as? String } == ["https://example.com/widget-spec"])
        // The shipped concepts still count: a Korean name finds the English heading.
        try vault.write("tcp.md", "# TCP Handshake\n\n- <https://example.com/handshake>\n")
        let shipped = try vault.netkb(["refs", "핸드셰이크", "--format", "json"])
        #expect(shipped.status == 0, "\(shipped.stderr)")
        #expect(try #require(shipped.json()["topics"] as? [[String: Any]]).map { $0["heading"] as? String } == ["TCP Handshake"])
    }
}
