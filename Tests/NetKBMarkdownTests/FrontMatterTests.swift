import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct FrontMatterTests {
    @Test func readsTitleTagsAndAliases() {
        let parsed = TestSupport.parse("""
        ---
        title: 네트워크 정리
        tags: [network, "#tcp", 네트워크/기초]
        aliases:
          - 네트워크
          - Network notes
        ---
        # Heading Title
        본문
        """)
        let note = parsed.note
        #expect(parsed.warnings.isEmpty)
        #expect(note.frontMatter == FrontMatter(
            title: "네트워크 정리", tags: ["network", "tcp", "네트워크/기초"], aliases: ["네트워크", "Network notes"]))
        #expect(note.title == "네트워크 정리")
        #expect(note.tags == [Tag(name: "network", line: 1), Tag(name: "tcp", line: 1), Tag(name: "네트워크/기초", line: 1)])
        // Lines after the front matter keep their file line numbers.
        #expect(note.sections.map(\.startLine) == [8])
        #expect(note.sections.first?.endLine == 9)
    }

    @Test func readsDescriptionAndSummary() {
        let note = TestSupport.parse("""
        ---
        description: Learn how to embed files.
        summary:
          - 첫 줄
          - 둘째 줄
        aliases: [임베드]
        ---
        본문
        """).note
        #expect(note.frontMatter.description == "Learn how to embed files.")
        #expect(note.frontMatter.summary == "첫 줄 둘째 줄")
        #expect(note.frontMatter.searchableText == "임베드\nLearn how to embed files.\n첫 줄 둘째 줄")
    }

    @Test(arguments: [
        ("tags: network", ["network"]),
        ("tags: '#network, #tcp'", ["network", "tcp"]),
        ("tags: network tcp  udp", ["network", "tcp", "udp"]),
        ("tags:\n  - a\n  - '#b'", ["a", "b"]),
        ("tag: single", ["single"]),
        ("tags:", []),
    ])
    func tagSpellings(yaml: String, expected: [String]) {
        let note = TestSupport.parse("---\n\(yaml)\n---\ntext\n").note
        #expect(note.frontMatter.tags == expected)
    }

    @Test func aliasAsSingleStringAndSingularKey() {
        #expect(TestSupport.parse("---\nalias: 별칭\n---\n").note.frontMatter.aliases == ["별칭"])
        #expect(TestSupport.parse("---\naliases: 하나, 둘\n---\n").note.frontMatter.aliases == ["하나", "둘"])
    }

    @Test func invalidYAMLWarnsWithFileLineAndIsIgnored() throws {
        let parsed = TestSupport.parse("""
        ---
        title: 제목
        tags: [a, b
        other: value
        ---
        # 본문 제목
        [[링크]] #태그
        """, path: "notes/bad.md")
        let warning = try #require(parsed.warnings.first)
        #expect(parsed.warnings.count == 1)
        #expect(warning.line == 4)
        #expect(warning.message.hasPrefix("invalid YAML front matter ignored"))
        #expect(warning.description.hasPrefix("notes/bad.md:4: warning: invalid YAML front matter ignored"))
        let note = parsed.note
        #expect(note.frontMatter == .empty)
        #expect(note.title == "본문 제목")
        // The front matter block is still not Markdown, and later lines keep their numbers.
        #expect(note.sections.count == 1)
        #expect(note.sections[0].startLine == 6)
        #expect(note.links.first?.location == SourceLocation(line: 7, column: 1))
        #expect(note.tags == [Tag(name: "태그", line: 7)])
    }

    @Test func yamlThatIsNotAMappingIsIgnoredWithAWarning() {
        let parsed = TestSupport.parse("---\n- just\n- a list\n---\nbody\n")
        #expect(parsed.note.frontMatter == .empty)
        #expect(parsed.warnings.map(\.line) == [2])
    }

    @Test func unclosedFrontMatterIsMarkdown() {
        let note = TestSupport.parse("---\ntitle: 아님\n\n# 진짜 제목\n").note
        #expect(note.frontMatter == .empty)
        #expect(note.title == "진짜 제목")
        #expect(note.sections.first?.level == 0)
        #expect(note.sections.first?.text == "title: 아님")
    }

    @Test func dotsCloseFrontMatterAndAFileOfOnlyFrontMatterHasNoSections() {
        let parsed = TestSupport.parse("---\ntitle: 혼자\n...\n")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.note.title == "혼자")
        #expect(parsed.note.sections.isEmpty)
        #expect(TestSupport.parse("---\ntitle: 혼자\n---").note.sections.isEmpty)
    }

    @Test func frontMatterMustStartOnLineOne() {
        let note = TestSupport.parse("\n---\ntitle: x\n---\n").note
        #expect(note.frontMatter == .empty)
    }

    @Test func emptyFrontMatter() {
        let parsed = TestSupport.parse("---\n---\n# 제목\n")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.note.frontMatter == .empty)
        #expect(parsed.note.sections.map(\.startLine) == [3])
    }
}

@Suite struct TitleTests {
    @Test func titleFallsBackToFirstLevel1HeadingThenFileName() {
        #expect(TestSupport.parse("## 둘\n# 하나\n# 셋\n").note.title == "하나")
        #expect(TestSupport.parse("## 둘\n", path: "a/b/c.d.md").note.title == "c.d")
        #expect(TestSupport.parse("", path: "README").note.title == "README")
        #expect(TestSupport.parse("#\n", path: "x/.hidden").note.title == ".hidden")
    }

    @Test func headingTitleIsPlainText() {
        let note = TestSupport.parse("# **굵은** [링크](https://a.com) `code` [[Wiki|별칭]] <b>html</b>\n").note
        #expect(note.title == "굵은 링크 code 별칭 html")
    }
}
