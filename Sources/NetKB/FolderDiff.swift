import NetKBCore
import NetKBStore

/// What changed between the notes folder and the index, found by one merge of two lists sorted
/// by path bytes, the way SQLite orders them: no hashing of every path on every refresh, and no
/// string made for a path that did not change.
struct FolderDiff {
    /// Notes whose modification time and size are those the index recorded.
    var unchanged = 0
    /// Notes to read: new ones and ones whose time or size changed, in path order.
    var toRead: [NoteFile] = []
    /// What the index had of the notes to read that it knew.
    var previous: [String: FileStamp] = [:]
    /// Indexed paths no longer in the folder (and not under a folder that could not be read).
    var gone: [String] = []

    /// `notes` and `indexed` must both be in byte order of their paths.
    init(notes: NoteList, indexed: IndexedFileList, mayHide: (String) -> Bool) {
        var toRead: [Int] = []
        var changed: [(note: Int, stamp: FileStamp)] = []
        var gone: [Int] = []
        var unchanged = 0
        notes.pathBytes.withUnsafeBufferPointer { disk in
            indexed.pathBytes.withUnsafeBufferPointer { index in
                var i = 0, j = 0
                while i < notes.count || j < indexed.count {
                    let order: Int
                    if j == indexed.count {
                        order = -1
                    } else if i == notes.count {
                        order = 1
                    } else {
                        let note = notes.entries[i]
                        order = ByteOrder.compare(disk, note.pathStart..<note.pathEnd, index, indexed.pathRange(at: j))
                    }
                    if order < 0 {
                        toRead.append(i)
                        i += 1
                    } else if order > 0 {
                        gone.append(j)
                        j += 1
                    } else {
                        let (note, stamp) = (notes.entries[i], indexed.stamps[j])
                        if stamp.matches(changeStamp: note.changeStamp, size: note.size) {
                            unchanged += 1
                        } else {
                            toRead.append(i)
                            changed.append((i, stamp))
                        }
                        i += 1
                        j += 1
                    }
                }
            }
        }
        self.unchanged = unchanged
        self.toRead = toRead.map(notes.file(at:))
        for (note, stamp) in changed { previous[notes.path(at: note)] = stamp }
        self.gone = gone.map(indexed.path(at:)).filter { !mayHide($0) }
    }
}
