import Testing
import NetKBCore

@Suite struct TopicQueryTests {
    static let taxonomy: Taxonomy = {
        let handshake = ConceptFixtures.entry("handshake", name: "Handshake", korean: ["핸드셰이크", "핸드 셰이크"], kind: "mechanism")
        let osi = ConceptFixtures.entry("osi-model", line: 2, name: "OSI model", korean: ["OSI 7계층"], abbreviations: ["OSI"], kind: "model")
        return try! Taxonomy(files: [TaxonomyFile(name: "test.yml", entries: [handshake, osi])])
    }()

    @Test func aConceptsNameInAnyLanguageMatchesAllItsNames() throws {
        let (query, concept) = TopicQuery.query(for: "핸드셰이크", taxonomy: Self.taxonomy)
        #expect(concept?.id == "handshake")
        // "핸드 셰이크" is "핸드셰이크" to the tokenizer, so it is left out.
        #expect(query.matchExpression == #"("핸드셰이크" OR "Handshake")"#)
        #expect(TopicQuery.query(for: "HANDSHAKE", taxonomy: Self.taxonomy).concept?.id == "handshake")
        #expect(TopicQuery.query(for: "핸드 셰이크", taxonomy: Self.taxonomy).concept?.id == "handshake")
    }

    @Test func otherTopicsAreSearchQueries() {
        let (query, concept) = TopicQuery.query(for: "TCP 연결", taxonomy: Self.taxonomy)
        #expect(concept == nil)
        #expect(query == SearchQuery(parsing: "TCP 연결"))
        #expect(TopicQuery.query(for: "osi", taxonomy: nil).query == SearchQuery(parsing: "osi"))
        #expect(TopicQuery.query(for: "*", taxonomy: Self.taxonomy).query.isEmpty)
    }
}
