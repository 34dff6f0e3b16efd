import ArgumentParser
import Foundation
import NetKB

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The notes folder (env NETKB_NOTES).", valueName: "dir"))
    var notes: String = Self.defaultNotes

    @Option(name: .long, help: ArgumentHelp("The index file (env NETKB_INDEX).", valueName: "file"))
    var index: String = Self.defaultIndex

    @Option(name: .customLong("repo-url"), help: ArgumentHelp("The GitHub repository the notes live in: its absolute links are checked as internal ones (env NETKB_REPO_URL; else repo-url in .netkb/config.yml).", valueName: "url"))
    var repoURLOption: String?

    /// The repository given as `--repo-url`, else in `NETKB_REPO_URL`.
    var repoURL: String? {
        get { repoURLOption ?? Self.defaultRepoURL }
        set { repoURLOption = newValue }
    }

    @Option(name: .long, help: "Output format: text, json (markdown: refs only).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Colour: auto (only on a terminal, never with NO_COLOR), always, never.")
    var color: ColorChoice = .auto

    /// The defaults when an option is not given: the environment's, else the built-in ones.
    static var defaultNotes: String { Environment.value("NETKB_NOTES") ?? "notes" }
    static var defaultIndex: String { Environment.value("NETKB_INDEX") ?? "index/netkb.sqlite" }
    static var defaultRepoURL: String? { Environment.value("NETKB_REPO_URL") }

    func validate() throws {
        _ = try Self.readerThreads()
        for (value, option, variable) in [(notes, "--notes", "NETKB_NOTES"), (index, "--index", "NETKB_INDEX")] where value.isEmpty {
            if Environment.value(variable) == "" && !CommandLine.arguments.contains(where: { $0 == option || $0.hasPrefix(option + "=") }) {
                throw ValidationError("\(variable) is set but empty: set it to a path or unset it")
            }
            throw ValidationError("\(option) is empty: give it a path")
        }
    }

    /// For commands without a Markdown form: rejects `--format markdown`.
    func requireTextOrJSON() throws {
        if format == .markdown { throw ValidationError("--format markdown is only for refs: use text or json") }
    }

    /// `NETKB_NO_TAGGING=1` turns concept tagging off, for the benchmark that measures its cost.
    var workspace: Workspace {
        Workspace(notesPath: notes, indexPath: index, repositoryURL: repoURL, tagsConcepts: Environment.value("NETKB_NO_TAGGING") != "1",
                  readerThreads: try? Self.readerThreads())
    }

    /// `NETKB_THREADS`: how many threads read and parse notes while one writes them; unset or
    /// empty for the default, one for each core but the writer's.
    static func readerThreads() throws -> Int? {
        guard let text = Environment.value("NETKB_THREADS"), !text.isEmpty else { return nil }
        guard let count = Int(text), (1...Self.maximumReaderThreads).contains(count) else {
            throw ValidationError("NETKB_THREADS must be a whole number from 1 to \(Self.maximumReaderThreads), not '\(TerminalText.escaped(text))'")
        }
        return count
    }

    static let maximumReaderThreads = 32
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    /// Whether to colour what goes to standard output.
    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: (Environment.value("NO_COLOR").map(\.isEmpty) ?? true) && Terminal.isTerminal(.standardOutput)
        }
    }
}

/// Environment variables, read without building the whole environment dictionary.
enum Environment {
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
