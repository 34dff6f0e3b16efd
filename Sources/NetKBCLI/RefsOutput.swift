import Foundation
import NetKB

/// `refs` as text. Every piece of note text is escaped for the terminal.
enum RefsText {
    /// Per topic:
    ///
    ///     network.md:76  OSI 7 Layer와 TCP/IP Model
    ///       https://www.youtube.com/watch?v=XFYRbeqGEtg  (youtube.com)
    ///           "OSI 7계층은 사실 아무것도 해주지 않습니다"
    static func topics(_ topics: [ReferenceGrouping.Topic], color: Bool) -> String {
        var output = ""
        for (index, topic) in topics.enumerated() { output.append(self.topic(topic, first: index == 0, color: color)) }
        return output + summary(topics)
    }

    /// One topic, after a blank line unless it is the first.
    static func topic(_ topic: ReferenceGrouping.Topic, first: Bool, color: Bool) -> String {
        var output = first ? "" : "\n"
        output.append(place(topic.path, topic.line, color: color))
        output.append("  ")
        appendEscaped(headingPath(topic.headingPath, title: topic.noteTitle), to: &output)
        output.append("\n")
        for reference in topic.references {
            output.append("  ")
            appendEscaped(reference.url, to: &output)
            output.append("  (")
            appendEscaped(reference.domain, to: &output)
            output.append(")\n")
            if let about = about(reference) {
                output.append("      ")
                appendEscaped(about, to: &output)
                output.append("\n")
            }
        }
        return output
    }

    /// `N references in M topics`, after a blank line; empty without topics.
    static func summary(_ topics: [ReferenceGrouping.Topic]) -> String {
        guard !topics.isEmpty else { return "" }
        let count = topics.reduce(0) { $0 + $1.references.count }
        return "\n\(plural(count, "reference")) in \(plural(topics.count, "topic"))\n"
    }

    /// Per site, most references first, each reference with every place that cites it.
    static func sites(_ sites: [ReferenceGrouping.Site], color: Bool) -> String {
        var output = ""
        for (index, site) in sites.enumerated() { output.append(self.site(site, first: index == 0, color: color)) }
        return output + summary(sites)
    }

    static func site(_ site: ReferenceGrouping.Site, first: Bool, color: Bool) -> String {
        var output = first ? "" : "\n"
        let title = TerminalText.escaped(site.domain)
        output.append(color ? Terminal.cyan + title + Terminal.reset : title)
        output.append("  \(plural(site.references.count, "reference")), \(plural(site.citationCount, "citation"))\n")
        for reference in site.references { append(reference, indent: "  ", color: color, to: &output) }
        return output
    }

    static func summary(_ sites: [ReferenceGrouping.Site]) -> String {
        guard !sites.isEmpty else { return "" }
        let references = sites.reduce(0) { $0 + $1.references.count }
        let citations = sites.reduce(0) { $0 + $1.citationCount }
        return "\n\(plural(references, "reference")), \(plural(citations, "citation")) on \(plural(sites.count, "site"))\n"
    }

    /// `--url`: the reference and every place that cites it.
    static func places(_ references: [ReferenceGrouping.Reference], color: Bool) -> String {
        references.map { reference($0, indent: "", color: color) }.joined()
    }

    /// A reference (its normalised URL, label and description) and its citations, one a line,
    /// with the URL as written there when it is not the reference's first.
    static func reference(_ reference: ReferenceGrouping.Reference, indent: String, color: Bool) -> String {
        var output = ""
        append(reference, indent: indent, color: color, to: &output)
        return output
    }

    /// ``reference(_:indent:color:)`` appended to `output` piece by piece: `refs --by-domain`
    /// writes a hundred thousand of these lines.
    static func append(_ reference: ReferenceGrouping.Reference, indent: String, color: Bool, to output: inout String) {
        output.append(indent)
        appendEscaped(reference.normalizedURL, to: &output)
        output.append("  (")
        output.append(plural(reference.citations.count, "citation"))
        output.append(")\n")
        if let about = about(reference) {
            output.append(indent)
            output.append("    ")
            appendEscaped(about, to: &output)
            output.append("\n")
        }
        for citation in reference.citations {
            output.append(indent)
            output.append("    ")
            if color { output.append(Terminal.cyan) }
            appendEscaped(citation.path, to: &output)
            output.append(":")
            output.append(String(citation.line))
            if color { output.append(Terminal.reset) }
            output.append("  ")
            if citation.headingPath.isEmpty {
                appendEscaped(citation.noteTitle, to: &output)
            } else {
                for (index, heading) in citation.headingPath.enumerated() {
                    if index > 0 { output.append(" › ") }
                    appendEscaped(heading, to: &output)
                }
            }
            output.append("  ")
            appendEscaped(citation.url, to: &output)
            output.append("\n")
        }
    }

    /// `text` escaped for the terminal, appended without a copy when nothing needs escaping.
    static func appendEscaped(_ text: String, to output: inout String) {
        if TerminalText.mayNeedEscape(text) { output.append(TerminalText.escaped(text)) } else { output.append(text) }
    }

    /// `label — description`, either alone, or nil.
    static func about(_ reference: ReferenceGrouping.Reference) -> String? {
        switch (reference.label, reference.description) {
        case let (label?, description?): "\(label) — \(description)"
        case let (label?, nil): label
        case let (nil, description?): description
        case (nil, nil): nil
        }
    }

    static func place(_ path: String, _ line: Int, color: Bool) -> String {
        let text = TerminalText.escaped("\(path):\(line)")
        return color ? Terminal.cyan + text + Terminal.reset : text
    }

    static func headingPath(_ path: [String], title: String) -> String {
        path.isEmpty ? title : path.joined(separator: " › ")
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// `refs --format markdown`: a reading list to paste into a note. Text from the notes is
/// escaped so that it stays text (`*`, `_`, `[`, `<`, …), and control characters as in text output.
enum RefsMarkdown {
    static func topics(_ topics: [ReferenceGrouping.Topic]) -> String {
        var output = ""
        for (index, topic) in topics.enumerated() {
            if index > 0 { output += "\n" }
            output += "## " + text(RefsText.headingPath(topic.headingPath, title: topic.noteTitle)) + "\n\n"
            output += "<!-- " + comment("\(topic.path):\(topic.line)") + " -->\n\n"
            for reference in topic.references { output += item(reference) }
        }
        return output
    }

    static func sites(_ sites: [ReferenceGrouping.Site]) -> String {
        var output = ""
        for (index, site) in sites.enumerated() {
            if index > 0 { output += "\n" }
            output += "## " + text(site.domain) + "\n\n"
            for reference in site.references { output += item(reference) }
        }
        return output
    }

    static func places(_ references: [ReferenceGrouping.Reference]) -> String {
        var output = ""
        for reference in references {
            output += item(reference)
            for citation in reference.citations {
                output += "    - " + text("\(citation.path):\(citation.line) " + RefsText.headingPath(citation.headingPath, title: citation.noteTitle)) + "\n"
            }
        }
        return output
    }

    /// `- [label](<url>) — description`, or `- <url> — description` without a label.
    static func item(_ reference: ReferenceGrouping.Reference) -> String {
        let destination = self.destination(reference.url)
        var line = "- "
        if let label = reference.label {
            line += "[" + text(label) + "](<" + destination + ">)"
        } else {
            line += "<" + destination + ">"
        }
        if let description = reference.description { line += " — " + text(description) }
        return line + "\n"
    }

    /// A URL as a Markdown link destination inside `<…>`: spaces, `<`, `>` and control
    /// characters percent-encoded, so any URL stays one link.
    static func destination(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar.value {
            case 0x00...0x20, 0x7F...0x9F, 0x3C, 0x3E, 0x5C:
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Note text made literal in Markdown: punctuation that could start markup is
    /// backslash-escaped, line breaks become spaces, control characters are escaped.
    static func text(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!", "~", "$":
                result += "\\" + String(scalar)
            case "\n", "\r":
                result += " "
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return TerminalText.escaped(result)
    }

    /// Text for an HTML comment: `--` cannot appear in one.
    static func comment(_ value: String) -> String {
        TerminalText.escaped(value.replacingOccurrences(of: "--", with: "- -"))
    }
}

/// `refs --format json`: `{"topics": [{"path", "line", "heading", "references": [{"url",
/// "normalizedUrl", "label", "description", "domain"}]}]}`, as DESIGN.md promises.
struct RefsJSON: Encodable {
    struct Reference: Encodable {
        var url: String
        var normalizedUrl: String
        var label: String?
        var description: String?
        var domain: String
        var line: Int
        var column: Int
        /// Every URL as written in this topic, when it cites the reference more than once.
        var urls: [String]?

        init(_ reference: ReferenceGrouping.Reference) {
            url = reference.url
            normalizedUrl = reference.normalizedURL
            label = reference.label
            description = reference.description
            domain = reference.domain
            line = reference.citations[0].line
            column = reference.citations[0].column
            urls = reference.citations.count > 1 ? reference.citations.map(\.url) : nil
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(normalizedUrl, forKey: .normalizedUrl)
            try container.encode(label, forKey: .label)
            try container.encode(description, forKey: .description)
            try container.encode(domain, forKey: .domain)
            try container.encode(line, forKey: .line)
            try container.encode(column, forKey: .column)
            try container.encodeIfPresent(urls, forKey: .urls)
        }

        enum CodingKeys: String, CodingKey { case url, normalizedUrl, label, description, domain, line, column, urls }
    }

    struct Topic: Encodable {
        var path: String
        var line: Int
        var heading: String
        var headingPath: [String]
        var title: String
        var references: [Reference]
    }

    var topics: [Topic]

    init(_ topics: [ReferenceGrouping.Topic]) {
        self.topics = topics.map { topic in
            Topic(path: topic.path, line: topic.line, heading: topic.heading, headingPath: topic.headingPath,
                  title: topic.noteTitle, references: topic.references.map(Reference.init))
        }
    }

    /// One citation of a reference.
    struct Citation: Encodable {
        var path: String
        var line: Int
        var column: Int
        var heading: String
        var headingPath: [String]
        var url: String

        init(_ citation: CitedReference) {
            path = citation.path
            line = citation.line
            column = citation.column
            heading = citation.heading
            headingPath = citation.headingPath
            url = citation.url
        }
    }

    /// A de-duplicated reference with every place that cites it.
    struct CitedEntry: Encodable {
        var url: String
        var normalizedUrl: String
        var label: String?
        var description: String?
        var domain: String
        var citations: [Citation]

        init(_ reference: ReferenceGrouping.Reference) {
            url = reference.url
            normalizedUrl = reference.normalizedURL
            label = reference.label
            description = reference.description
            domain = reference.domain
            citations = reference.citations.map(Citation.init)
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(url, forKey: .url)
            try container.encode(normalizedUrl, forKey: .normalizedUrl)
            try container.encode(label, forKey: .label)
            try container.encode(description, forKey: .description)
            try container.encode(domain, forKey: .domain)
            try container.encode(citations, forKey: .citations)
        }

        enum CodingKeys: String, CodingKey { case url, normalizedUrl, label, description, domain, citations }
    }

    /// `--by-domain --format json`: `{"domains": [{"domain", "referenceCount", "citationCount", "references": [...]}]}`.
    struct Sites: Encodable {
        struct Site: Encodable {
            var domain: String
            var referenceCount: Int
            var citationCount: Int
            var references: [CitedEntry]
        }

        var domains: [Site]

        init(_ sites: [ReferenceGrouping.Site]) {
            domains = sites.map {
                Site(domain: $0.domain, referenceCount: $0.references.count, citationCount: $0.citationCount,
                     references: $0.references.map(CitedEntry.init))
            }
        }
    }

    /// `--url URL --format json`: `{"references": [{…, "citations": [...]}]}` (one reference, or none).
    struct Places: Encodable {
        var references: [CitedEntry]

        init(_ references: [ReferenceGrouping.Reference]) {
            self.references = references.map(CitedEntry.init)
        }
    }
}
