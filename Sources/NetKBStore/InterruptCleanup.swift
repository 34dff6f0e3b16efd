#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the file a build is writing when the process is interrupted (Ctrl-C, `kill`,
/// a closed terminal), so that an interrupted `--rebuild` does not leave a file as large as the
/// index behind until the next run that writes. The file is this process's own: the build made
/// it after removing any other. The signal then does what it would have done.
enum InterruptCleanup {
    /// The file being written and its journal, as C strings for the handler; nil when none is.
    nonisolated(unsafe) private static var file: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var journal: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// From now until ``clear()``, an interrupting signal removes `path` and its journal first.
    /// Called by the thread that builds, before the file is made.
    static func removeOnInterrupt(_ path: String) {
        // Made before they are published, and never freed: the handler may be reading them.
        journal = strdup(path + "-journal")
        file = strdup(path)
        guard !installed else { return }
        installed = true
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let file = InterruptCleanup.file { unlink(file) }
                if let journal = InterruptCleanup.journal { unlink(journal) }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            // Keep a handler someone set on purpose (a shell's SIG_IGN for background jobs).
            var previous = sigaction()
            sigaction(signal, nil, &previous)
            guard previous.__sigaction_handler.sa_handler == nil else { continue }
            sigaction(signal, &action, nil)
        }
    }

    /// The build is done (moved into place, or removed): an interruption removes nothing.
    static func clear() {
        file = nil
        journal = nil
    }
}
