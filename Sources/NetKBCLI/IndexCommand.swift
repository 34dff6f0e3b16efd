import ArgumentParser
import Foundation
import NetKB

/// `netkb index`: bring the index up to date and say what changed.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Add, update and remove notes whose files changed.",
        discussion: "Unchanged files (same modification time and size) are not read. Prints counts and warnings."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Re-read every note and rebuild the index from scratch.")
    var rebuild = false

    func run() throws {
        let bar = ProgressBar()
        let (store, report) = try Refresh.open(options.workspace, rebuild: rebuild, progress: bar.update)
        bar.finish()
        let totals = try store.totals()
        switch options.format {
        case .json: try JSONOutput.print(IndexJSON(report, sections: totals.sections, links: totals.links))
        case .text: print(Self.summary(report, sections: totals.sections, links: totals.links, notes: options.notes))
        }
    }

    /// One line: what changed, what the index holds, warnings, time.
    static func summary(_ report: IndexReport, sections: Int, links: Int, notes: String) -> String {
        let seconds = String(format: "%.2f", report.seconds)
        return "indexed \(notes): \(report.added) added, \(report.updated) updated, \(report.removed) removed, "
            + "\(report.unchanged) unchanged; \(sections) sections, \(links) links; "
            + "\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s"); \(seconds) s"
    }
}
