import Foundation
import Testing
import NetKBCore

@Suite("HeadingSlug")
struct HeadingSlugTests {
    @Test(arguments: [
        ("3 Way Handshake - TCP 연결", "3-way-handshake---tcp-연결"),
        ("Hello, World!", "hello-world"),
        ("TCP/IP 4계층", "tcpip-4계층"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("  two  spaces ", "--two--spaces-"),
        ("Café Ñandú", "café-ñandú"),
        ("🚀 Launch 🚀", "-launch-"),
        ("!!!", ""),
        ("🚀🎉", ""),
        ("소켓 (Socket) 프로그래밍?", "소켓-socket-프로그래밍"),
        ("Ⅻ ½ ٣", "ⅻ-½-٣"),
        ("What’s new — v2.0", "whats-new--v20"),
        ("`code` *emphasis*", "code-emphasis"),
    ])
    func slug(heading: String, expected: String) {
        #expect(Array(HeadingSlug.make(heading).unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func nfdHeadingGivesAnNFCSlug() {
        let nfd = "네트워크 계층".decomposedStringWithCanonicalMapping
        #expect(Array(HeadingSlug.make(nfd).unicodeScalars) == Array("네트워크-계층".unicodeScalars))
    }

    @Test(arguments: [
        (["A", "A", "A"], ["a", "a-1", "a-2"]),
        (["A", "A", "A-1"], ["a", "a-1", "a-1-1"]),
        (["A-1", "A", "A"], ["a-1", "a", "a-2"]),
        (["!!", "🎉", "?"], ["", "-1", "-2"]),
        (["개요", "TCP", "개요", "UDP", "개요"], ["개요", "tcp", "개요-1", "udp", "개요-2"]),
        (["Intro", "intro", "INTRO!"], ["intro", "intro-1", "intro-2"]),
    ])
    func duplicatesAreNumberedLikeGitHub(headings: [String], expected: [String]) {
        #expect(HeadingSlugger.slugs(for: headings) == expected)
    }

    @Test(arguments: [
        ("TCP 연결 {#tcp-open}", "TCP 연결", "tcp-open"),
        ("Heading {#a}", "Heading", "a"),
        ("{#only}", "", "only"),
        ("No id", "No id", nil),
        ("Braces {#} empty", "Braces {#} empty", nil),
        ("Set {#a b}", "Set {#a b}", nil),
        ("Glued{#x}", "Glued{#x}", nil),
        ("Object {x}", "Object {x}", nil),
    ] as [(String, String, String?)])
    func explicitIDIsSplitOff(heading: String, text: String, id: String?) {
        let split = ExplicitHeadingID(splitting: heading)
        #expect(split.text == text)
        #expect(split.id == id)
    }

    @Test func longHeadingsAreLinear() {
        let heading = String(repeating: "가 -", count: 10_000)
        #expect(HeadingSlug.make(heading).unicodeScalars.count == 30_000)
        let many = Array(repeating: "같은 제목", count: 2_000)
        #expect(HeadingSlugger.slugs(for: many).last == "같은-제목-1999")
    }
}
