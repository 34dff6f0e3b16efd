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
/// visited nor into one that holds the notes folder (so link loops end, and a link to `..` or
/// `/` does not walk the whole disk), and skips hidden files and folders such as `.git`, `.obsidian`, `.trash`.
///
/// Folders are read a level at a time, the folders of one level on all cores. Each folder's
/// entries are sorted by their names (a folder's name counts with its `/`), so that walking
/// the sorted listings depth first yields the notes in byte order of their paths with no sort
/// of the whole list. Which of two ways to one folder is taken is settled between levels in
/// that order too, so the result does not depend on which thread read what first.
public struct NotesFolder: Sendable {
    public let root: String
    /// netkb's index file, when it may lie among the notes (`--index notes/index.md`): it is
    /// never read as a note, which would index the index into itself.
    public let indexFile: String?

    public init(root: String, indexFile: String? = nil) {
        self.root = root
        self.indexFile = indexFile
    }

    /// File name endings taken as notes, compared without case.
    public static let noteExtensions = [".md", ".markdown"]
    private static let noteEndings = noteExtensions.map { Array($0.utf8) }

    /// What a scan found.
    public struct Scan: Sendable {
        /// The notes, in byte order of their paths.
        var notes = NoteList()
        /// Warnings for what could not be read, in byte order of their paths.
        public var warnings: [NoteWarning] = []
        /// Other files (images, PDFs), by relative path: links may point at them.
        public var otherFiles: [String] = []
        /// Folders (relative paths) that could not be read: the notes under them are unknown, not gone.
        public var unreadableFolders: [String] = []

        /// The notes, sorted by path (byte order). Made on each call: the indexer works on the
        /// packed list and makes a ``NoteFile`` only for the notes it reads.
        public var files: [NoteFile] { notes.files }

        /// How many notes were found.
        public var noteCount: Int { notes.count }

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
        try scan(concurrently: true)
    }

    /// The notes under the folder, the folders of a level read on all cores or (for tests,
    /// which compare the two) one after another on the calling thread.
    func scan(concurrently: Bool) throws -> Scan {
        try checkRoot()
        var info = stat()
        guard stat(root, &info) == 0 else {
            throw IndexError.notesFolderMissing(path: root, reason: String(cString: strerror(errno)))
        }

        var scan = Scan()
        var visited: Set<FileIdentity> = [FileIdentity(info)]
        let holders = Self.foldersHolding(root)
        var indexInfo = stat()
        let indexIdentity = indexFile.flatMap { stat($0, &indexInfo) == 0 ? FileIdentity(indexInfo) : nil }
        var folders = [FolderToRead(absolute: Array(root.utf8), prefix: [], spelledAsShown: true, device: UInt64(info.st_dev))]
        var listings: [FolderListing] = []
        // Whether some name was changed to be shown (NFD to NFC, bytes escaped): only then can two
        // files have one path, and only then is the list searched for such twins.
        var sawRespelledName = false
        // Folder numbers are given in the order folders are claimed, so each level is a range of them.
        var level = 0..<1
        while !level.isEmpty {
            let read = Self.read(Array(folders[level]), concurrently: concurrently)
            for (number, listing) in zip(level, read) {
                var listing = listing
                let folder = folders[number]
                if let failure = listing.unreadable {
                    let reason = String(cString: strerror(failure))
                    if number == 0 { throw IndexError.notesFolderMissing(path: root, reason: reason) }
                    scan.warnings.append(NoteWarning(path: folder.relative, message: "cannot read folder: \(reason); keeping what the index had of the notes in it"))
                    scan.unreadableFolders.append(folder.relative)
                }
                sawRespelledName = sawRespelledName || listing.sawRespelledName
                for problem in listing.problems {
                    let path = folder.relative(problem.name)
                    switch problem.kind {
                    case .notUTF8:
                        scan.warnings.append(NoteWarning(path: path, message: "the name is not UTF-8; shown with its bytes escaped"))
                    case .brokenLink(let failure):
                        scan.warnings.append(NoteWarning(path: path, message: "broken or looping symbolic link: \(String(cString: strerror(failure)))"))
                    case .linkToNothing(let failure):
                        scan.warnings.append(NoteWarning(path: path, message: "symbolic link to nothing (\(String(cString: strerror(failure)))); keeping what the index had of the notes under it"))
                        scan.unreadableFolders.append(path)
                    }
                }
                if let indexIdentity {
                    for index in listing.entries.indices where listing.entries[index].kind == .note && listing.entries[index].identity == indexIdentity {
                        listing.entries[index].kind = .other
                        let shown = Array(listing.names[listing.entries[index].name])
                        scan.warnings.append(NoteWarning(path: folder.relative(shown), message: "netkb's own index file; not read as a note"))
                    }
                }
                for index in listing.entries.indices where listing.entries[index].kind == .folder {
                    let entry = listing.entries[index]
                    let shown = Array(listing.names[entry.name])
                    if holders.contains(entry.identity) {
                        scan.warnings.append(NoteWarning(path: folder.relative(shown), message: "symbolic link to a folder that holds the notes folder (a loop); skipped"))
                        continue
                    }
                    guard visited.insert(entry.identity).inserted else {
                        scan.warnings.append(NoteWarning(path: folder.relative(shown), message: "folder already visited (a symbolic link loop or a second link to it); skipped"))
                        continue
                    }
                    var absolute = folder.absolute
                    if absolute.last != UInt8(ascii: "/") { absolute.append(UInt8(ascii: "/")) }
                    absolute += listing.names[entry.spelling]
                    // Another file system begins here (a mount, or a link to one): only then can
                    // it be one of the kernel's.
                    if entry.identity.device != folder.device, let kernel = Self.kernelFileSystem(at: absolute) {
                        scan.warnings.append(NoteWarning(path: folder.relative(shown), message: "folder of the kernel's \(kernel) file system, which holds no notes; skipped"))
                        continue
                    }
                    listing.entries[index].child = Int32(folders.count)
                    folders.append(FolderToRead(
                        absolute: absolute, prefix: folder.prefix + shown + [UInt8(ascii: "/")],
                        spelledAsShown: folder.spelledAsShown && entry.spelling == entry.name,
                        device: entry.identity.device))
                }
                listings.append(listing)
            }
            level = level.upperBound..<folders.count
        }

        Self.collect(listings, folders: folders, into: &scan)
        if !scan.notes.isInPathOrder() { scan.notes.sortByPath() }
        if sawRespelledName { Self.keepOneOfEachTwin(&scan) }
        scan.warnings = Self.inPathOrder(scan.warnings)
        return scan
    }

    /// Reads `folders`, on all cores when there are several and `concurrently` is set.
    static func read(_ folders: [FolderToRead], concurrently: Bool) -> [FolderListing] {
        guard concurrently, folders.count > 1 else { return folders.map(read) }
        let slots = ListingSlots(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            slots.set(index, read(folders[index]))
        }
        return slots.values
    }

    /// Reads one folder: its notes with their stamps, other files, subfolders with their
    /// identities, sorted. Touches nothing shared, so folders can be read on several threads.
    static func read(_ folder: FolderToRead) -> FolderListing {
        var listing = FolderListing()
        guard let directory = FileSystemPath.withCString(folder.absolute, opendir) else {
            listing.unreadable = errno
            return listing
        }
        defer { closedir(directory) }
        // Entries are looked up relative to the open folder: no walk of the whole path each time.
        let descriptor = dirfd(directory)
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        var names: [UInt8] = []
        var entries: [FolderListing.Entry] = []
        while let entry = readdir(directory) {
            let cName = (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self)
            let name = UnsafeBufferPointer(start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName))
            if name.first == UInt8(ascii: ".") { continue }
            let isNoteName = isNote(name)
            var kind: FolderListing.Kind
            var item = stat()
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG) where !isNoteName:
                // Another file: its kind is all that is needed, and the folder told it.
                kind = .other
            case Int32(DT_REG), Int32(DT_DIR), Int32(DT_LNK), Int32(DT_UNKNOWN):
                guard fstatat(descriptor, cName, &item, 0) == 0 else {
                    let failure = errno
                    var linkInfo = stat()
                    let linkFound = fstatat(descriptor, cName, &linkInfo, AT_SYMLINK_NOFOLLOW) == 0
                    if !linkFound, failure == EACCES {
                        // Listed but not entered (read without search permission): nothing in
                        // it can be looked at, so it is a folder that cannot be read.
                        var unreachable = FolderListing()
                        unreachable.unreadable = EACCES
                        return unreachable
                    }
                    let isLink = linkFound && linkInfo.st_mode & S_IFMT == S_IFLNK
                    if isLink, isNoteName || failure == ELOOP {
                        listing.problems.append(.init(name: Self.shownName(name), kind: .brokenLink(failure)))
                    } else if isLink {
                        // A link to a folder that is not there now (a drive not mounted): the
                        // notes the index has under it are unknown, not gone.
                        listing.problems.append(.init(name: Self.shownName(name), kind: .linkToNothing(failure)))
                    }
                    continue
                }
                switch item.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = isNoteName ? .note : .other
                default: continue
                }
            default:
                // FIFOs, sockets, devices: never opened, never waited on.
                continue
            }
            let respelled = FileSystemPath.respelledName(name)
            if respelled != nil {
                listing.sawRespelledName = true
                if kind != .other, !FileSystemPath.isUTF8(name) {
                    listing.problems.append(.init(name: respelled!, kind: .notUTF8))
                }
            }
            let start = Int32(names.count)
            if let respelled { names += respelled } else { names.append(contentsOf: name) }
            let end = Int32(names.count)
            // A folder's sort key is its name and the "/" its paths go on with.
            if kind == .folder { names.append(UInt8(ascii: "/")) }
            var spelling = start..<end
            if respelled != nil {
                let spellingStart = Int32(names.count)
                names.append(contentsOf: name)
                spelling = spellingStart..<Int32(names.count)
            }
            entries.append(FolderListing.Entry(
                kind: kind, nameStart: start, nameEnd: end, spellingStart: spelling.lowerBound, spellingEnd: spelling.upperBound,
                changeStamp: FileStamp.changeStamp(
                    modified: Int64(item.st_mtim.tv_sec) * 1_000_000_000 + Int64(item.st_mtim.tv_nsec),
                    changed: Int64(item.st_ctim.tv_sec) * 1_000_000_000 + Int64(item.st_ctim.tv_nsec),
                    inode: UInt64(item.st_ino)),
                size: Int64(item.st_size), identity: FileIdentity(item)))
        }
        listing.names = names
        listing.entries = sorted(entries, names: names)
        return listing
    }

    /// `entries` sorted by their keys, then (twins: one name shown for two spellings) by their
    /// spellings. What is sorted is each entry's number with the first eight bytes of its key
    /// as one integer, which settles most comparisons without reading the names.
    static func sorted(_ entries: [FolderListing.Entry], names: [UInt8]) -> [FolderListing.Entry] {
        guard entries.count > 1 else { return entries }
        return names.withUnsafeBufferPointer { bytes in
            var order = entries.indices.map { index in
                let key = entries[index].key
                var head: UInt64 = 0
                // Big-endian, padded with zero bytes, which no name holds: integer order is byte order.
                for offset in 0..<8 {
                    head <<= 8
                    if offset < key.count { head |= UInt64(bytes[key.lowerBound + offset]) }
                }
                return (head: head, index: Int32(index))
            }
            entries.withUnsafeBufferPointer { entries in
                order.sort { a, b in
                    if a.head != b.head { return a.head < b.head }
                    let (x, y) = (entries[Int(a.index)], entries[Int(b.index)])
                    let byKey = ByteOrder.compare(bytes, x.key, bytes, y.key)
                    return byKey != 0 ? byKey < 0 : ByteOrder.compare(bytes, x.spelling, bytes, y.spelling) < 0
                }
            }
            return order.map { entries[Int($0.index)] }
        }
    }

    /// A name as it is shown, for a warning made on a worker thread.
    private static func shownName(_ name: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        FileSystemPath.respelledName(name) ?? Array(name)
    }

    /// Walks the sorted listings depth first, from the root: notes in byte order of their paths.
    static func collect(_ listings: [FolderListing], folders: [FolderToRead], into scan: inout Scan) {
        var notes = NoteList()
        notes.folders = folders.map(\.absolute)
        notes.foldersSpelledAsShown = folders.map(\.spelledAsShown)
        // Room for every note at once: growing 100,000 entries and their paths by doubling
        // would copy them and touch fresh pages several times over.
        var count = 0, bytes = 0
        for (folder, listing) in zip(folders, listings) {
            for entry in listing.entries where entry.kind == .note {
                count += 1
                bytes += folder.prefix.count + entry.name.count
            }
        }
        notes.entries.reserveCapacity(count)
        notes.pathBytes.reserveCapacity(bytes)
        var otherFiles: [String] = []
        // Folders being walked, each with the position of its next entry.
        var stack: [(folder: Int, next: Int)] = [(0, 0)]
        while let (folder, next) = stack.popLast() {
            let listing = listings[folder]
            var position = next
            listing.names.withUnsafeBufferPointer { names in
                folders[folder].prefix.withUnsafeBufferPointer { prefix in
                    while position < listing.entries.count {
                        let entry = listing.entries[position]
                        position += 1
                        let name = UnsafeBufferPointer(rebasing: names[entry.name])
                        switch entry.kind {
                        case .note:
                            let spelling = entry.spelling == entry.name ? nil : Array(names[entry.spelling])
                            notes.append(prefix: prefix, name: name, folder: folder, spelling: spelling, changeStamp: entry.changeStamp, size: entry.size)
                        case .other:
                            otherFiles.append(String(decoding: Array(prefix) + Array(name), as: UTF8.self))
                        case .folder:
                            guard entry.child >= 0 else { continue }
                            stack.append((folder, position))
                            stack.append((Int(entry.child), 0))
                            return
                        }
                    }
                }
            }
        }
        scan.notes = notes
        scan.otherFiles = otherFiles
    }

    /// Two files whose names differ only in Unicode normalisation (NFC and NFD, as macOS and
    /// Linux may spell one name) have one path: the one spelled NFC is kept, with a warning. So
    /// do a file named `caf\xE9.md` and one whose name has the byte E9 (not UTF-8, shown so):
    /// the one named so is kept.
    /// `scan.notes` is sorted by path, so twins stand together.
    static func keepOneOfEachTwin(_ scan: inout Scan) {
        let notes = scan.notes
        var kept: [NoteList.Entry] = []
        kept.reserveCapacity(notes.count)
        notes.pathBytes.withUnsafeBufferPointer { bytes in
            for (index, entry) in notes.entries.enumerated() {
                guard let last = kept.last,
                      ByteOrder.compare(bytes, last.pathStart..<last.pathEnd, bytes, entry.pathStart..<entry.pathEnd) == 0 else {
                    kept.append(entry)
                    continue
                }
                let message = notes.hasEscapedName(last) || notes.hasEscapedName(entry)
                    ? "two files are shown with this name: one named so, and one whose name is not UTF-8, shown with \\x escapes; indexed only the one named so: rename the other"
                    : "two files have this name, spelled in different Unicode normalisations (NFC and NFD); indexed only the one spelled NFC"
                scan.warnings.append(NoteWarning(path: notes.path(at: index), message: message))
                if !notes.isSpelledAsShown(last), notes.isSpelledAsShown(entry) { kept[kept.count - 1] = entry }
            }
        }
        scan.notes.entries = kept
    }

    /// `warnings` in byte order of their paths, in the order given where paths are equal.
    static func inPathOrder(_ warnings: [NoteWarning]) -> [NoteWarning] {
        guard warnings.count > 1 else { return warnings }
        return warnings.enumerated().sorted { a, b in
            a.element.path == b.element.path ? a.offset < b.offset : ByteOrder.precedes(a.element.path, b.element.path)
        }.map(\.element)
    }


    static func isNote(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { isNote($0) }
    }

    /// Whether the name ends in a note ending (ASCII, any case) after at least one other byte.
    static func isNote(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        for ending in noteEndings where name.count > ending.count {
            var matches = true
            let offset = name.count - ending.count
            for index in 0..<ending.count {
                let byte = name[offset + index]
                if ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) != ending[index] {
                    matches = false
                    break
                }
            }
            if matches { return true }
        }
        return false
    }
}

/// A folder to read: where it is, and how its paths are shown.
struct FolderToRead: Sendable {
    /// The path to open, as the file system spells it.
    var absolute: [UInt8]
    /// The relative path as shown (NFC) followed by `/`; empty for the root.
    var prefix: [UInt8]
    /// Whether the file system spells the relative path as it is shown.
    var spelledAsShown: Bool
    /// The device the folder is on (`st_dev`).
    var device: UInt64

    /// The relative path as shown.
    var relative: String { String(decoding: prefix.dropLast(), as: UTF8.self) }

    /// The relative path of the entry shown as `name`.
    func relative(_ name: [UInt8]) -> String { String(decoding: prefix + name, as: UTF8.self) }
}

/// What reading one folder found, its entries sorted the way their paths sort.
struct FolderListing: Sendable {
    enum Kind: UInt8, Sendable { case note, other, folder }

    struct Entry: Sendable {
        var kind: Kind
        /// The name as shown is `names[nameStart..<nameEnd]`; a folder's `/` follows it there.
        var nameStart: Int32
        var nameEnd: Int32
        /// The name as the file system spells it: the same range when spelled as shown.
        var spellingStart: Int32
        var spellingEnd: Int32
        var changeStamp: Int64
        var size: Int64
        var identity: FileIdentity
        /// The number of the folder this entry leads to, once claimed; -1 when it is not read.
        var child: Int32 = -1

        var name: Range<Int> { Int(nameStart)..<Int(nameEnd) }
        var spelling: Range<Int> { Int(spellingStart)..<Int(spellingEnd) }
        /// What entries sort by: the name as shown, and a folder's `/`.
        var key: Range<Int> { Int(nameStart)..<(Int(nameEnd) + (kind == .folder ? 1 : 0)) }
    }

    /// Something to warn about, told on the calling thread (`strerror` is not for threads).
    struct Problem: Sendable {
        enum Kind: Sendable {
            case notUTF8
            case brokenLink(Int32)
            /// A symbolic link, not named as a note, that leads nowhere: maybe a folder not there now.
            case linkToNothing(Int32)
        }

        /// The entry's name as shown.
        var name: [UInt8]
        var kind: Kind
    }

    var names: [UInt8] = []
    var entries: [Entry] = []
    var problems: [Problem] = []
    /// The error that kept the folder from being opened.
    var unreadable: Int32?
    var sawRespelledName = false
}

/// Listings filled in by several threads, each into its own slot.
private final class ListingSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [FolderListing?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ listing: FolderListing) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = listing
    }

    var values: [FolderListing] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// A file's device and inode, to recognise a folder reached twice.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
