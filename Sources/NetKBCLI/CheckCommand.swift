import ArgumentParser
import Foundation
import NetKB

/// `netkb check`: every broken internal link and, with `--external`, every dead web link, as
/// compiler-style diagnostics or JSON.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List broken links: missing files and headings, unresolved wiki links, links leaving the notes, dead web links.",
        discussion: """
            Prints `path:line:column: error: broken link 'target': reason`, grouped by file in path order, \
            then a summary. A wiki link with two equally good targets is a warning (an error with --strict).
            --external also checks every http(s) link over the network (HEAD, then GET when refused; \
            redirects followed; 429, 5xx and timeouts retried), caching verdicts in the index for --cache-age; \
            a permanent redirect is a warning. Loopback and private addresses and reserved names are skipped \
            unless --include-private.
            Exit status: 0 nothing broken, 1 something broken, 2 a usage or runtime error (such as no network).
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Treat ambiguous wiki links as errors.")
    var strict = false

    @Flag(help: "Check the index as it is, without bringing it up to date first.")
    var noRefresh = false

    @OptionGroup(title: "External links") var web: ExternalCheckArguments

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() async throws {
        let externalOptions = web.checksExternal ? try web.resolved() : nil
        let workspace = options.workspace
        let (checked, links, planned): (Int, [IndexedLink], [ExternalLinkTarget]?) = try Refresh.withIndex(
            options, noRefresh ? .read : .refreshThenRead
        ) { opened in
            let (checked, links) = web.onlyExternal ? (0, []) : try opened.store.brokenLinks()
            guard let externalOptions else { return (checked, links, nil) }
            do {
                let citations = try opened.store.externalCitations()
                return (checked, links, try workspace.planExternalCheck(citations, store: opened.store, options: externalOptions))
            } catch let error as ExternalCheckError {
                throw CommandFailure(message: error.description)
            } catch let error as IndexError {
                throw CommandFailure(message: error.description)
            }
        }

        var report: ExternalCheckReport?
        if let planned, let externalOptions {
            let bar = ProgressBar()
            do {
                report = try await workspace.checkExternalLinks(planned, options: externalOptions) { done, total in
                    bar.show(done: done, of: total, noun: "URLs")
                }
                bar.finish()
            } catch let error as ExternalCheckError {
                bar.finish()
                throw CommandFailure(message: error.description)
            }
            if let warning = report?.cacheWarning { Terminal.writeError("netkb: warning: \(warning)") }
        }

        var findings = links.map { CheckFinding($0, strict: strict) }
        for target in report?.targets ?? [] {
            guard let outcome = target.outcome, let severity = outcome.verdict.severity(allowRedirects: web.allowRedirects) else { continue }
            findings += target.citations.map { CheckFinding($0, outcome: outcome, severity: severity) }
        }
        findings = findings.enumerated().sorted { a, b in
            CheckFinding.precedes(a.element, b.element) || (!CheckFinding.precedes(b.element, a.element) && a.offset < b.offset)
        }.map(\.element)
        let diagnostics = findings.map(\.diagnostic)
        let checkedLinks = checked + (report?.checkedCitations ?? 0)

        switch options.format {
        case .json:
            try JSONOutput.print(CheckJSON(checkedLinks: checkedLinks, findings: findings, external: report))
        case .text, .markdown:
            var output = StandardOutput.Buffered()
            for diagnostic in diagnostics { try output.append(TerminalText.escaped(diagnostic.description) + "\n") }
            if let report { try output.append(DiagnosticSummary.externalLine(report) + "\n") }
            try output.append(DiagnosticSummary.line(diagnostics, checked: checkedLinks) + "\n")
            try output.flush()
        }
        throw ExitCode(DiagnosticSummary.exitStatus(diagnostics))
    }
}
