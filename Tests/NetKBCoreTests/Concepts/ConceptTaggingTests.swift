import NetKBCore
import Testing

@Suite("Concept tagging and bilingual queries")
struct ConceptTaggingTests {
    @Test func textMapsSurviveStorage() {
        let map = SectionTextMap(
            code: [4..<13, 20..<21, 300..<5000],
            lines: [.init(offset: 0, line: 3), .init(offset: 4, line: 5), .init(offset: 90, line: 2), .init(offset: 70_000, line: 900)])
        #expect(SectionTextMap(encoded: map.encoded) == map)
        #expect(SectionTextMap(encoded: []) == SectionTextMap())
        #expect(SectionTextMap(encoded: [0xFF, 0xFF]) == SectionTextMap())
        #expect(map.line(at: 0) == 3 && map.line(at: 5) == 5 && map.line(at: 100) == 2)
    }

    @Test func storedTextKeepsCodeOutAndLinesRight() throws {
        let taxonomy = try Taxonomy(files: [TaxonomyFile(name: "t", entries: [])])
        _ = taxonomy
        // "TCP\n`ARP` 다음 줄" as a section: heading line 7, paragraph on line 9 with code.
        let section = Section(
            headingPath: ["TCP"], level: 2, startLine: 7, endLine: 9, text: "TCP\n`ARP` 다음",
            textMap: SectionTextMap(code: [4..<9], lines: [.init(offset: 4, line: 9)]))
        let text = TaggableText(section: section)
        #expect(text.heading == "TCP" && text.body == "`ARP` 다음")
        #expect(text.map.code == [4..<9])
        #expect(text.map.line(at: 0) == 7 && text.map.line(at: 6) == 9)
        // A highlight marker in the text moves later offsets as the store's replacement does.
        let marked = Section(
            headingPath: ["H"], level: 1, startLine: 1, endLine: 2, text: "H\n\u{02}x`c`",
            textMap: SectionTextMap(code: [4..<7], lines: [.init(offset: 2, line: 2)]))
        let stored = TaggableText(section: marked)
        #expect(stored.body == "\u{FFFD}x`c`")
        #expect(stored.map.code == [6..<9])
    }

    @Test func expandedQueriesKeepTheTypedWordsAndAddPhrases() {
        let names: [String: SearchQuery.ConceptNames] = [
            "혼잡 제어": .init(conceptID: "congestion-control", names: ["Congestion control", "혼잡 제어", "혼잡제어", "망"]),
            "socket": .init(conceptID: "socket", names: ["Socket", "소켓"]),
        ]
        let query = SearchQuery(parsing: "혼잡 제어 socket -UDP").expanded { names[$0] }
        #expect(query.expansions.map(\.typed) == ["혼잡 제어", "socket"])
        #expect(query.expansions[0].added == ["Congestion control"])
        #expect(query.matchExpression == #"(("혼잡" AND "제어") OR "Congestion control") AND ("socket" OR "소켓") NOT "UDP""#)
        #expect(query.typed.matchExpression == #""혼잡" AND "제어" AND "socket" NOT "UDP""#)
        // Prefixes and words that name nothing known are left alone.
        let plain = SearchQuery(parsing: "sock* OR 소켓").expanded { names[$0] }
        #expect(plain.expansions.isEmpty)
    }

    /// A hostile trial: `socket OR alpha` found fewer sections than `socket` alone, since words
    /// joined by OR were never expanded. Each alternative is looked up alone now.
    @Test func wordsJoinedByOrAreEachExpanded() {
        let names: [String: SearchQuery.ConceptNames] = [
            "혼잡 제어": .init(conceptID: "congestion-control", names: ["Congestion control", "혼잡 제어"]),
            "socket": .init(conceptID: "socket", names: ["Socket", "소켓"]),
        ]
        let one = SearchQuery(parsing: "socket OR alpha").expanded { names[$0] }
        #expect(one.expansions.map(\.typed) == ["socket"])
        #expect(one.expansions.map(\.groups) == [0..<1])
        #expect(one.matchExpression == #"(("socket" OR "alpha") OR "소켓")"#)
        #expect(one.typedPhrases.groups == [[[0], [1]]] && one.typedPhrases.phraseCount == 3)
        #expect(one.phrasesMatchingAlone == [true, true, true])
        #expect(one.parts.map(\.words) == ["socket OR alpha"])

        let two = SearchQuery(parsing: #"socket OR "혼잡 제어" 버퍼"#).expanded { names[$0] }
        #expect(two.expansions.map(\.typed) == ["socket", "혼잡 제어"])
        #expect(two.matchExpression == #"(("socket" OR "혼잡 제어") OR "소켓" OR "Congestion control") AND "버퍼""#)
        #expect(two.typedPhrases.groups == [[[0], [1]], [[4]]] && two.typedPhrases.phraseCount == 5)
        // Two parts: no phrase matches whatever else a section holds.
        #expect(two.phrasesMatchingAlone == [false, false, false, false, false])
        #expect(two.typed.matchExpression == #"("socket" OR "혼잡 제어") AND "버퍼""#)

        // As for a word alone, a name that holds the typed word finds nothing more: not searched.
        let holding = SearchQuery(parsing: "socket OR alpha").expanded { words in
            words == "socket" ? .init(conceptID: "socket", names: ["Socket", "network socket", "소켓"]) : nil
        }
        #expect(holding.expansions.first?.added == ["network socket", "소켓"])
        #expect(holding.expansions.first?.searched == ["소켓"])
    }
}
