import NetKBCore

/// A Markdown file found under the notes folder.
public struct NoteFile: Hashable, Sendable {
    /// The path relative to the notes root, NFC, with `/` separators.
    public var path: String
    /// The path to open, as the file system spells it: bytes, which need not be UTF-8.
    public var absolutePath: [UInt8]
    /// The file's change stamp (``FileStamp/changeStamp(modified:changed:inode:)``).
    public var changeStamp: Int64
    public var size: Int64
}

/// The notes a scan found, packed: every relative path in one byte buffer, so that a folder of
/// 100,000 notes is a few arrays rather than 200,000 strings and byte arrays made, compared and
/// freed on every refresh. A ``NoteFile`` is made only for a note that is read.
struct NoteList: Sendable {
    /// One note: where its path lies in ``pathBytes``, its folder, its stamp.
    struct Entry: Sendable {
        /// The relative path is `pathBytes[pathStart..<pathEnd]`; its file name starts at `nameStart`.
        var pathStart: Int
        var nameStart: Int
        var pathEnd: Int
        var changeStamp: Int64
        var size: Int64
        /// Index into ``folders``.
        var folder: Int32
        /// Index into ``spellings`` when the file system spells the name otherwise than the
        /// path shows it (NFD, bytes that are not UTF-8); -1 when the name is spelled as shown.
        var spelling: Int32
    }

    /// Relative paths (NFC, `/` separators), one after another.
    var pathBytes: [UInt8] = []
    var entries: [Entry] = []
    /// Paths of folders to open, as the file system spells them; an empty one adds no `/`.
    var folders: [[UInt8]] = []
    /// Whether each folder's relative path is spelled on disk as it is shown.
    var foldersSpelledAsShown: [Bool] = []
    /// File names as the file system spells them, for the notes whose names were respelled.
    var spellings: [[UInt8]] = []

    var count: Int { entries.count }

    /// Whether the file system spells the note as its path shows it, folders and all.
    func isSpelledAsShown(_ entry: Entry) -> Bool {
        entry.spelling < 0 && (foldersSpelledAsShown.isEmpty || foldersSpelledAsShown[Int(entry.folder)])
    }

    /// Whether the path shows `\x` escapes for bytes of the name (or of a folder's) that are
    /// not UTF-8, rather than a spelling in another Unicode normalisation.
    func hasEscapedName(_ entry: Entry) -> Bool {
        if entry.spelling >= 0, String(validating: spellings[Int(entry.spelling)], as: UTF8.self) == nil { return true }
        let folder = Int(entry.folder)
        return !foldersSpelledAsShown.isEmpty && !foldersSpelledAsShown[folder]
            && String(validating: folders[folder], as: UTF8.self) == nil
    }

    func path(at index: Int) -> String {
        let entry = entries[index]
        return String(decoding: pathBytes[entry.pathStart..<entry.pathEnd], as: UTF8.self)
    }

    func file(at index: Int) -> NoteFile {
        let entry = entries[index]
        var absolute = folders[Int(entry.folder)]
        if !absolute.isEmpty, absolute.last != UInt8(ascii: "/") { absolute.append(UInt8(ascii: "/")) }
        if entry.spelling >= 0 {
            absolute += spellings[Int(entry.spelling)]
        } else {
            absolute += pathBytes[entry.nameStart..<entry.pathEnd]
        }
        return NoteFile(path: path(at: index), absolutePath: absolute, changeStamp: entry.changeStamp, size: entry.size)
    }

    /// The notes as ``NoteFile`` values.
    var files: [NoteFile] { entries.indices.map(file(at:)) }

    /// Adds a note whose path is `prefix` followed by `name`.
    mutating func append(prefix: UnsafeBufferPointer<UInt8>, name: UnsafeBufferPointer<UInt8>, folder: Int, spelling: [UInt8]?, changeStamp: Int64, size: Int64) {
        let start = pathBytes.count
        pathBytes.append(contentsOf: prefix)
        let nameStart = pathBytes.count
        pathBytes.append(contentsOf: name)
        var spellingIndex: Int32 = -1
        if let spelling {
            spellingIndex = Int32(spellings.count)
            spellings.append(spelling)
        }
        entries.append(Entry(pathStart: start, nameStart: nameStart, pathEnd: pathBytes.count, changeStamp: changeStamp, size: size, folder: Int32(folder), spelling: spellingIndex))
    }

    /// Whether the paths are in byte order (twins, equal paths, may stand side by side).
    func isInPathOrder() -> Bool {
        pathBytes.withUnsafeBufferPointer { bytes in
            var index = 1
            while index < entries.count {
                let (a, b) = (entries[index - 1], entries[index])
                if ByteOrder.compare(bytes, a.pathStart..<a.pathEnd, bytes, b.pathStart..<b.pathEnd) > 0 { return false }
                index += 1
            }
            return true
        }
    }

    /// Puts the notes in byte order of their paths, keeping the order of equal paths.
    mutating func sortByPath() {
        let entries = self.entries
        let sorted = pathBytes.withUnsafeBufferPointer { bytes in
            entries.indices.sorted { i, j in
                let order = ByteOrder.compare(bytes, entries[i].pathStart..<entries[i].pathEnd, bytes, entries[j].pathStart..<entries[j].pathEnd)
                return order != 0 ? order < 0 : i < j
            }
        }
        self.entries = sorted.map { entries[$0] }
    }
}
