import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a path leads once the symbolic links it ends in are followed.
enum SymbolicLinkTarget {
    /// Links followed at most, as the kernel does (`ELOOP` past 40).
    static let maximumLinks = 40

    /// `path` with its last component followed while it is a symbolic link, to a file that may
    /// not exist yet (a dangling link leads where the file would be made); the folders on the
    /// way are left as they are, since writing into a linked folder writes into its target.
    /// A link loop, or more than ``maximumLinks`` links, leaves `path` as given, for opening it
    /// to fail with the system's error.
    ///
    /// The index is one such path: a rebuild renames a new file over it, which would put a file
    /// in place of the user's link and leave its target stale, and its lock file sits beside it,
    /// where a process given the target's own path would not look.
    static func following(_ path: String) -> String {
        var current = path
        var info = stat()
        for _ in 0..<maximumLinks {
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return path }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            // A descriptor's link in /proc (`/dev/stdout` → `/proc/self/fd/1` → `pipe:[123]`)
            // names no file: the path as given is what to open, and to name in errors.
            if isKernelObject(target) { return path }
            current = target.hasPrefix("/") ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        return path
    }

    /// Whether a link's text names a kernel object rather than a path: what `/proc/*/fd/*`
    /// links to for pipes, sockets and anonymous inodes.
    static func isKernelObject(_ target: String) -> Bool {
        !target.contains("/") && ["pipe:[", "socket:[", "anon_inode:"].contains(where: target.hasPrefix)
    }
}
