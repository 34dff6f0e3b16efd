import Foundation
import NetKBCore
import Testing
@testable import NetKBMarkdown

/// The user's real note, `notes/network.md`: Korean prose, nested lists, bare URLs, images.
@Suite struct NetworkNoteTests {
    let parsed: ParsedNote
    let sourceLines: [String]

    init() throws {
        let bytes = try TestSupport.bytes(ofFile: "Tests/Fixtures/user-notes/network.md")
        parsed = MarkdownParser().parse(bytes, path: "network.md")
        sourceLines = String(decoding: bytes, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    var note: Note { parsed.note }

    @Test func parsesWithoutWarnings() {
        #expect(parsed.warnings.isEmpty)
        #expect(note.path == "network.md")
        // No front matter and no level-1 heading: the file name.
        #expect(note.title == "network")
    }

    @Test func sectionsFollowTheHeadings() throws {
        let paths = note.sections.map(\.headingPath)
        #expect(paths == [
            ["TCP Handshake"],
            ["TCP Handshake", "3 Way Handshake - TCP 연결"],
            ["TCP Handshake", "데이터 송수신"],
            ["TCP Handshake", "4 Way Handshake - TCP 해제"],
            ["세션과 소켓의 관계"],
            ["OSI 7 Layer와 TCP/IP Model"],
            ["IP와 TCP/UDP 간단하게"],
            ["네트워크와 인터넷, ISP"],
            ["LAN, WAN, NIC, MAC Addr, NAT << 정리 예정"],
            ["네트워크 강의"],
        ])
        #expect(note.sections.map(\.level) == [2, 4, 4, 4, 2, 2, 2, 2, 2, 2])
    }

    @Test func headingSectionLineRanges() throws {
        let handshake = try #require(note.sections.first { $0.heading == "3 Way Handshake - TCP 연결" })
        #expect(handshake.level == 4)
        #expect(handshake.startLine == 11)
        // The image on line 21 is the last thing before two blank lines and line 24's heading.
        #expect(handshake.endLine == 21)

        let session = try #require(note.sections.first { $0.heading == "세션과 소켓의 관계" })
        #expect(session.headingPath == ["세션과 소켓의 관계"])
        #expect(session.startLine == 58)
        #expect(session.endLine == 74)

        let first = try #require(note.sections.first)
        #expect(first.startLine == 2)
        #expect(first.endLine == 9)
        let last = try #require(note.sections.last)
        #expect(last.startLine == 172)
        #expect(last.endLine == 186)
    }

    @Test func everyHeadingLineStartsASection() {
        for section in note.sections {
            #expect(sourceLines[section.startLine - 1].hasPrefix("#"))
        }
    }

    @Test func sectionTextIsVisibleTextOnly() throws {
        for section in note.sections {
            #expect(!section.text.contains("://"), "URL in section \(section.heading)")
            #expect(!section.text.contains("!["), "markup in section \(section.heading)")
            #expect(section.text.hasPrefix(section.heading + "\n"))
        }
        let osi = try #require(note.sections.first { $0.heading == "OSI 7 Layer와 TCP/IP Model" })
        // Link text stays, its destination does not.
        #expect(osi.text.contains("네트워크 기초 개념"))
        #expect(!osi.text.contains("Computer%20Science"))
        #expect(osi.text.contains("\"OSI 7계층은 사실 아무것도 해주지 않습니다\""))
        // A single `~` is not strikethrough.
        let isp = try #require(note.sections.first { $0.heading == "네트워크와 인터넷, ISP" })
        #expect(isp.text.contains("1~3티어로 구성됨"))
    }

    @Test func linksAreCountedAndKinded() {
        #expect(note.links.count == 34)
        #expect(note.links.filter { $0.kind == .image }.count == 2)
        #expect(note.links.filter { $0.kind == .markdown }.count == 2)
        #expect(note.links.filter { $0.kind == .autolink }.count == 30)
        #expect(note.links.map(\.location) == note.links.map(\.location).sorted())
    }

    @Test(arguments: [
        (21, 1, LinkKind.image),
        (45, 1, .image),  // A lazy continuation line of a nested item.
        (48, 3, .autolink),
        (102, 3, .markdown),
        (167, 4, .autolink),  // Tab-indented nested item: tab, dash, space.
        (170, 19, .markdown),  // After Korean text: column counts scalars, not bytes.
    ])
    func linkLocations(line: Int, column: Int, kind: LinkKind) throws {
        let link = try #require(note.links.first { $0.location.line == line })
        #expect(link.location.column == column)
        #expect(link.kind == kind)
    }

    @Test func everyLinkColumnPointsAtItsOpening() throws {
        for link in note.links {
            let line = sourceLines[link.location.line - 1]
            let rest = String(line.unicodeScalars.dropFirst(link.location.column - 1))
            switch link.kind {
            case .image: #expect(rest.hasPrefix("!["))
            case .markdown: #expect(rest.hasPrefix("["))
            case .autolink: #expect(rest.hasPrefix(link.text))
            case .html: #expect(rest.hasPrefix("<"))
            case .wiki, .embed: Issue.record("no wiki links in this note")
            }
        }
    }

    @Test func linkTargetsAndTexts() throws {
        let markdown = try #require(note.links.first { $0.kind == .markdown })
        #expect(markdown.target == "../../Computer%20Science/네트워크%20기초%20개념.md")
        #expect(markdown.text == "네트워크 기초 개념")
        #expect(!markdown.isExternal)
        let image = try #require(note.links.first { $0.kind == .image })
        #expect(image.text == "")
        #expect(image.target.hasPrefix("https://substackcdn.com/image/fetch/"))
        let osiIndex = try #require(note.sections.firstIndex { $0.heading == "OSI 7 Layer와 TCP/IP Model" })
        #expect(markdown.sectionIndex == osiIndex)
    }

    @Test func referencesComeFromExternalLinksWithDescriptions() throws {
        #expect(note.references.filter { !$0.isImage }.count == 30)
        #expect(note.references.filter(\.isImage).map(\.location.line) == [21, 45])
        #expect(note.references.allSatisfy { $0.label == nil })
        // The nested item under a bare URL describes it.
        let osi = try #require(note.references.first { $0.location == SourceLocation(line: 98, column: 3) })
        #expect(osi.url == "https://www.youtube.com/watch?v=oFKYzp6gGfc&list=PLcXyemr8ZeoSGlzhlw4gmpNGicIL4kMcX")
        #expect(osi.description == "쉬운코드 시리즈")
        let lecture = try #require(note.references.first { $0.location.line == 173 })
        #expect(lecture.description == "네트워크 기초 무료 강의 | 새내기 개발자들을 위한 필수 가이드 - 4시간짜리, 뭘 배워야 하는지 알기 좋을 듯?")
        // A bare URL with nothing beside or under it.
        let plain = try #require(note.references.first { $0.location.line == 48 })
        #expect(plain.description == nil)
        let sessionIndex = try #require(note.sections.firstIndex { $0.heading == "세션과 소켓의 관계" })
        #expect(note.references.filter { $0.sectionIndex == sessionIndex }.count == 4)
    }

    @Test func noTagsInTheNote() {
        // `#3-way-handshake` and `#Half-Close…` are URL fragments, not tags.
        #expect(note.tags.isEmpty)
    }
}
