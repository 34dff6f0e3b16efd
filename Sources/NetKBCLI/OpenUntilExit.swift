import Foundation
import NetKB

/// The index stores a command opened, kept open until the process exits.
///
/// A command ends by exiting, which closes the database file as closing it would: every write
/// has been committed by then, and the index is in rollback-journal mode, so closing does no
/// work that an exit skips. What it spares is GRDB's teardown of the connection, whose first
/// dynamic cast (in unregistering from the notification centre) scans every protocol
/// conformance in the binary: 720,000 instructions, a tenth of a search that finds nothing.
enum OpenUntilExit {
    private final class Kept: @unchecked Sendable {
        let lock = NSLock()
        /// Guarded by `lock`.
        var stores: [NoteStore] = []
    }

    private static let kept = Kept()

    /// Keeps `store` open until the process exits.
    static func keep(_ store: NoteStore) {
        kept.lock.withLock { kept.stores.append(store) }
    }
}
