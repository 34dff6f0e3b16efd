import ArgumentParser
import Foundation

/// `netkb`: the root command.
@main
struct NetKBCommand: ParsableCommand {
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

            Exit status: 0 success (search: results found), 1 search found nothing, 2 error.
            """,
        subcommands: [IndexCommand.self, SearchCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as CommandFailure {
            fail(error.message)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch where exitCode(for: error) == .success {
            // --help and --version.
            print(fullMessage(for: error))
            Foundation.exit(0)
        } catch where exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
            Foundation.exit(2)
        } catch {
            fail("\(error)")
        }
    }

    /// Prints one line to standard error and exits with status 2.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("netkb: error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}

/// An error the user can act on: printed as one line, exit status 2.
struct CommandFailure: Error {
    var message: String
}
