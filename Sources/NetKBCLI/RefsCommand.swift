import ArgumentParser
import Foundation
import NetKB

/// `netkb refs`: the external references the notes cite, per topic, per site, or for one URL.
struct RefsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refs",
        abstract: "List the external links your notes cite, topic by topic, with what you wrote about them.",
        discussion: """
            A topic is a section: `path:line  heading › path`. TOPIC narrows to sections whose heading, \
            parent headings or note title match it, Korean-aware as in search; a concept's name in \
            Korean or English matches any of its names (핸드셰이크 finds "TCP Handshake"). \
            References are de-duplicated by their normalised URL (tracking parameters, www., m., \
            youtu.be and playlist parameters folded); the URLs as written are shown.
            --format markdown writes a reading list to paste into a note.
            Exit status: 0 something listed, 1 nothing matches, 2 on error.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "Only topics whose heading or note title match these words.")
    var topic: [String] = []

    @Flag(help: "Group by site (youtube.com, wikipedia.org, …) with counts and every citation.")
    var byDomain = false

    @Option(help: ArgumentHelp("Show every place that cites this URL (after normalisation).", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("Only references of this site (e.g. youtube.com, or a host such as en.wikipedia.org).", valueName: "domain"))
    var domain: String?

    @Flag(help: "List images (![alt](https://…)) too.")
    var images = false

    @OptionGroup var sectionFilter: SectionFilterOptions

    @Flag(help: "Read the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        if byDomain, url != nil { throw ValidationError("give --url or --by-domain, not both") }
        if let domain, domain.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--domain is empty: give a site such as youtube.com") }
        if let url, url.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--url is empty: give a URL") }
    }

    func run() throws {
        let topicText = topic.joined(separator: " ")
        var filter = ReferenceFilter(includeImages: images)
        if !topic.isEmpty {
            let query = SearchQuery(parsing: topicText)
            try OverlongQueryWord.check(query)
            if query.isEmpty {
                throw CommandFailure(message: "nothing to look for in the topic '\(TerminalText.escaped(topicText.shortened()))': give at least one word")
            }
        }
        var site: SiteFilter?
        if let domain {
            site = try SiteFilter(domain)
            filter.domain = site?.domain
        }
        if let url {
            guard let normalized = URLNormalizer.normalize(Self.withScheme(url)) else {
                throw CommandFailure(message: "'\(TerminalText.escaped(url.shortened()))' is not an http or https URL")
            }
            filter.normalizedURL = normalized.normalized
        }
        filter.layers = sectionFilter.osiLayers
        var citations = try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            var filter = filter
            if !topic.isEmpty {
                // A concept's names come from the taxonomy the index was tagged with (the user's
                // concepts too), read back from the index; from the shipped one when it keeps none.
                let taxonomy = (try? opened.store.storedTaxonomy()) ?? (try? ShippedTaxonomy.taxonomy())
                filter.topic = TopicQuery.query(for: topicText, taxonomy: taxonomy).query
            }
            filter.concepts = try sectionFilter.conceptIDs(in: opened.store)
            return try opened.store.citedReferences(filter)
        }
        if let site { citations = citations.filter(site.admits) }
        let found = !citations.isEmpty

        let color = options.color.enabled && options.format == .text
        if url != nil {
            let references = ReferenceGrouping.byDomain(consume citations).flatMap(\.references)
            switch options.format {
            case .json: try JSONOutput.print(RefsJSON.Places(references))
            case .text:
                var output = StandardOutput.Buffered()
                try RefsText.places(references, color: color, to: &output)
                try output.flush()
            case .markdown: try StandardOutput.write(RefsMarkdown.places(references))
            }
            try finish(found: found, topic: topicText, keeping: references)
        } else if byDomain {
            let sites = ReferenceGrouping.byDomain(consume citations)
            switch options.format {
            case .json: try RefsJSON.Sites.write(sites)
            case .text:
                var output = StandardOutput.Buffered()
                try RefsText.sites(sites, color: color, to: &output)
                try output.flush()
            case .markdown: try StandardOutput.write(RefsMarkdown.sites(sites))
            }
            try finish(found: found, topic: topicText, keeping: sites)
        } else {
            let topics = ReferenceGrouping.byTopic(consume citations)
            switch options.format {
            case .json: try RefsJSON.write(topics)
            case .text:
                var output = StandardOutput.Buffered()
                try RefsText.topics(topics, color: color, to: &output)
                try output.flush()
            case .markdown: try StandardOutput.write(RefsMarkdown.topics(topics))
            }
            try finish(found: found, topic: topicText, keeping: topics)
        }
    }

    /// Ends the command, exit status 1 when nothing was found. What was listed is kept to the
    /// end: the process's end frees it at once, where freeing 100,000 citations one by one
    /// would take a tenth of the time `refs` takes on a large folder.
    func finish<Listed>(found: Bool, topic: String, keeping listed: Listed) throws -> Never {
        try withExtendedLifetime(listed) { () throws -> Never in
            if !found {
                if options.format != .json { Terminal.writeError("netkb: no references \(nothingFound(topic: topic))") }
                throw ExitCode(1)
            }
            Foundation.exit(0)
        }
    }

    /// `text` as a URL: `https://` added when it starts with a host (`www.youtube.com/…`,
    /// `example.com:8080`) rather than a scheme (`mailto:`, `ftp://`).
    static func withScheme(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains("://") else { return trimmed }
        if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains(".") { return trimmed }
        return "https://" + trimmed
    }

    /// What the message for an empty answer says was looked for.
    func nothingFound(topic: String) -> String {
        var parts: [String] = []
        if !topic.isEmpty { parts.append("in topics matching '\(TerminalText.escaped(topic))'") }
        if let domain { parts.append("of \(TerminalText.escaped(domain))") }
        if let url { parts.append("citing \(TerminalText.escaped(url))") }
        return parts.isEmpty ? "in the notes" : parts.joined(separator: " ")
    }
}

/// `--domain D`: the site to keep, and the host when D names one below the site
/// (`en.wikipedia.org` keeps English Wikipedia only; `wikipedia.org` keeps all of it).
struct SiteFilter {
    var domain: String
    var host: String?

    init(_ text: String) throws {
        guard let normalized = URLNormalizer.normalize(RefsCommand.withScheme(text)) else {
            throw CommandFailure(message: "'\(TerminalText.escaped(text.shortened()))' is not a site: give a domain such as youtube.com")
        }
        domain = normalized.domain
        host = normalized.host == normalized.domain ? nil : normalized.host
    }

    func admits(_ citation: CitedReference) -> Bool {
        guard let host else { return true }
        guard let schemeEnd = citation.normalizedURL.range(of: "://") else { return false }
        let rest = citation.normalizedURL[schemeEnd.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == ":" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end] == host
    }
}
