/// What `netkb refs TOPIC` looks for: TOPIC read as a search query (the same parsing and
/// Korean-aware tokenizer as `search`), matched against headings and note titles. When TOPIC
/// is one of a concept's names in the taxonomy, any of its names matches, so that a Korean
/// name finds an English heading:
///
/// ```swift
/// TopicQuery.query(for: "핸드셰이크", taxonomy: taxonomy).matchExpression
/// // ("핸드셰이크" OR "핸드쉐이크" OR … OR "Handshake")
/// ```
public enum TopicQuery {
    /// The query for `topic`, and the concept it names, if any.
    public static func query(for topic: String, taxonomy: Taxonomy?) -> (query: SearchQuery, concept: Concept?) {
        let typed = SearchQuery(parsing: topic)
        guard let taxonomy, !typed.isEmpty, let concept = concept(named: topic, in: taxonomy) else { return (typed, nil) }
        var seen = Set<String>()
        var names: [SearchQuery.Term] = []
        for name in [NFC.normalize(topic), concept.name] + concept.koreanNames + concept.aliases + concept.abbreviations {
            guard seen.insert(key(name)).inserted, names.count < SearchQuery.maximumTerms else { continue }
            names.append(SearchQuery.Term(text: name, isPhrase: name.contains(" ")))
        }
        return (SearchQuery(required: [names]), concept)
    }

    /// The concept one of whose names (English name, Korean names, aliases, abbreviations, id)
    /// is `topic`, ignoring case, spaces and hyphens.
    public static func concept(named topic: String, in taxonomy: Taxonomy) -> Concept? {
        let wanted = key(topic)
        guard !wanted.isEmpty else { return nil }
        return taxonomy.concepts.first { concept in
            ([concept.id, concept.name] + concept.koreanNames + concept.aliases + concept.abbreviations).contains { key($0) == wanted }
        }
    }

    /// `text` in NFC and lower case, without spaces, hyphens and underscores.
    static func key(_ text: String) -> String {
        String(NFC.normalize(text).lowercased().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" && $0 != "_" }.map(Character.init))
    }
}
