import Foundation
import NetKB

/// Opening (and refreshing) the index for a command, with its messages on standard error.
enum Refresh {
    /// Runs `work` on the index opened for `access`, after saying on standard error what
    /// happened to the index on the way (rebuilt, stale, warnings).
    static func withIndex<T>(_ options: GlobalOptions, _ access: Workspace.Access, progress: ProgressBar? = nil, _ work: (Workspace.OpenedIndex) throws -> T) throws -> T {
        let workspace = options.workspace
        do {
            return try workspace.withIndex(access, progress: progress?.update, waiting: {
                Terminal.writeError("netkb: waiting for another netkb process to finish updating \(workspace.indexPath)…")
            }) { opened in
                progress?.finish()
                OpenUntilExit.keep(opened.store)
                report(opened, indexPath: workspace.indexPath, allWarnings: access.isUpdate)
                return try work(opened)
            }
        } catch let error as IndexError {
            throw CommandFailure(message: error.description)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }

    /// How many warnings a command other than `index` shows of a refresh; `netkb index` shows
    /// them all. A folder of 2,000 files whose names are not UTF-8 warns of each on every scan,
    /// which would bury a search's answer.
    static let warningsShown = 10

    static func report(_ opened: Workspace.OpenedIndex, indexPath: String, allWarnings: Bool = false) {
        if let reason = opened.report?.rebuiltBecause {
            Terminal.writeError("netkb: the index at \(indexPath) was rebuilt because \(reason)")
        }
        let warnings = opened.report?.warnings ?? []
        let shown = allWarnings ? warnings.count : min(warnings.count, warningsShown)
        for warning in warnings.prefix(shown) { Terminal.writeError(warning.description) }
        if shown < warnings.count {
            Terminal.writeError("netkb: \(warnings.count - shown) more warnings; `netkb index` lists them all")
        }
        if let reason = opened.staleBecause {
            Terminal.writeError("netkb: warning: answering from the index as it is, which may be out of date: \(reason)")
        }
    }
}
