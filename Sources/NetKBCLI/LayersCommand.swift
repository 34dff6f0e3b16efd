import ArgumentParser
import Foundation
import NetKB

/// `netkb layers`: the OSI stack 7 to 1 beside TCP/IP's four layers, with what the notes cover.
struct LayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layers",
        abstract: "Show which OSI and TCP/IP layers your notes cover, and with which concepts.",
        discussion: """
            Each OSI layer is a row, 7 at the top, with TCP/IP's layer beside it, a bar for how many \
            sections are at that layer, and the concepts mentioned there. An empty row is a gap in \
            the notes. Then the topics (level-1 and level-2 headings) by the layer they are mostly about.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Read the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() throws {
        try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            switch options.format {
            case .json:
                // Every topic; each concept's sections read and written one concept at a time.
                let overview = try opened.store.layerOverview(details: true, listingSections: false)
                try opened.store.withConceptSections { sections in try LayersJSONStream.write(overview, sections: sections) }
            case .text, .markdown:
                try StandardOutput.write(LayersText.render(try opened.store.layerOverview(details: false), color: options.color.enabled))
            }
        }
    }
}

/// The picture `netkb layers` prints.
enum LayersText {
    static let barWidth = 24
    static let conceptsShown = 6

    static func render(_ overview: LayerOverview, color: Bool) -> String {
        func paint(_ text: String, _ code: String) -> String { color ? code + text + Terminal.reset : text }
        let most = max(1, overview.layers.map(\.sectionCount).max() ?? 0)
        // Wide enough for the largest count and a space before it: 50,000 sections kept apart from the bar.
        let countWidth = max(5, String(most).count + 1)
        var output = "OSI                 TCP/IP           sections\n"
        for layer in overview.layers.reversed() {
            let osi = "\(layer.osi.number) \(layer.osi.name)".padding(toLength: 16, withPad: " ", startingAt: 0)
            let tcpip = tcpipColumn(layer.osi)
            let filled = layer.sectionCount == 0 ? 0 : max(1, layer.sectionCount * barWidth / most)
            let bar = paint(String(repeating: "█", count: filled), Terminal.cyan)
                + paint(String(repeating: "·", count: barWidth - filled), Terminal.dim)
            let count = String(layer.sectionCount).leftPadded(to: countWidth)
            var concepts = layer.concepts.prefix(conceptsShown).map { "\($0.concept.label) \($0.concept.sectionCount)" }.joined(separator: " · ")
            if layer.concepts.count > conceptsShown { concepts += " · +\(layer.concepts.count - conceptsShown) more" }
            let detail = layer.concepts.isEmpty ? paint("gap: no section mentions this layer", Terminal.bold) : TerminalText.escaped(concepts)
            output += "\(osi)  \(tcpip)  \(bar)\(count)  \(detail)\n"
        }
        output += "\(overview.taggedSections) of \(overview.sections) sections mention a concept.\n"
        let withTopics = overview.layers.reversed().filter { $0.topicCount > 0 }
        if !withTopics.isEmpty {
            output += "\nTopics by the layer they are mostly about:\n"
            for layer in withTopics {
                output += "  L\(layer.osi.number) \(layer.osi.name)\n"
                for topic in layer.topics {
                    let location = TerminalText.escaped("\(topic.path):\(topic.line)")
                    let layers = topic.layers.map { "L\($0.number)" }.joined(separator: "+")
                    output += "    \(color ? paint(location, Terminal.cyan) : location)  \(TerminalText.escaped(topic.heading))  (\(layers))\n"
                }
                if layer.topicCount > layer.topics.count {
                    output += "    … and \(layer.topicCount - layer.topics.count) more\n"
                }
            }
        }
        return output
    }

    /// The TCP/IP column of an OSI row: a bracket over the rows a TCP/IP layer spans, with its
    /// name on the row in the middle (the upper one of two).
    static func tcpipColumn(_ osi: OSILayer) -> String {
        let layer = osi.tcpipLayer
        let rows = layer.osiLayers.sorted(by: >)
        let index = rows.firstIndex(of: osi) ?? 0
        let bracket: String
        if rows.count == 1 { bracket = "[" } else if index == 0 { bracket = "┌" } else if index == rows.count - 1 { bracket = "└" } else { bracket = "│" }
        let name = index == (rows.count - 1) / 2 ? layer.name : ""
        return (bracket + " " + name).padding(toLength: 15, withPad: " ", startingAt: 0)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

/// `layers --format json`: DESIGN.md's `{"layers": [{"osi", "name", "tcpip", "concepts": [{"id", "name", "sections": [{"path", "line", "heading"}]}]}]}`,
/// OSI 7 first, with `koreanName`, `sectionCount`, `topics`, and the index's `sections` and
/// `taggedSections` added; written by ``LayersJSONStream`` a piece at a time, these are its pieces.
enum LayersJSON {
    struct Concept: Encodable {
        var id: String
        var name: String
        var label: String
        var sections: [Section]
    }

    struct Section: Encodable {
        var path: String
        var line: Int
        var heading: String
        var count: Int
    }

    struct Topic: Encodable {
        var path: String
        var line: Int
        var heading: String
        var layers: [Int]
    }

}
