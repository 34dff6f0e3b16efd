import ArgumentParser
import Foundation
import NetKB

/// `netkb check`: every broken internal link, as compiler-style diagnostics or JSON.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List broken links: missing files and headings, unresolved wiki links, links leaving the notes.",
        discussion: """
            Prints `path:line:column: error: broken link 'target': reason`, grouped by file in path order, \
            then a summary. A wiki link with two equally good targets is a warning (an error with --strict).
            Exit status: 0 nothing broken, 1 something broken, 2 a usage or runtime error.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Treat ambiguous wiki links as errors.")
    var strict = false

    @Flag(help: "Check the index as it is, without bringing it up to date first.")
    var noRefresh = false

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() throws {
        let (checked, links) = try Refresh.withIndex(options, noRefresh ? .read : .refreshThenRead) { opened in
            try opened.store.brokenLinks()
        }
        let diagnostics = links.map(diagnostic)
        switch options.format {
        case .json:
            try JSONOutput.print(CheckJSON(checkedLinks: checked, links: links, diagnostics: diagnostics))
        case .text, .markdown:
            var output = ""
            for diagnostic in diagnostics { output += TerminalText.escaped(diagnostic.description) + "\n" }
            output += DiagnosticSummary.line(diagnostics, checked: checked) + "\n"
            try StandardOutput.write(output)
        }
        throw ExitCode(DiagnosticSummary.exitStatus(diagnostics))
    }

    /// A broken link as a diagnostic: an error, or a warning for an ambiguous wiki link unless `--strict`.
    func diagnostic(_ link: IndexedLink) -> Diagnostic {
        let broken = link.broken ?? BrokenLink(kind: .file, reason: "broken")
        let severity: Diagnostic.Severity = broken.kind == .ambiguous && !strict ? .warning : .error
        let noun = broken.kind == .ambiguous ? "ambiguous link" : "broken link"
        return Diagnostic(
            path: link.path, line: link.line, column: link.column, severity: severity,
            message: "\(noun) '\(link.target)': \(broken.reason)", suggestion: broken.suggestion)
    }
}

/// The one place that turns what was reported into a summary line and an exit status, as a
/// compiler's frontend does.
enum DiagnosticSummary {
    /// 1 when any diagnostic is an error, else 0.
    static func exitStatus(_ diagnostics: [Diagnostic]) -> Int32 {
        diagnostics.contains { $0.severity == .error } ? 1 : 0
    }

    static func line(_ diagnostics: [Diagnostic], checked: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let files = Set(diagnostics.map(\.path)).count
        return "checked \(count(checked, "link")): \(count(errors, "broken link")), \(count(warnings, "warning"))"
            + (diagnostics.isEmpty ? "" : " in \(count(files, "file"))")
    }
}

/// `check --format json`: `{"checkedLinks", "broken": [{"path", "line", "column", "target", "kind", "reason"}]}`.
struct CheckJSON: Encodable {
    struct Broken: Encodable {
        var path: String
        var line: Int
        var column: Int
        var target: String
        var kind: String
        var reason: String
        var suggestion: String?
        var severity: String
    }

    var checkedLinks: Int
    var broken: [Broken]
    var errors: Int
    var warnings: Int

    init(checkedLinks: Int, links: [IndexedLink], diagnostics: [Diagnostic]) {
        self.checkedLinks = checkedLinks
        broken = zip(links, diagnostics).map { link, diagnostic in
            Broken(
                path: link.path, line: link.line, column: link.column, target: link.target,
                kind: link.broken?.kind.rawValue ?? "file", reason: link.broken?.reason ?? "",
                suggestion: link.broken?.suggestion, severity: diagnostic.severity.rawValue)
        }
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.count - errors
    }
}
