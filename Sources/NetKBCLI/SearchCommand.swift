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
            Exit status: 0 with results, 1 with none, 2 on error.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(parsing: .allUnrecognized, help: "The words to search for (`-word` excludes a word).")
    var words: [String] = []

    @Option(help: "The most results to show.")
    var limit = 20

    @Option(help: ArgumentHelp("Only notes whose path matches this glob (e.g. 'network/*').", valueName: "glob"))
    var path: String?

    @Option(help: "Only notes with this tag.")
    var tag: String?

    @Flag(help: "Search the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let text = words.joined(separator: " ")
        let query = SearchQuery(parsing: text)
        guard !query.isEmpty else {
            throw CommandFailure(message: text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "empty query: give words to search for"
                : "nothing to search for in '\(Self.shortened(text))': give at least one word that is not excluded")
        }
        if query.droppedTerms > 0 {
            Terminal.writeError("netkb: the query is long; searching for its first \(SearchQuery.maximumTerms) words")
        }
        let store = try Refresh.store(options.workspace, refresh: !noRefresh)
        let hits = try store.search(query, filter: SearchFilter(limit: limit, pathGlob: path, tag: tag))
        switch options.format {
        case .json: try JSONOutput.print(SearchJSON(query: text, hits: hits))
        case .text: print(SearchText.render(hits, color: options.color.enabled), terminator: "")
        }
        if hits.isEmpty {
            if options.format == .text { Terminal.writeError("no results for \(Self.shortened(text))") }
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

/// Search results as text: `path:line  heading › path`, then the snippet, indented.
enum SearchText {
    static func render(_ hits: [SearchHit], color: Bool) -> String {
        var output = ""
        for hit in hits {
            let heading = hit.headingPath.isEmpty ? hit.noteTitle : hit.headingPath.joined(separator: " › ")
            let location = "\(hit.path):\(hit.line)"
            output += color ? "\(Terminal.cyan)\(location)\(Terminal.reset)  \(heading)\n" : "\(location)  \(heading)\n"
            let snippet = color ? hit.snippet.rendered(open: Terminal.bold, close: Terminal.reset) : hit.snippet.text
            output += "    \(snippet)\n"
        }
        return output
    }
}
