import Foundation
import GRDB
import Testing
import NetKBCore
@testable import NetKBStore

@Suite("NoteStore references")
struct NoteStoreReferencesTests {
    let index: TemporaryIndex
    let store: NoteStore

    static func reference(_ url: String, line: Int, section: Int, label: String? = nil, description: String? = nil, image: Bool = false) -> Reference {
        Reference(url: url, label: label, description: description, location: SourceLocation(line: line, column: 3), sectionIndex: section, isImage: image)
    }

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        var tcp = note("net/tcp.md", [
            (["TCP Handshake"], "TCP Handshake\nSYN, ACK"),
            (["TCP Handshake", "4 Way Handshake - TCP 해제"], "4 Way Handshake - TCP 해제\nFIN"),
        ])
        tcp.references = [
            Self.reference("https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PL&index=26", line: 15, section: 1),
            Self.reference("https://substackcdn.com/image.png", line: 16, section: 1, image: true),
            Self.reference("https://evan-moon.github.io/x/?fbclid=abc#3-way", line: 17, section: 1, label: "HTTP/3"),
        ]
        var osi = note("net/osi.md", [(["OSI 7 Layer와 TCP/IP Model"], "OSI 7 Layer와 TCP/IP Model\nhandshake 이야기는 본문에만")])
        osi.references = [
            Self.reference("https://youtu.be/K9L9YZhEjC0", line: 5, section: 0, description: "쉬운코드"),
            Self.reference("https://en.wikipedia.org/wiki/OSI_model", line: 6, section: 0),
        ]
        try store.update { transaction in
            try transaction.save(tcp, stamp: stamp)
            try transaction.save(osi, stamp: stamp)
        }
    }

    @Test func normalisedURLAndDomainAreStoredAndIndexed() throws {
        let all = try store.citedReferences(ReferenceFilter(includeImages: true))
        #expect(all.map(\.normalizedURL) == [
            "https://youtube.com/watch?v=K9L9YZhEjC0", "https://en.wikipedia.org/wiki/OSI_model",
            "https://youtube.com/watch?v=K9L9YZhEjC0", "https://substackcdn.com/image.png", "https://evan-moon.github.io/x/",
        ])
        #expect(all.map(\.domain) == ["youtube.com", "wikipedia.org", "youtube.com", "substackcdn.com", "evan-moon.github.io"])
        #expect(all.map(\.isImage) == [false, false, false, true, false])
        #expect(all[2].headingPath == ["TCP Handshake", "4 Way Handshake - TCP 해제"] && all[2].sectionLine == 11)
        let indexes = try store.writer.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'note_references' AND type = 'index'") }
        #expect(Set(indexes).isSuperset(of: ["references_by_url", "references_by_domain"]))
        let plan = try store.writer.read {
            try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN SELECT * FROM note_references WHERE normalized_url = 'x'").map { $0["detail"] as String }.joined()
        }
        #expect(plan.contains("references_by_url"))
    }

    @Test func imagesOnlyOnRequest() throws {
        #expect(try store.citedReferences(ReferenceFilter()).allSatisfy { !$0.isImage })
        #expect(try store.citedReferences(ReferenceFilter()).count == 4)
    }

    @Test func topicsMatchHeadingsAndTitlesNotText() throws {
        func paths(_ topic: String) throws -> [String] {
            try store.citedReferences(ReferenceFilter(topic: SearchQuery(parsing: topic))).map { "\($0.path):\($0.line)" }
        }
        #expect(try paths("handshake") == ["net/tcp.md:15", "net/tcp.md:17"], "the OSI section says handshake in its text only")
        #expect(try paths("해제") == ["net/tcp.md:15", "net/tcp.md:17"])
        #expect(try paths("osi") == ["net/osi.md:5", "net/osi.md:6"])
        #expect(try paths("tcp") == ["net/osi.md:5", "net/osi.md:6", "net/tcp.md:15", "net/tcp.md:17"])
        #expect(try paths("tcp -handshake") == ["net/osi.md:5", "net/osi.md:6"])
        #expect(try paths("없는말").isEmpty)
        #expect(try paths("*").isEmpty)
    }

    @Test func byDomainAndByURL() throws {
        #expect(try store.citedReferences(ReferenceFilter(domain: "youtube.com")).map(\.url) == [
            "https://youtu.be/K9L9YZhEjC0", "https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PL&index=26",
        ])
        #expect(try store.citedReferences(ReferenceFilter(normalizedURL: "https://evan-moon.github.io/x/")).map(\.label) == ["HTTP/3"])
        #expect(try store.citedReferences(ReferenceFilter(domain: "nowhere.org")).isEmpty)
    }

    @Test func anIndexWithoutTheReferenceColumnsIsRebuilt() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.writer.write { try $0.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4: reference urls'") }
        #expect(try index.staleReason() == "it was written by an older netkb")
        #expect(NoteStore.migrator.migrations.contains("v4: reference urls"))
    }
}
