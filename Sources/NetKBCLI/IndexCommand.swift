import ArgumentParser
import Foundation
import NetKB

/// `netkb index`: bring the index up to date and say what changed.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add, update and remove notes whose files changed.",
        discussion: """
            Unchanged files (same modification time and size) are not read. Prints counts and warnings. \
            When another netkb process is updating the same index, waits for it. NETKB_THREADS (1 to 32) \
            sets how many threads read notes; the default is one for each core but the writer's.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Re-read every note and rebuild the index from scratch.")
    var rebuild = false

    func validate() throws {
        try options.requireTextOrJSON()
    }

    func run() throws {
        let bar = ProgressBar()
        try Refresh.withIndex(options, .update(rebuild: rebuild), progress: bar) { opened in
            let report = opened.report ?? IndexReport()
            let totals = try opened.store.totals()
            switch options.format {
            case .json: try JSONOutput.print(IndexJSON(report, sections: totals.sections, links: totals.links))
            case .text, .markdown: try StandardOutput.write(Self.summary(report, sections: totals.sections, links: totals.links, notes: options.notes) + "\n")
            }
        }
    }

    /// One line: what changed, what the index holds, warnings, time.
    static func summary(_ report: IndexReport, sections: Int, links: Int, notes: String) -> String {
        let seconds = String(format: "%.2f", report.seconds)
        return "indexed \(TerminalText.escaped(notes)): \(report.added) added, \(report.updated) updated, \(report.removed) removed, "
            + "\(report.unchanged) unchanged; \(sections) sections, \(links) links; "
            + "\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s"); \(seconds) s"
    }
}
