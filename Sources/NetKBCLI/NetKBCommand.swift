import ArgumentParser
import Foundation
import NetKB

/// `netkb`: the root command.
@main
struct NetKBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "netkb",
        abstract: "Search a folder of Markdown study notes, Korean-aware.",
        discussion: """
            netkb indexes the Markdown notes under --notes (default ./notes) into one SQLite file \
            (--index, default ./index/netkb.sqlite). Reading commands bring the index up to date \
            first, so `netkb search` is all you need; --no-refresh skips that.

            Search syntax: words are ANDed; "a phrase" matches words together; a OR b; -word \
            excludes; word* matches a prefix. Korean is found inside words and regardless of \
            spacing: 소켓 finds 소켓은, 흐름 제어 finds 흐름제어.

            Exit status: 0 success (search, refs: something found), 1 search or refs found nothing, 2 error.
            """,
        version: NetKBVersion.current,
        subcommands: [IndexCommand.self, SearchCommand.self, RefsCommand.self, CheckCommand.self, LinksCommand.self, ShowCommand.self, LayersCommand.self, ConceptsCommand.self]
    )

    static func main() async {
        StandardOutput.reserveStandardDescriptors()
        do {
            if let search = QuickSearchArguments.command(Array(CommandLine.arguments.dropFirst())) {
                try search.run()
                return
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CommandFailure {
            fail(error.message, status: error.status)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch where exitCode(for: error) == .success {
            // --help and --version.
            do { try StandardOutput.write(fullMessage(for: error) + "\n") } catch { fail("\(error)") }
            Foundation.exit(0)
        } catch {
            // Argument errors: one line, and where to read more on a second.
            let message = message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            fail(message, hint: dashedNameHint() ?? "see '\(helpCommand()) --help'")
        }
    }

    /// When an argument before any `--` starts with one `-` and looks like a file name
    /// (`-rf.md`, `-x/a.md`), which the parser takes for options: where to put it instead.
    static func dashedNameHint() -> String? {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let word = arguments.prefix(while: { $0 != "--" }).first(where: { word in
            word.hasPrefix("-") && !word.hasPrefix("--") && word.count > 2 && (word.contains(".") || word.contains("/"))
        }) else { return nil }
        let shown = TerminalText.escaped(word)
        return "'\(shown)' is read as options: a name that starts with '-' goes after '--' ('\(helpCommand()) -- \(shown)')"
    }

    /// Prints `netkb: error: …` (and a hint line) to standard error and exits with `status`.
    static func fail(_ message: String, hint: String? = nil, status: Int32 = 2) -> Never {
        Terminal.writeError("netkb: error: \(message)")
        if let hint { Terminal.writeError(hint) }
        Foundation.exit(status)
    }

    /// `netkb SUBCOMMAND` when the arguments name one, else `netkb`.
    static func helpCommand() -> String {
        let names = configuration.subcommands.compactMap { $0.configuration.commandName }
        guard let name = CommandLine.arguments.dropFirst().first(where: { !$0.hasPrefix("-") }), names.contains(name) else {
            return "netkb"
        }
        return "netkb \(name)"
    }
}

/// An error the user can act on: printed as one line `netkb: error: …`, with its exit status
/// (2, a usage or runtime error, unless the command says otherwise).
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var status: Int32 = 2
    var description: String { message }
}
