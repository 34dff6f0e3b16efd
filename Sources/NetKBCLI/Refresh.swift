import Foundation
import NetKB

/// Opening and refreshing the index, with its messages on standard error.
enum Refresh {
    static func open(_ workspace: Workspace, rebuild: Bool = false, progress: ((IndexProgress) -> Void)? = nil) throws -> (NoteStore, IndexReport) {
        do {
            let (store, report) = try workspace.refreshedStore(rebuild: rebuild, progress: progress)
            if let reason = report.rebuiltBecause {
                Terminal.writeError("netkb: the index at \(workspace.indexPath) was rebuilt because \(reason)")
            }
            for warning in report.warnings { Terminal.writeError(warning.description) }
            return (store, report)
        } catch let error as IndexError {
            throw CommandFailure(message: error.description)
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }

    /// The index for a reading command: refreshed, or as it is with `--no-refresh`.
    static func store(_ workspace: Workspace, refresh: Bool) throws -> NoteStore {
        if refresh { return try open(workspace).0 }
        do {
            return try workspace.existingStore()
        } catch let error as StoreError {
            throw CommandFailure(message: error.description)
        }
    }
}
