import Foundation
import Testing
import NetKBCore
@testable import NetKBStore

/// Issue 9: what kinds of results a search gives, in which order, and what their snippets show.
@Suite("NoteStore search results")
struct NoteStoreSearchResultsTests {
    let index: TemporaryIndex
    let store: NoteStore

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        try store.update { transaction in
            // A note whose title holds the word, and whose sections do not.
            try transaction.save(note("os/part1.md", title: "Part 1-4 운영체제", [
                (["목차"], "목차"),
                (["목차", "프로세스"], "프로세스\n프로세스는 실행 중인 프로그램이다."),
                (["목차", "스레드"], "스레드\n스레드는 실행 흐름의 단위다."),
                (["목차", "스케줄링"], "스케줄링\nCPU를 누구에게 줄지 정한다."),
            ]), stamp: stamp)
            // A section whose own text holds the word.
            try transaction.save(note("os/intro.md", title: "입문", [
                (["소개"], "소개\n운영체제는 하드웨어를 관리한다."),
            ]), stamp: stamp)
            // A heading over sub-sections, with no text of its own.
            try transaction.save(note("os/memory.md", title: "메모리", [
                (["가상 메모리"], "가상 메모리"),
                (["가상 메모리", "페이지"], "페이지\n페이지는 고정 크기 블록이다."),
            ]), stamp: stamp)
            // The words of a query in different sections of one note.
            try transaction.save(note("net/dns.md", title: "이름 풀이", [
                ([], "이 노트는 네트워크 이름 풀이를 다룬다."),
                (["DNS"], "DNS\nDNS는 도메인 이름을 주소로 바꾼다."),
                (["캐시"], "캐시\n권한 있는 서버와 재귀 서버가 응답을 캐시한다."),
            ]), stamp: stamp)
            try transaction.save(note("net/both.md", title: "함께", [
                (["둘 다"], "둘 다\nDNS 서버는 한 문단에 함께 있다."),
            ]), stamp: stamp)
            // Front matter: description and aliases are searched.
            try transaction.save(Note(
                path: "net/embed.md", title: "Embed files",
                frontMatter: FrontMatter(aliases: ["삽입"], description: "Learn how to reuse content across notes."),
                sections: [Section(headingPath: ["Usage"], level: 1, startLine: 5, endLine: 8, text: "Usage\nType an exclamation mark.")]), stamp: stamp)
            // Mixed scripts: TCP와 marks TCP와, not every 와.
            try transaction.save(note("net/tcp.md", title: "전송", [
                (["비교"], "비교\nTCP와 UDP와 SCTP를 비교하고, 와이파이와 함께 본다."),
            ]), stamp: stamp)
        }
    }

    func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        try store.search(SearchQuery(parsing: text), filter: SearchFilter(limit: limit))
    }

    @Test func ownTextRanksAboveTheTitleAndTitleOnlySectionsAreOneResult() throws {
        let hits = try search("운영체제")
        #expect(hits.map(\.path) == ["os/intro.md", "os/part1.md"])
        #expect(hits.map(\.match) == [.section, .title])
        let title = hits[1]
        #expect(title.sectionCount == 4)
        #expect(title.line == 1)
        #expect(!title.snippet.text.isEmpty)
    }

    @Test func noResultHasAnEmptySnippet() throws {
        for query in ["운영체제", "가상 메모리", "목차", "DNS 서버", "삽입", "프로세스 스레드"] {
            for hit in try search(query) {
                #expect(!hit.snippet.text.isEmpty, "\(query): \(hit.path):\(hit.line)")
                for place in hit.places { #expect(!place.snippet.text.isEmpty, "\(query): \(hit.path):\(place.line)") }
            }
        }
        // A heading with no text shows its first sub-section.
        let memory = try #require(try search("가상메모리").first)
        #expect(memory.headingPath == ["가상 메모리"])
        #expect(memory.snippet.text == "페이지: 페이지는 고정 크기 블록이다.")
    }

    @Test func wordsInDifferentSectionsMakeANoteMatchAfterTheSections() throws {
        let hits = try search("DNS 서버")
        #expect(hits.map(\.path) == ["net/both.md", "net/dns.md"])
        #expect(hits.map(\.match) == [.section, .note])
        let note = hits[1]
        #expect(note.places.map(\.words) == [["DNS"], ["서버"]])
        #expect(note.places.map(\.headingPath) == [["DNS"], ["캐시"]])
        #expect(note.places[1].snippet.highlightedParts == ["서버", "서버"])
        #expect(note.line == note.places[0].line)
        // Only when fewer sections than the limit match.
        #expect(try search("DNS 서버", limit: 1).map(\.match) == [.section])
        // An excluded word anywhere in the note leaves it out.
        #expect(try search("DNS 서버 -재귀").map(\.path) == ["net/both.md"])
        // One word never makes a note match.
        #expect(try search("서버").allSatisfy { $0.match == .section })
    }

    @Test func theTextBeforeTheFirstHeadingIsAPreamble() throws {
        let hit = try #require(try search("네트워크").first)
        #expect(hit.isPreamble)
        #expect(hit.headingPath.isEmpty)
        #expect(hit.noteTitle == "이름 풀이")
    }

    @Test func frontMatterTextIsSearched() throws {
        let alias = try #require(try search("삽입").first)
        #expect(alias.path == "net/embed.md")
        #expect(alias.match == .title)
        let description = try #require(try search("reuse content").first)
        #expect(description.path == "net/embed.md")
        #expect(description.snippet.highlightedParts == ["reuse", "content"])
    }

    @Test func aWordThatMixesScriptsMarksOnlyWhereItStands() throws {
        let hit = try #require(try search("TCP와").first)
        #expect(hit.snippet.highlightedParts == ["TCP와"])
    }
}
