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
    var limit = 20

    @Option(help: ArgumentHelp("Only notes whose path matches this glob (e.g. 'network/*').", valueName: "glob"))
    var path: String?

    @Option(help: "Only notes with this tag.")
    var tag: String?

    @Flag(help: "Search the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
        guard limit > 0 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
        if let option = UnknownOption.first(in: words, known: Self.knownOptions) {
            throw ValidationError(option.message)
        }
    }

    /// Every long option `search` takes, for telling a mistyped option from a search word.
    static let knownOptions = ["--notes", "--index", "--repo-url", "--format", "--color", "--limit", "--path", "--tag", "--no-refresh", "--help", "--version"]

    /// The query as typed: words after a lone `--` are taken literally, so `-- -x` searches for `-x`.
    var queryText: String {
        guard let terminator = words.firstIndex(of: "--") else { return words.joined(separator: " ") }
        let literal = words[(terminator + 1)...].map { word in
            word.hasPrefix("-") ? "\"" + word.replacingOccurrences(of: "\"", with: "") + "\"" : word
        }
        return (words[..<terminator] + literal).joined(separator: " ")
    }

    func run() throws {
        let text = queryText
        let query = SearchQuery(parsing: text)
        let quoted = TerminalText.escaped(Self.shortened(text))
        guard !query.isEmpty else {
            throw CommandFailure(message: text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "empty query: give words to search for"
                : "nothing to search for in '\(quoted)': give at least one word that is not excluded")
        }
        if query.droppedTerms > 0 {
            Terminal.writeError("netkb: the query is long; searching for its first \(SearchQuery.maximumTerms) words or \(SearchQuery.maximumTokens) search tokens")
        }
        let hits = try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            try opened.store.search(query, filter: SearchFilter(limit: limit, pathGlob: path, tag: tag))
        }
        switch options.format {
        case .json: try JSONOutput.print(SearchJSON(query: text, hits: hits))
        case .text, .markdown: try StandardOutput.write(SearchText.render(hits, color: options.color.enabled))
        }
        if hits.isEmpty {
            if options.format == .text { Terminal.writeError("no results for \(quoted)") }
            throw ExitCode(1)
        }
    }
}

extension SearchCommand {
    /// The query as messages quote it: at most 80 characters.
    static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : text.prefix(79) + "…"
    }
}

/// Search results as text: `path:line  heading › path`, then the snippet, indented. Text from
/// the notes has its control characters escaped.
enum SearchText {
    static func render(_ hits: [SearchHit], color: Bool) -> String {
        var output = ""
        for hit in hits {
            let heading = TerminalText.escaped(hit.headingPath.isEmpty ? hit.noteTitle : hit.headingPath.joined(separator: " › "))
            let location = TerminalText.escaped("\(hit.path):\(hit.line)")
            output += color ? "\(Terminal.cyan)\(location)\(Terminal.reset)  \(heading)\n" : "\(location)  \(heading)\n"
            output += "    \(snippet(hit.snippet, color: color))\n"
        }
        return output
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
