import ArgumentParser
import Foundation
import NetKB

/// `netkb links NOTE`: a note's outgoing links and its backlinks; `--orphans`: notes no other note links to.
struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "Show a note's outgoing links and backlinks, or the notes nothing links to.",
        discussion: "NOTE is a path from the notes root (or from the current folder into it), a file name (with or without .md), a title or an alias; Korean-aware and NFC."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The note.")
    var note: String?

    @Flag(help: "List the notes no other note links to.")
    var orphans = false

    @Flag(help: "Read the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
        if orphans == (note != nil) { throw ValidationError(orphans ? "give either NOTE or --orphans, not both" : "give a NOTE, or --orphans") }
    }

    func run() throws {
        try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            let store = opened.store
            if orphans {
                let paths = try store.orphans()
                switch options.format {
                case .json: try JSONOutput.print(["orphans": paths])
                case .text, .markdown: try StandardOutput.write(paths.map { TerminalText.escaped($0) + "\n" }.joined())
                }
                return
            }
            let path = try NoteArgument.path(named: note ?? "", in: store, workspace: options.workspace)
            let outgoing = try store.outgoingLinks(of: path)
            let backlinks = try store.backlinks(to: path)
            switch options.format {
            case .json: try JSONOutput.print(LinksJSON(note: path, outgoing: outgoing, backlinks: backlinks))
            case .text, .markdown: try StandardOutput.write(Self.text(path: path, outgoing: outgoing, backlinks: backlinks))
            }
        }
    }

    /// How many characters of a link's target a line shows: a `data:` image's 10,000 are cut
    /// (JSON keeps them whole).
    static let shownTarget = 200

    static func text(path: String, outgoing: [IndexedLink], backlinks: [IndexedLink]) -> String {
        var output = "\(TerminalText.escaped(path))\n"
        output += "outgoing (\(outgoing.count)):\n"
        for link in outgoing {
            let verdict: String
            if let broken = link.broken {
                verdict = "broken (\(broken.kind.rawValue)): \(broken.reason)"
            } else if link.isExternal {
                verdict = "external"
            } else {
                verdict = "→ " + (link.targetPath ?? "") + (link.targetHeading.map { " › " + $0 } ?? "")
            }
            output += TerminalText.escaped("  \(link.line):\(link.column)  \(link.target.shortened(toCharacters: Self.shownTarget))  \(verdict)") + "\n"
        }
        output += "backlinks (\(backlinks.count)):\n"
        for link in backlinks {
            output += TerminalText.escaped("  \(link.path):\(link.line):\(link.column)  \(link.target.shortened(toCharacters: Self.shownTarget))") + "\n"
        }
        return output
    }
}

/// `links NOTE --format json`.
struct LinksJSON: Encodable {
    struct Entry: Encodable {
        var path: String
        var line: Int
        var column: Int
        var target: String
        var text: String
        var kind: String
        var status: String
        var targetPath: String?
        var targetHeading: String?
        var reason: String?

        init(_ link: IndexedLink) {
            path = link.path
            line = link.line
            column = link.column
            target = link.target
            text = link.text
            kind = link.kind.rawValue
            status = link.broken?.kind.rawValue ?? (link.isExternal ? "external" : "ok")
            targetPath = link.targetPath
            targetHeading = link.targetHeading
            reason = link.broken?.reason
        }
    }

    var note: String
    var outgoing: [Entry]
    var backlinks: [Entry]

    init(note: String, outgoing: [IndexedLink], backlinks: [IndexedLink]) {
        self.note = note
        self.outgoing = outgoing.map(Entry.init)
        self.backlinks = backlinks.map(Entry.init)
    }
}
