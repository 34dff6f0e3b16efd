import Foundation
import NetKB

/// `refs` as text, written into a ``StandardOutput/Buffered`` piece by piece: `refs` writes
/// a hundred thousand lines. Every piece of note text is escaped for the terminal; without
/// colour, a line's pieces are checked for escaping at once (``StandardOutput/Buffered/addChecked(_:)``).
enum RefsText {
    /// Per topic:
    ///
    ///     network.md:76  OSI 7 Layer와 TCP/IP Model
    ///       https://www.youtube.com/watch?v=XFYRbeqGEtg  (youtube.com)
    ///           "OSI 7계층은 사실 아무것도 해주지 않습니다"
    static func topics(_ topics: [ReferenceGrouping.Topic], color: Bool, to output: inout StandardOutput.Buffered) throws {
        for (index, topic) in topics.enumerated() { try self.topic(topic, first: index == 0, color: color, to: &output) }
        try output.append(summary(topics))
    }

    /// One topic, after a blank line unless it is the first.
    static func topic(_ topic: ReferenceGrouping.Topic, first: Bool, color: Bool, to output: inout StandardOutput.Buffered) throws {
        if !first { output.add(literal: "\n") }
        line(color: color, to: &output) { output, escaping in
            place(topic.path, topic.line, color: color, escaping: escaping, to: &output)
            output.add(literal: "  ")
            headingPath(topic.headingPath, title: topic.noteTitle, escaping: escaping, to: &output)
        }
        output.add(literal: "\n")
        // Each reference read where it is, not copied.
        try topic.references.withUnsafeBufferPointer { references in
            for index in references.indices {
                let reference = references.baseAddress! + index
                output.addChecked { output, escaping in
                    output.add(literal: "  ")
                    output.add(reference.pointee.url, escaping: escaping)
                    output.add(literal: "  (")
                    output.add(reference.pointee.domain, escaping: escaping)
                }
                output.add(literal: ")\n")
                if reference.pointee.label != nil || reference.pointee.description != nil {
                    output.add(literal: "      ")
                    output.addChecked { output, escaping in
                        about(label: reference.pointee.label, description: reference.pointee.description, escaping: escaping, to: &output)
                    }
                    output.add(literal: "\n")
                }
                try output.flushIfFull()
            }
        }
    }

    /// `N references in M topics`, after a blank line; empty without topics.
    static func summary(_ topics: [ReferenceGrouping.Topic]) -> String {
        guard !topics.isEmpty else { return "" }
        let count = topics.reduce(0) { $0 + $1.references.count }
        return "\n\(plural(count, "reference")) in \(plural(topics.count, "topic"))\n"
    }

    /// Per site, most references first, each reference with every place that cites it.
    static func sites(_ sites: [ReferenceGrouping.Site], color: Bool, to output: inout StandardOutput.Buffered) throws {
        for (index, site) in sites.enumerated() { try self.site(site, first: index == 0, color: color, to: &output) }
        try output.append(summary(sites))
    }

    static func site(_ site: ReferenceGrouping.Site, first: Bool, color: Bool, to output: inout StandardOutput.Buffered) throws {
        if !first { output.add(literal: "\n") }
        if color { output.add(Terminal.cyan) }
        output.addEscaped(site.domain)
        if color { output.add(Terminal.reset) }
        output.add("  \(plural(site.references.count, "reference")), \(plural(site.citationCount, "citation"))\n")
        for reference in site.references { try self.reference(reference, indent: "  ", color: color, to: &output) }
    }

    static func summary(_ sites: [ReferenceGrouping.Site]) -> String {
        guard !sites.isEmpty else { return "" }
        let references = sites.reduce(0) { $0 + $1.references.count }
        let citations = sites.reduce(0) { $0 + $1.citationCount }
        return "\n\(plural(references, "reference")), \(plural(citations, "citation")) on \(plural(sites.count, "site"))\n"
    }

    /// `--url`: the reference and every place that cites it.
    static func places(_ references: [ReferenceGrouping.Reference], color: Bool, to output: inout StandardOutput.Buffered) throws {
        for reference in references { try self.reference(reference, indent: "", color: color, to: &output) }
    }

    /// A reference (its normalised URL, label and description) and its citations, one a line,
    /// with the URL as written there.
    static func reference(_ reference: ReferenceGrouping.Reference, indent: StaticString, color: Bool, to output: inout StandardOutput.Buffered) throws {
        output.add(literal: indent)
        output.addEscaped(reference.normalizedURL)
        output.add(literal: "  (")
        output.add(reference.citations.count)
        output.add(literal: reference.citations.count == 1 ? " citation)\n" : " citations)\n")
        if reference.label != nil || reference.description != nil {
            output.add(literal: indent)
            output.add(literal: "    ")
            output.addChecked { output, escaping in
                about(label: reference.label, description: reference.description, escaping: escaping, to: &output)
            }
            output.add(literal: "\n")
        }
        // Each citation read where it is, not copied.
        try reference.citations.withUnsafeBufferPointer { citations in
            for index in citations.indices {
                let citation = citations.baseAddress! + index
                output.add(literal: indent)
                output.add(literal: "    ")
                line(color: color, to: &output) { output, escaping in
                    place(citation.pointee.path, citation.pointee.line, color: color, escaping: escaping, to: &output)
                    output.add(literal: "  ")
                    headingPath(citation.pointee.headingPath, title: citation.pointee.noteTitle, escaping: escaping, to: &output)
                    output.add(literal: "  ")
                    output.add(citation.pointee.url, escaping: escaping)
                }
                output.add(literal: "\n")
                try output.flushIfFull()
            }
        }
    }

    /// A line's pieces as `write` appends them: checked at once (see
    /// ``StandardOutput/Buffered/addChecked(_:)``), or escaped one by one in colour, whose
    /// codes the check would take for note text to escape.
    static func line(color: Bool, to output: inout StandardOutput.Buffered, _ write: (inout StandardOutput.Buffered, _ escaping: Bool) -> Void) {
        if color { write(&output, true) } else { output.addChecked(write) }
    }

    /// `label — description`, either alone; nothing when the reference has neither.
    static func about(label: String?, description: String?, escaping: Bool, to output: inout StandardOutput.Buffered) {
        if let label { output.add(label, escaping: escaping) }
        if label != nil, description != nil { output.add(literal: " — ") }
        if let description { output.add(description, escaping: escaping) }
    }

    /// `path:line`, escaped when `escaping`, in colour when asked.
    static func place(_ path: String, _ line: Int, color: Bool, escaping: Bool, to output: inout StandardOutput.Buffered) {
        if color { output.add(Terminal.cyan) }
        output.add(path, escaping: escaping)
        output.add(literal: ":")
        output.add(line)
        if color { output.add(Terminal.reset) }
    }

    /// The headings joined with ` › `, escaped when `escaping`, or the note's title for the
    /// text before any heading.
    static func headingPath(_ path: [String], title: String, escaping: Bool, to output: inout StandardOutput.Buffered) {
        guard !path.isEmpty else { return output.add(title, escaping: escaping) }
        for (index, heading) in path.enumerated() {
            if index > 0 { output.add(literal: " › ") }
            output.add(heading, escaping: escaping)
        }
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

    /// A URL as a Markdown link destination inside `<…>`: spaces, `<`, `>`, control
    /// characters and direction marks percent-encoded, so any URL stays one link and shows as
    /// it is ordered.
    static func destination(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar.value {
            case 0x00...0x20, 0x7F...0x9F, 0x3C, 0x3E, 0x5C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
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
enum RefsJSON {
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

        init(_ topic: ReferenceGrouping.Topic) {
            path = topic.path
            line = topic.line
            heading = topic.heading
            headingPath = topic.headingPath
            title = topic.noteTitle
            references = topic.references.map(Reference.init)
        }
    }

    /// Writes `{"topics": [...]}` a piece at a time (see ``JSONStreamWriter``), byte for byte as
    /// ``JSONOutput`` would write the `RefsJSON` of these topics.
    static func write(_ topics: [ReferenceGrouping.Topic]) throws {
        var writer = JSONStreamWriter()
        writer.raw("{")
        writer.key("topics", depth: 1, first: true)
        try writer.array(count: topics.count, depth: 1) { Topic(topics[$0]) }
        writer.raw("\n}\n")
        try writer.flush()
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
    enum Sites {
        struct Site: Encodable {
            var domain: String
            var referenceCount: Int
            var citationCount: Int
            var references: [CitedEntry]
        }

        static func site(_ site: ReferenceGrouping.Site) -> Site {
            Site(domain: site.domain, referenceCount: site.references.count, citationCount: site.citationCount,
                 references: site.references.map(CitedEntry.init))
        }

        /// Writes `{"domains": [...]}` a piece at a time, as ``RefsJSON/write(_:)`` does.
        static func write(_ sites: [ReferenceGrouping.Site]) throws {
            var writer = JSONStreamWriter()
            writer.raw("{")
            writer.key("domains", depth: 1, first: true)
            // A site's references go as one piece: the largest site holds a few thousand.
            try writer.array(count: sites.count, depth: 1, chunk: 16) { site(sites[$0]) }
            writer.raw("\n}\n")
            try writer.flush()
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
