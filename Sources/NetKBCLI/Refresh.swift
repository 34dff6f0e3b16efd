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
                report(opened, indexPath: workspace.indexPath)
                return try work(opened)
            }
        } catch let error as IndexError {
            throw CommandFailure(message: error.description)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }

    static func report(_ opened: Workspace.OpenedIndex, indexPath: String) {
        if let reason = opened.report?.rebuiltBecause {
            Terminal.writeError("netkb: the index at \(indexPath) was rebuilt because \(reason)")
        }
        for warning in opened.report?.warnings ?? [] { Terminal.writeError(warning.description) }
        if let reason = opened.staleBecause {
            Terminal.writeError("netkb: warning: answering from the index as it is, which may be out of date: \(reason)")
        }
    }
}
