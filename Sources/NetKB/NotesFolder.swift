import Foundation
import NetKBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of notes: finds its Markdown files.
///
/// Walks the folder recursively, follows symbolic links but never into a folder it has already
/// visited (so link loops end), and skips hidden files and folders such as `.git`, `.obsidian`, `.trash`.
public struct NotesFolder: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// File name endings taken as notes, compared without case.
    public static let noteExtensions = [".md", ".markdown"]

    /// What a scan found.
    public struct Scan: Sendable {
        /// The notes, sorted by path (byte order).
        public var files: [NoteFile] = []
        /// Warnings for what could not be read.
        public var warnings: [NoteWarning] = []
        /// Other files (images, PDFs), by relative path: links may point at them.
        public var otherFiles: [String] = []
        /// Folders (relative paths) that could not be read: the notes under them are unknown, not gone.
        public var unreadableFolders: [String] = []

        /// Whether a note at `path` may exist but could not be seen.
        public func mayHide(_ path: String) -> Bool {
            unreadableFolders.contains { path.hasPrefix($0 + "/") }
        }
    }

    /// Fails when the folder itself is missing, not a folder or unreadable.
    public func checkRoot() throws {
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw IndexError.notesFolderMissing(path: root, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw IndexError.notesFolderNotAFolder(path: root) }
        guard access(root, R_OK | X_OK) == 0 else {
            throw IndexError.notesFolderMissing(path: root, reason: String(cString: strerror(errno)))
        }
    }

    /// The notes under the folder. Fails only when the folder itself is missing or unreadable.
    public func scan() throws -> Scan {
        try checkRoot()
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw IndexError.notesFolderMissing(path: root, reason: String(cString: strerror(errno)))
        }

        var scan = Scan()
        var visited: Set<FileIdentity> = [FileIdentity(info)]
        // Whether some name was changed to be shown (NFD to NFC, bytes escaped): only then can two
        // files have one path, and only then is the list searched for such twins.
        var sawRespelledName = false
        // Folders to read: absolute path (bytes, as the file system spells it) and path relative to the root.
        var pending: [([UInt8], String)] = [(Array(root.utf8), "")]
        while let (folder, relativeFolder) = pending.popLast() {
            guard let directory = FileSystemPath.withCString(folder, opendir) else {
                let reason = String(cString: strerror(errno))
                if relativeFolder.isEmpty { throw IndexError.notesFolderMissing(path: root, reason: reason) }
                scan.warnings.append(NoteWarning(path: relativeFolder, message: "cannot read folder: \(reason); keeping what the index had of the notes in it"))
                scan.unreadableFolders.append(relativeFolder)
                continue
            }
            defer { closedir(directory) }
            // Entries are looked up relative to the open folder: no walk of the whole path each time.
            let folderDescriptor = dirfd(directory)
            while let entry = readdir(directory) {
                let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix(while: { $0 != 0 })) }
                if nameBytes.first == UInt8(ascii: ".") { continue }
                let name = FileSystemPath.displayName(nameBytes)
                let absolute = folder.last == UInt8(ascii: "/") ? folder + nameBytes : folder + [UInt8(ascii: "/")] + nameBytes
                let relative = relativeFolder.isEmpty ? name : relativeFolder + "/" + name
                var item = stat()
                let found = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    fstatat(folderDescriptor, raw.baseAddress!.assumingMemoryBound(to: CChar.self), &item, 0)
                }
                guard found == 0 else {
                    let failure = errno
                    var linkInfo = stat()
                    let isLink = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        fstatat(folderDescriptor, raw.baseAddress!.assumingMemoryBound(to: CChar.self), &linkInfo, AT_SYMLINK_NOFOLLOW)
                    } == 0 && linkInfo.st_mode & S_IFMT == S_IFLNK
                    if isLink, Self.isNote(name) || failure == ELOOP {
                        scan.warnings.append(NoteWarning(path: relative, message: "broken or looping symbolic link: \(String(cString: strerror(failure)))"))
                    }
                    continue
                }
                let isNote = item.st_mode & S_IFMT == S_IFREG && Self.isNote(name)
                if isNote || item.st_mode & S_IFMT == S_IFDIR, !FileSystemPath.isUTF8(nameBytes) {
                    scan.warnings.append(NoteWarning(path: relative, message: "the name is not UTF-8; shown with its bytes escaped"))
                }
                switch item.st_mode & S_IFMT {
                case S_IFDIR:
                    if visited.insert(FileIdentity(item)).inserted {
                        pending.append((absolute, relative))
                    } else {
                        scan.warnings.append(NoteWarning(path: relative, message: "folder already visited (a symbolic link loop or a second link to it); skipped"))
                    }
                case S_IFREG where isNote:
                    if !name.utf8.elementsEqual(nameBytes) { sawRespelledName = true }
                    scan.files.append(NoteFile(
                        path: relative, absolutePath: absolute,
                        modified: Int64(item.st_mtim.tv_sec) * 1_000_000_000 + Int64(item.st_mtim.tv_nsec),
                        size: Int64(item.st_size)))
                case S_IFREG:
                    scan.otherFiles.append(relative)
                default:
                    continue
                }
            }
        }
        // Byte order: stable, and much cheaper than String's Unicode-aware comparison.
        scan.files.sort { Self.bytesPrecede($0.path, $1.path) }
        if sawRespelledName { Self.keepOneOfEachTwin(&scan) }
        return scan
    }

    /// Two files whose names differ only in Unicode normalisation (NFC and NFD, as macOS and
    /// Linux may spell one name) have one path: the one spelled NFC is kept, with a warning.
    /// `scan.files` is sorted by path, so twins stand together.
    static func keepOneOfEachTwin(_ scan: inout Scan) {
        func isSpelledAsShown(_ file: NoteFile) -> Bool {
            let name = file.absolutePath.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? []
            return file.path.utf8.suffix(name.count).elementsEqual(name)
        }
        var kept: [NoteFile] = []
        kept.reserveCapacity(scan.files.count)
        for file in scan.files {
            guard let last = kept.last, last.path == file.path else {
                kept.append(file)
                continue
            }
            scan.warnings.append(NoteWarning(path: file.path, message: "two files have this name, spelled in different Unicode normalisations (NFC and NFD); indexed only the one spelled NFC"))
            if !isSpelledAsShown(last), isSpelledAsShown(file) { kept[kept.count - 1] = file }
        }
        scan.files = kept
    }

    /// Whether `a` comes before `b` in byte order, compared with `memcmp` over the strings'
    /// UTF-8 storage (the generic comparison costs a tenth of a no-change refresh on 10,000 notes).
    static func bytesPrecede(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
    }

    static func isNote(_ name: String) -> Bool {
        let bytes = Array(name.utf8.suffix(10))
        return noteExtensions.contains { ending in
            let suffix = Array(ending.utf8)
            guard bytes.count > suffix.count else { return false }
            // ASCII case-insensitive comparison of the ending.
            return zip(bytes.suffix(suffix.count), suffix).allSatisfy { byte, expected in
                ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == expected
            }
        }
    }
}

/// A file's device and inode, to recognise a folder reached twice.
struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
