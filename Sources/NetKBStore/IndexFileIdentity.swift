#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What stands at an index path, judged from the file's first bytes without trusting SQLite
/// with a file that may not be ours.
///
/// netkb replaces only a file it can prove it made: an SQLite database whose header carries
/// netkb's `application_id` (``IndexFileIdentity/applicationID``), or, from the first netkb
/// release which set none, one whose migrations table names netkb's first migration.
///
/// ```swift
/// switch IndexFileIdentity.inspect("index/netkb.sqlite") {
/// case .absent, .netkb: … // safe to build or rebuild
/// case .foreign(let why): … // refuse, naming the file
/// }
/// ```
enum IndexFileIdentity: Equatable {
    /// Nothing at the path.
    case absent
    /// A database with netkb's application id: ours, whatever state its pages are in.
    case netkb
    /// An SQLite database with no application id: ours only if its tables say so.
    case unmarkedSQLite
    /// Anything else: never touched.
    case foreign(String)
    /// Something netkb may not read (no permission): not touched either.
    case unreadable(String)

    /// `PRAGMA application_id` of every netkb index: "NKB1".
    static let applicationID: Int32 = 0x4E4B_4231

    /// The 16 bytes every SQLite 3 database starts with.
    static let sqliteMagic = Array("SQLite format 3\0".utf8)

    /// Reads the first 100 bytes of `path`, opening it without blocking (a FIFO put in its
    /// place answers at once) and only if it is a regular file.
    static func inspect(_ path: String) -> IndexFileIdentity {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { return .absent }
            return .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .foreign("it is not a regular file") }
        guard info.st_size > 0 else { return .foreign("it is an empty file that netkb did not write") }
        var header = [UInt8](repeating: 0, count: 100)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == 100, Array(header[0..<16]) == sqliteMagic else {
            return .foreign("it is not an SQLite database")
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        if Int32(bitPattern: id) == applicationID { return .netkb }
        if id == 0 { return .unmarkedSQLite }
        return .foreign("it is an SQLite database of another program (application id \(id))")
    }

    /// Whether `path`'s leftover could only have been written by netkb: empty, or an SQLite
    /// database that is unmarked (a build killed before it marked the file) or marked as netkb's.
    static func isLeftoverOfOurs(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        if info.st_size == 0 { return true }
        switch inspect(path) {
        case .netkb, .unmarkedSQLite: return true
        case .absent, .foreign, .unreadable: return false
        }
    }
}
