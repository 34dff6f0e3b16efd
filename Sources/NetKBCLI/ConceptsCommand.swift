import ArgumentParser
import Foundation
import NetKB

/// `netkb concepts [NAME]`: the taxonomy, or one concept's card.
struct ConceptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concepts",
        abstract: "List the networking concepts netkb knows, or show one concept's card.",
        discussion: """
            NAME is an id, English name, Korean name, alias or abbreviation, in any case: \
            TCP, tcp, 'Transmission Control Protocol', 전송 제어 프로토콜. The card shows the concept's \
            layers and names, related concepts, the sections that mention it (path:line) and the \
            references cited in them. Add or override concepts in .netkb/concepts.yml in the notes folder.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The concept to show.")
    var name: [String] = []

    @Flag(help: "Read the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() throws {
        try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            let store = opened.store
            guard !name.isEmpty else {
                let all = try store.concepts()
                switch options.format {
                case .json: try JSONOutput.print(["concepts": all.map(ConceptJSON.init)])
                case .text, .markdown: try StandardOutput.write(Self.list(all))
                }
                return
            }
            let wanted = name.joined(separator: " ")
            guard let concept = try store.concepts(named: wanted).first, let card = try store.card(of: concept.concept.id, sectionLimit: options.format == .json ? nil : Self.sectionsShown) else {
                throw CommandFailure(message: try Self.unknown(wanted, among: store.concepts()))
            }
            switch options.format {
            case .json: try JSONOutput.print(CardJSON(card))
            case .text, .markdown: try StandardOutput.write(Self.card(card, color: options.color.enabled))
            }
        }
    }

    /// Why `wanted` names no concept, with the closest of the concepts' names (id, name,
    /// Korean names, abbreviations, aliases; letter case aside) when one is near: `TCPP`
    /// suggests `TCP`.
    static func unknown(_ wanted: String, among concepts: [IndexedConcept]) -> String {
        var message = "no concept '\(TerminalText.escaped(wanted.shortened()))'"
        var spelled: [String: String] = [:]
        for entry in concepts {
            let concept = entry.concept
            for name in concept.abbreviations + [concept.name] + concept.koreanNames + concept.aliases + [concept.id] {
                spelled[name.lowercased()] = spelled[name.lowercased()] ?? name
            }
        }
        if wanted.count <= 100, let near = EditDistance.closest(to: wanted.lowercased(), among: spelled.keys.sorted()) {
            message += " (did you mean '\(TerminalText.escaped(spelled[near] ?? near))'?)"
        }
        return message + "; 'netkb concepts' lists them"
    }

    /// One line per concept: layers, id, names, how many sections mention it.
    static func list(_ concepts: [IndexedConcept]) -> String {
        var output = ""
        for entry in concepts {
            let concept = entry.concept
            let layers = layerText(concept).padding(toLength: 10, withPad: " ", startingAt: 0)
            let id = concept.id.padding(toLength: 30, withPad: " ", startingAt: 0)
            var names = concept.nameAbbreviation.map { "\($0) — \(concept.name)" } ?? concept.name
            if let korean = concept.koreanName { names += " (\(korean))" }
            let sections = entry.sectionCount == 0 ? "" : "  · \(entry.sectionCount) section\(entry.sectionCount == 1 ? "" : "s")"
            output += TerminalText.escaped("\(layers)\(id)\(names)\(sections)") + "\n"
        }
        output += "\(concepts.count) concepts; \(concepts.filter { $0.sectionCount > 0 }.count) mentioned in the notes\n"
        return output
    }

    /// `L4`, `L2 L3`, or `-` for a concept of no layer (a model).
    static func layerText(_ concept: Concept) -> String {
        concept.osiLayers.isEmpty ? "-" : concept.osiLayers.map { "L\($0.number)" }.joined(separator: " ")
    }

    /// How many sections a card lists in text.
    static let sectionsShown = 30

    static func card(_ card: ConceptCard, color: Bool) -> String {
        let concept = card.concept.concept
        func line(_ label: String, _ value: String) -> String {
            value.isEmpty ? "" : "  " + label.padding(toLength: 15, withPad: " ", startingAt: 0) + TerminalText.escaped(value) + "\n"
        }
        let title = concept.nameAbbreviation.map { "\($0) — \(concept.name)" } ?? concept.name
        var output = (color ? Terminal.cyan + TerminalText.escaped(title) + Terminal.reset : TerminalText.escaped(title)) + "\n"
        let osi = concept.osiLayers.map { "\($0.number) \($0.name) (\($0.koreanName))" }.joined(separator: ", ")
        let tcpip = concept.tcpipLayers.map(\.name).joined(separator: ", ")
        output += line("OSI layers:", osi.isEmpty ? "none (a model or the whole stack)" : osi)
        output += line("TCP/IP layers:", tcpip.isEmpty ? "none" : tcpip)
        output += line("Korean:", concept.koreanNames.joined(separator: ", "))
        output += line("English:", ([concept.name] + concept.aliases).joined(separator: ", "))
        output += line("Abbreviations:", concept.abbreviations.joined(separator: ", "))
        output += line("Kind:", concept.kind.rawValue)
        output += line("Note:", concept.note ?? "")
        output += line("Related:", card.related.map { "\($0.label) (\($0.concept.id))" }.joined(separator: ", "))
        output += line("Id:", concept.id)
        output += "Sections (\(card.concept.sectionCount)):\n"
        for section in card.sections {
            let location = TerminalText.escaped("\(section.path):\(section.line)")
            output += "  \(color ? Terminal.cyan + location + Terminal.reset : location)  \(TerminalText.escaped(section.heading))  ×\(section.count)\n"
        }
        if card.sections.isEmpty { output += "  none yet: no note mentions it\n" }
        if card.concept.sectionCount > card.sections.count {
            output += "  … and \(card.concept.sectionCount - card.sections.count) more (--format json lists them all)\n"
        }
        output += card.concept.sectionCount > card.sections.count
            ? "References cited in these \(card.sections.count) sections (\(card.references.count)):\n"
            : "References (\(card.references.count)):\n"
        for reference in card.references {
            var text = reference.url
            if let label = reference.label { text += "  \(label)" }
            if let description = reference.description, description != reference.label { text += " — \(description)" }
            output += "  " + TerminalText.escaped(text) + "  (\(TerminalText.escaped("\(reference.path):\(reference.line)")))\n"
        }
        return output
    }
}

/// A concept in `concepts --format json`.
struct ConceptJSON: Encodable {
    var id: String
    var name: String
    /// What lists show (see ``NetKBCore/Concept/label``).
    var label: String
    var korean: [String]
    var abbreviations: [String]
    var aliases: [String]
    var osi: [Int]
    var tcpip: [String]
    var kind: String
    var related: [String]
    var note: String?
    var sections: Int

    init(_ entry: IndexedConcept) {
        let concept = entry.concept
        id = concept.id
        name = concept.name
        label = concept.label
        korean = concept.koreanNames
        abbreviations = concept.abbreviations
        aliases = concept.aliases
        osi = concept.osiLayers.map(\.number)
        tcpip = concept.tcpipLayers.map(\.name)
        kind = concept.kind.rawValue
        related = concept.related
        note = concept.note
        sections = entry.sectionCount
    }
}

/// `concepts NAME --format json`: the concept's fields, `related` as `{id, name}`, `sections`
/// as `{path, line, heading, count}` and `references` as `{url, label, description, path, line}`.
struct CardJSON: Encodable {
    struct Related: Encodable {
        var id: String
        var name: String
    }

    struct Section: Encodable {
        var path: String
        var line: Int
        var heading: String
        var count: Int
    }

    struct Reference: Encodable {
        var url: String
        var label: String?
        var description: String?
        var path: String
        var line: Int
    }

    var id: String
    var name: String
    var label: String
    var korean: [String]
    var abbreviations: [String]
    var aliases: [String]
    var osi: [Int]
    var tcpip: [String]
    var kind: String
    var note: String?
    var related: [Related]
    var sections: [Section]
    var references: [Reference]

    init(_ card: ConceptCard) {
        let base = ConceptJSON(card.concept)
        id = base.id
        name = base.name
        label = base.label
        korean = base.korean
        abbreviations = base.abbreviations
        aliases = base.aliases
        osi = base.osi
        tcpip = base.tcpip
        kind = base.kind
        note = base.note
        related = card.related.map { Related(id: $0.concept.id, name: $0.concept.name) }
        sections = card.sections.map { Section(path: $0.path, line: $0.line, heading: $0.heading, count: $0.count) }
        references = card.references.map { Reference(url: $0.url, label: $0.label, description: $0.description, path: $0.path, line: $0.line) }
    }
}
