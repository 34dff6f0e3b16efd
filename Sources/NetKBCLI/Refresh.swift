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

    /// How many of the folder walk's warnings a command other than `index` shows; `netkb index`
    /// shows them all. They come again on every run: a folder of 2,000 files whose names are
    /// not UTF-8 would bury a search's answer. A note's warnings, given once when it is read,
    /// are all shown.
    static let walkWarningsShown = 10

    static func report(_ opened: Workspace.OpenedIndex, indexPath: String, allWarnings: Bool = false) {
        if let reason = opened.report?.rebuiltBecause {
            Terminal.writeError("netkb: the index at \(indexPath) was rebuilt because \(reason)")
        }
        let warnings = opened.report?.warnings ?? []
        let walk = min(opened.report?.walkWarnings ?? 0, warnings.count)
        let shown = allWarnings ? walk : min(walk, walkWarningsShown)
        for warning in warnings.prefix(shown) { Terminal.writeError(warning.description) }
        if shown < walk {
            Terminal.writeError("netkb: \(walk - shown) more warnings about the folder's files; `netkb index` lists them all")
        }
        for warning in warnings[walk...] { Terminal.writeError(warning.description) }
        if let reason = opened.staleBecause {
            Terminal.writeError("netkb: warning: answering from the index as it is, which may be out of date: \(reason)")
        }
    }
}
