import ArgumentParser
import Foundation
import NetKB

/// `netkb search`: ranked sections with path:line, heading path and a highlighted snippet.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the sections that mention your words.",
        discussion: """
            Words are ANDed; "a phrase" matches the words together; a OR b matches either; -word \
            leaves out sections with it; word* matches words that start with it. Anything else is \
            taken literally. Korean is found inside words (소켓 finds 소켓은) whatever the spacing \
            (혼잡 제어 finds 혼잡제어); English ignores inflection (handshakes finds handshake).
            A word that starts with -- is read as an option; after a lone -- every word is a search word.
            Exit status: 0 with results, 1 with none, 2 on error.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(parsing: .allUnrecognized, help: "The words to search for (`-word` excludes a word).")
    var words: [String] = []

    @Option(parsing: .unconditional, help: "The most results to show.")
    var limit = Self.defaultLimit

    @Option(help: ArgumentHelp("Only notes under this folder, or whose path matches this glob (e.g. 'network/*').", valueName: "folder|glob"))
    var path: String?

    @Option(help: "Only notes with this tag.")
    var tag: String?

    /// `--path` as the GLOB the search runs.
    var pathGlob: String? {
        get throws { try path.map { value throws(NotePathFilter.Problem) in try NotePathFilter.glob(for: value) } }
    }

    @OptionGroup var sectionFilter: SectionFilterOptions

    @Flag(help: "Search for the words only, not for other names of the concepts they name.")
    var exact = false

    @Flag(help: "Search the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
        guard limit > 0 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        do {
            _ = try pathGlob
        } catch {
            throw ValidationError(TerminalText.escaped("\(error)"))
        }
        if let tag, tag.trimmingCharacters(in: .whitespaces).drop(while: { $0 == "#" }).isEmpty {
            throw ValidationError("--tag is empty: give a tag such as 'network'")
        }
        if let option = UnknownOption.first(in: words, known: Self.knownOptions) {
            throw ValidationError(option.message)
        }
    }

    /// Every long option `search` takes, for telling a mistyped option from a search word.
    static let knownOptions = valueOptions + flags + ["--help", "--version"]
    /// The long options that take a value, and the flags.
    static let valueOptions = ["--notes", "--index", "--repo-url", "--format", "--color", "--limit", "--path", "--tag", "--layer", "--concept"]
    static let flags = ["--exact", "--no-refresh"]
    /// How many results a search shows unless `--limit` says otherwise.
    static let defaultLimit = 20

    /// The query as typed: words after a lone `--` are taken literally, so `-- -x` searches for `-x`.
    var queryText: String {
        guard let terminator = words.firstIndex(of: "--") else { return words.concatenated(separator: " ") }
        let literal = words[(terminator + 1)...].map { word in
            word.hasPrefix("-") ? "\"" + word.replacingOccurrences(of: "\"", with: "") + "\"" : word
        }
        return (words[..<terminator] + literal).concatenated(separator: " ")
    }

    func run() throws {
        let text = queryText
        let query = SearchQuery(parsing: text)
        let quoted = TerminalText.escaped(text.shortened())
        try OverlongQueryWord.check(query)
        guard !query.isEmpty else {
            throw CommandFailure(message: text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "empty query: give words to search for"
                : "nothing to search for in '\(quoted)': give at least one word that is not excluded")
        }
        if query.droppedTerms > 0 {
            Terminal.writeError("netkb: the query is long; searching for its first \(SearchQuery.maximumTerms) words or \(SearchQuery.maximumTokens) search tokens")
        }
        let (hits, searched) = try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            let store = opened.store
            let conceptIDs = try sectionFilter.conceptIDs(in: store)
            let osiLayers = sectionFilter.osiLayers
            let searched = exact ? query : query.expanded { words in (try? store.conceptNames(for: words)) ?? nil }
            let filter = SearchFilter(limit: limit, pathGlob: try pathGlob, tag: tag, concepts: conceptIDs, layers: osiLayers)
            return (try store.search(searched, filter: filter), searched)
        }
        // Said when the other names found something the words as typed did not.
        if options.format == .text, !searched.expansions.isEmpty, hits.contains(where: { !$0.matchesTypedWords }) {
            let added = searched.expansions.map { "\($0.typed) → \($0.added.concatenated(separator: ", "))" }.concatenated(separator: "; ")
            Terminal.writeError("netkb: also searching for other names of concepts: \(added) (--exact searches only the words given)")
        }
        switch options.format {
        case .json: try JSONOutput.print(SearchJSON(query: text, hits: hits, expansions: searched.expansions))
        case .text, .markdown: try StandardOutput.write(SearchText.render(hits, color: options.color.enabled))
        }
        if hits.isEmpty {
            if options.format == .text { Terminal.writeError("no results for \(quoted)") }
            throw ExitCode(1)
        }
    }
}

/// Search results as text: `path:line  heading › path`, then the snippet, indented. A title
/// match says so after the note's title; a note match lists the best section for each word
/// under the note. Text from the notes has its control characters escaped.
enum SearchText {
    static func render(_ hits: [SearchHit], color: Bool) -> String {
        var output = ""
        func location(_ path: String, _ line: Int) -> String {
            let text = TerminalText.escaped("\(path):\(line)")
            return color ? "\(Terminal.cyan)\(text)\(Terminal.reset)" : text
        }
        for hit in hits {
            let tags = conceptTags(hit)
            let shownTags = tags.isEmpty ? "" : "  \(tags)"
            switch hit.match {
            case .section:
                let heading = TerminalText.escaped(hit.headingPath.isEmpty ? hit.noteTitle : hit.headingPath.concatenated(separator: " › "))
                output += "\(location(hit.path, hit.line))  \(heading)\(shownTags)\n"
                output += "    \(snippet(hit.snippet, color: color))\n"
            case .title:
                let count = hit.sectionCount > 1 ? ", \(hit.sectionCount) sections" : ""
                output += "\(location(hit.path, hit.line))  \(TerminalText.escaped(hit.noteTitle))  [title match\(count)]\(shownTags)\n"
                output += "    \(snippet(hit.snippet, color: color))\n"
            case .note:
                output += "\(TerminalText.escaped(hit.path))  \(TerminalText.escaped(hit.noteTitle))  [whole note: the words are in different sections]\(shownTags)\n"
                for place in hit.places {
                    let heading = TerminalText.escaped(place.headingPath.isEmpty ? hit.noteTitle : place.headingPath.concatenated(separator: " › "))
                    let words = TerminalText.escaped(place.words.concatenated(separator: ", "))
                    output += "    \(location(hit.path, place.line))  \(heading)  (\(words))\n"
                    output += "        \(snippet(place.snippet, color: color))\n"
                }
            }
        }
        return output
    }

    /// The section's layers and its most mentioned concepts: `[L4] TCP, ACK, SYN, +3`.
    static func conceptTags(_ hit: SearchHit) -> String {
        guard !hit.conceptLabels.isEmpty else { return "" }
        let layers = hit.layers.isEmpty ? "" : "[" + hit.layers.reversed().map { "L\($0.number)" }.concatenated(separator: " ") + "] "
        let shown = 5
        var labels = hit.conceptLabels.prefix(shown).concatenated(separator: ", ")
        if hit.conceptLabels.count > shown { labels += ", +\(hit.conceptLabels.count - shown)" }
        return TerminalText.escaped(layers + labels)
    }

    /// The snippet, escaped piece by piece so that the highlights' colour codes stay intact.
    static func snippet(_ text: HighlightedText, color: Bool) -> String {
        guard color else { return TerminalText.escaped(text.text) }
        let scalars = Array(text.text.unicodeScalars)
        func piece(_ range: Range<Int>) -> String {
            TerminalText.escaped(String(String.UnicodeScalarView(scalars[range])))
        }
        var result = ""
        var position = 0
        for range in text.highlights {
            result += piece(position..<range.lowerBound) + Terminal.bold + piece(range) + Terminal.reset
            position = range.upperBound
        }
        return result + piece(position..<scalars.count)
    }
}
