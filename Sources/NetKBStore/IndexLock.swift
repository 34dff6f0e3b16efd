#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock that lets one netkb process at a time write an index: an advisory `flock` on
/// `<index>.lock`, a file netkb creates beside the index and never deletes (deleting a lock
/// file others may be waiting on would let two writers in).
///
/// The kernel releases the lock when its holder exits, killed or not, so a crash never leaves
/// the index locked. Readers take no lock: they read the index as the last writer left it.
public final class IndexLock: @unchecked Sendable {
    private var descriptor: Int32
    /// The lock file's path.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { release() }

    /// The lock file beside the index at `indexPath`.
    public static func path(forIndex indexPath: String) -> String { indexPath + ".lock" }

    /// Takes the lock, waiting for another holder when `wait` is true; nil when another
    /// process holds it and `wait` is false. Calls `waiting` once if it has to wait.
    public static func acquire(forIndex indexPath: String, wait: Bool, waiting: (() -> Void)? = nil) throws -> IndexLock? {
        let path = path(forIndex: indexPath)
        // Read-only is enough for flock, and lets another user share a lock file root made.
        let descriptor = open(path, O_RDONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw StoreError.notWritable(path: indexPath, reason: "cannot create its lock file \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw StoreError.notWritable(path: indexPath, reason: "its lock file \(path) is not a regular file")
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return IndexLock(descriptor: descriptor, path: path) }
        let code = errno
        guard code == EWOULDBLOCK, wait else {
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw StoreError.notWritable(path: indexPath, reason: "cannot lock \(path): \(String(cString: strerror(code)))")
        }
        waiting?()
        while flock(descriptor, LOCK_EX) != 0 {
            let code = errno
            guard code == EINTR else {
                let reason = String(cString: strerror(code))
                close(descriptor)
                throw StoreError.notWritable(path: indexPath, reason: "cannot lock \(path): \(reason)")
            }
        }
        return IndexLock(descriptor: descriptor, path: path)
    }

    /// Lets the next writer in; the lock is released at exit anyway.
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
