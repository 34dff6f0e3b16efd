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
    /// references) is never held whole in memory. Pieces are copied as UTF-8 bytes into one
    /// buffer: `refs` appends a million of them, and a `String` pays for every append.
    struct Buffered: ~Copyable {
        private var buffer: UnsafeMutablePointer<UInt8>
        private var capacity = flushBytes + 4096
        private var count = 0
        /// Where the buffer is written: standard output, or (for tests) another descriptor.
        private let descriptor: Int32
        static let flushBytes = 1 << 16

        init(descriptor: Int32 = STDOUT_FILENO) {
            buffer = .allocate(capacity: Self.flushBytes + 4096)
            self.descriptor = descriptor
        }

        deinit { buffer.deallocate() }

        /// Appends `text`, and writes the buffer out once it holds 64 KB.
        mutating func append(_ text: String) throws {
            add(text)
            try flushIfFull()
        }

        /// Writes the buffer out once it holds 64 KB.
        mutating func flushIfFull() throws {
            if count >= Self.flushBytes { try flush() }
        }

        mutating func flush() throws {
            guard count > 0 else { return }
            try StandardOutput.write(UnsafeRawBufferPointer(start: buffer, count: count), to: descriptor)
            count = 0
        }

        /// Appends `text` as it is: a literal, copied without a `String`.
        mutating func add(literal text: StaticString) {
            add(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }

        /// Appends `text` as it is; nothing is written out (see ``flushIfFull()``).
        @inline(__always)
        mutating func add(_ text: String) {
            if let done: Void = text.utf8.withContiguousStorageIfAvailable({ add($0) }) { return done }
            Array(text.utf8).withUnsafeBufferPointer { add($0) }
        }

        /// Appends `text` escaped for the terminal (see ``TerminalText/escaped(_:keepNewlines:)``),
        /// copied as it is when nothing needs escaping, as almost always.
        mutating func addEscaped(_ text: String) {
            let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
                guard !TerminalText.needsEscape(utf8: bytes) else { return false }
                add(bytes)
                return true
            }
            if copied != true { add(TerminalText.escaped(text)) }
        }

        /// Appends `text`, escaped for the terminal when `escaping` (see ``addChecked(_:)``).
        @inline(__always)
        mutating func add(_ text: String, escaping: Bool) {
            if escaping { addEscaped(text) } else { add(text) }
        }

        /// Appends what `write` appends, its note text (given to ``add(_:escaping:)``) escaped
        /// for the terminal: `write` runs with `escaping` false, and again with it true only when
        /// what it wrote needs escaping, which is decided once for all its pieces instead of
        /// piece by piece. What `write` appends as it is must need no escaping (no colour codes,
        /// no line break): pieces of valid UTF-8 need escaping together when one of them does.
        mutating func addChecked(_ write: (inout Buffered, _ escaping: Bool) -> Void) {
            let start = count
            write(&self, false)
            guard TerminalText.needsEscape(utf8: UnsafeBufferPointer(start: buffer + start, count: count - start)) else { return }
            count = start
            write(&self, true)
        }

        /// The bytes appended and not yet written out (for tests).
        var pending: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: count)) }

        /// Appends `number` in decimal.
        mutating func add(_ number: Int) {
            guard number >= 0 else { return add(String(number)) }
            var digits = 1
            var rest = number / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            if count + digits > capacity { grow(toHold: digits) }
            var value = number
            for index in stride(from: count + digits - 1, through: count, by: -1) {
                buffer[index] = UInt8(truncatingIfNeeded: 0x30 + value % 10)
                value /= 10
            }
            count += digits
        }

        /// Appends bytes as they are; nothing is written out (see ``flushIfFull()``).
        mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
            add(bytes)
        }

        /// Appends bytes, growing the buffer when they do not fit (a piece larger than the
        /// room left between two ``flushIfFull()`` calls).
        @inline(__always)
        private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            if count + bytes.count > capacity { grow(toHold: bytes.count) }
            if bytes.count <= 8 {
                // A separator or a number: cheaper byte by byte than through memmove.
                for index in 0..<bytes.count { buffer[count + index] = base[index] }
            } else {
                (buffer + count).update(from: base, count: bytes.count)
            }
            count += bytes.count
        }

        private mutating func grow(toHold more: Int) {
            capacity = max(capacity * 2, count + more)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = grown
        }
    }

    /// Writes all of `text`.
    static func write(_ text: String) throws {
        try Array(text.utf8).withUnsafeBytes { try write($0) }
    }

    /// Writes all of `bytes`.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32 = STDOUT_FILENO) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
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
