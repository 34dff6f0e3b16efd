import Foundation
import NetKB
#if canImport(Glibc)
import Glibc
#endif

/// Small facts about, and writes to, the terminal.
enum Terminal {
    enum Stream { case standardOutput, standardError }

    static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
    }

    /// Writes one line to standard error, control characters escaped; errors writing it are ignored.
    static func writeError(_ line: String) {
        writeErrorRaw(TerminalText.escaped(line) + "\n")
    }

    /// Writes text that netkb composed itself (progress bars) to standard error.
    static func writeErrorRaw(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    static let bold = "\u{1B}[1;31m"
    static let dim = "\u{1B}[2m"
    static let cyan = "\u{1B}[36m"
    static let reset = "\u{1B}[0m"
}

/// A progress bar on standard error, shown only on a terminal and only once a run takes a moment
/// (0.4 s, or the seconds in `NETKB_PROGRESS_AFTER`).
final class ProgressBar {
    private let enabled = Terminal.isTerminal(.standardError)
    private let delay = Environment.value("NETKB_PROGRESS_AFTER").flatMap(Double.init) ?? 0.4
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var shown = false

    func update(_ progress: IndexProgress) {
        guard case .read(let done, let total) = progress else { return }
        show(done: done, of: total, noun: "notes")
    }

    /// Draws `done/total noun` (`12/40 URLs`), at most ten times a second.
    func show(done: Int, of total: Int, noun: String) {
        guard enabled, total > 0 else { return }
        let now = Date()
        guard now.timeIntervalSince(started) >= delay, now.timeIntervalSince(lastDrawn) > 0.1 || done == total else { return }
        lastDrawn = now
        shown = true
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        Terminal.writeErrorRaw("\r\(bar) \(done)/\(total) \(noun)")
    }

    func finish() {
        if shown { Terminal.writeErrorRaw("\r\u{1B}[2K") }
    }
}
