import ArgumentParser
import Foundation
import NetKB

/// `netkb show NOTE[#HEADING]`: a note, or one heading with what is under it, as written.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a note, or one heading of it with what is under it, as written.",
        discussion: """
            NOTE is a path from the notes root (or from the current folder into it), a file name (with or without .md), a title or an \
            alias, as for `links`. NOTE#HEADING shows that heading down to the next heading of its \
            level or above: HEADING is the heading's text (letter case and punctuation ignored, \
            H1#H2 for a heading under another) or its anchor as a Markdown link writes it \
            (tcp-연결-수립). A path that contains # is taken whole when a note has it.
            The lines are read from the file as it is now. Control characters are shown escaped.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The note, and optionally one of its headings.", valueName: "note[#heading]"))
    var note: String

    @Flag(help: "Read the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() throws {
        let shown = try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            let (path, fragment) = try NoteArgument.pathAndFragment(note, in: opened.store, workspace: options.workspace)
            do {
                return try options.workspace.show(notePath: path, fragment: fragment)
            } catch let error as ShowError {
                throw CommandFailure(message: TerminalText.escaped(error.description))
            }
        }
        switch options.format {
        case .json: try JSONOutput.print(ShowJSON(shown))
        case .text, .markdown: try StandardOutput.write(TerminalText.escaped(shown.text, keepNewlines: true))
        }
    }
}

/// `show --format json`: `{"path", "title", "heading", "headingPath", "line", "endLine", "text"}`;
/// `heading` is null and `headingPath` empty for a whole note.
struct ShowJSON: Encodable {
    let shown: ShownNote

    init(_ shown: ShownNote) {
        self.shown = shown
    }

    enum CodingKeys: String, CodingKey { case path, title, heading, headingPath, line, endLine, text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shown.path, forKey: .path)
        try container.encode(shown.title, forKey: .title)
        try container.encode(shown.heading, forKey: .heading)
        try container.encode(shown.headingPath, forKey: .headingPath)
        try container.encode(shown.startLine, forKey: .line)
        try container.encode(shown.endLine, forKey: .endLine)
        try container.encode(shown.text, forKey: .text)
    }
}
