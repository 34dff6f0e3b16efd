/// A section's text as the index stores and searches it: its heading and body with highlight
/// markers replaced (see ``TaggableText``) and its context, the note's title and the headings
/// above it. A full index makes these, and their full-text tokens, on the thread that parses.
public struct StoredSectionText: Sendable {
    public var heading: String
    public var context: String
    public var body: String
    public var map: SectionTextMap
    /// The full-text tokens of ``heading``, ``context`` and ``body``, in that order, when they
    /// were made ahead (see ``TokenStream``); nil to tokenize when written.
    public var tokens: [TokenStream]?

    /// `about` is the note's front-matter text besides its title (see ``FrontMatter/searchableText``),
    /// markers replaced, searched with every section as the title is.
    public init(section: Section, noteTitle: String, about: String = "", tokenizer: KoreanAwareTokenizer? = nil) {
        let stored = TaggableText(section: section)
        heading = stored.heading
        body = stored.body
        map = stored.map
        // The note's title and parent headings, then its front-matter text on a line of its own.
        context = HighlightedText.withoutMarkers(([noteTitle] + section.headingPath.dropLast()).joined(separator: " › "))
        if !about.isEmpty { context += "\n" + about }
        if let tokenizer {
            let streams = [heading, context, body].compactMap { TokenStream(recording: $0, mode: .document, tokenizer: tokenizer) }
            tokens = streams.count == 3 ? streams : nil
        }
    }

    /// The stored texts of every section of `note`, in order.
    public static func of(_ note: Note, tokenizer: KoreanAwareTokenizer? = nil) -> [StoredSectionText] {
        let about = aboutText(of: note)
        return note.sections.map { StoredSectionText(section: $0, noteTitle: note.title, about: about, tokenizer: tokenizer) }
    }

    /// The note's front-matter text besides its title, as the index stores it.
    public static func aboutText(of note: Note) -> String {
        HighlightedText.withoutMarkers(note.frontMatter.searchableText)
    }
}
