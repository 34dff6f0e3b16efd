#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to standard output with `write(2)`, so that every failure is seen: a closed pipe
/// (`netkb search … | head -1`) ends the process quietly, as `SIGPIPE` would; any other
/// failure (a full disk, a closed descriptor) is an error.
enum StandardOutput {
    /// Text written in pieces of about 64 KB, so that a long answer (`refs` over 100,000
    /// references) is never held whole in memory.
    struct Buffered {
        private(set) var pending = ""
        static let flushBytes = 1 << 16

        init() { pending.reserveCapacity(Self.flushBytes + 4096) }

        mutating func append(_ text: String) throws {
            pending.append(text)
            if pending.utf8.count >= Self.flushBytes { try flush() }
        }

        mutating func flush() throws {
            guard !pending.isEmpty else { return }
            try StandardOutput.write(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    /// Writes all of `text`.
    static func write(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
            }
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            if code == EPIPE { endQuietly() }
            throw CommandFailure(message: "cannot write to standard output: \(String(cString: strerror(code)))")
        }
    }

    /// Makes sure descriptors 0, 1 and 2 are taken before anything else is opened: when one
    /// was closed (`netkb … >&-`), the lock file or the index would get its number, and output
    /// meant for the terminal would be written into them. A closed one is filled with
    /// `/dev/null` opened read-only, so that writing to it fails as writing to a closed one does.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let filler = open("/dev/null", O_RDONLY)
            if filler >= 0 && filler != descriptor {
                dup2(filler, descriptor)
                close(filler)
            }
        }
    }

    /// Ends the process as a closed pipe ends it, even when `SIGPIPE` was ignored.
    static func endQuietly() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(141)
    }
}
