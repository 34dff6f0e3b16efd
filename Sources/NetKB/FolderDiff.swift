import NetKBCore

/// What changed between the notes folder and the index, found by one merge of two lists sorted
/// by path bytes, the way SQLite orders them: no hashing of every path on every refresh.
struct FolderDiff {
    /// Notes whose modification time and size are those the index recorded.
    var unchanged = 0
    /// Notes to read: new ones and ones whose time or size changed, in path order.
    var toRead: [NoteFile] = []
    /// What the index had of the notes to read that it knew.
    var previous: [String: FileStamp] = [:]
    /// Indexed paths no longer in the folder (and not under a folder that could not be read).
    var gone: [String] = []

    /// `files` and `indexed` must both be sorted by ``NotesFolder/bytesPrecede(_:_:)``.
    init(files: [NoteFile], indexed: [(path: String, stamp: FileStamp)], mayHide: (String) -> Bool) {
        var i = 0, j = 0
        while i < files.count || j < indexed.count {
            if j == indexed.count || (i < files.count && NotesFolder.bytesPrecede(files[i].path, indexed[j].path)) {
                toRead.append(files[i])
                i += 1
            } else if i == files.count || NotesFolder.bytesPrecede(indexed[j].path, files[i].path) {
                if !mayHide(indexed[j].path) { gone.append(indexed[j].path) }
                j += 1
            } else {
                let (file, stamp) = (files[i], indexed[j].stamp)
                if stamp.matches(modified: file.modified, size: file.size) {
                    unchanged += 1
                } else {
                    toRead.append(file)
                    previous[file.path] = stamp
                }
                i += 1
                j += 1
            }
        }
    }
}
