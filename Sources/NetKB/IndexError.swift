/// Why an indexing run could not start.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    case notesFolderMissing(path: String, reason: String)
    case notesFolderNotAFolder(path: String)
    case badRepositoryURL(String)
    /// `.netkb/config.yml` is wrong; the text names the file and line.
    case badConfig(String)
    /// The index was written for the notes of another folder (`holds`).
    case otherNotesFolder(index: String, holds: String, given: String)
    /// The notes folder has no notes, and the index holds some (a drive not mounted, say).
    case noNotes(folder: String, index: String, indexed: Int)

    public var description: String {
        switch self {
        case .notesFolderMissing(let path, let reason): "notes folder \(path) cannot be read: \(reason)"
        case .notesFolderNotAFolder(let path): "notes folder \(path) is not a folder"
        case .badRepositoryURL(let url): "repository URL '\(url)' is not of the form https://github.com/OWNER/REPO"
        case .badConfig(let text): text
        case .otherNotesFolder(let index, let holds, let given):
            "the index at \(index) holds the notes of \(holds), not of \(given): give these notes an index of their own with --index, or run `netkb index --rebuild` to make this index theirs"
        case .noNotes(let folder, let index, let indexed):
            "found no notes in \(folder), and the index at \(index) holds \(indexed): if the folder is meant to be empty now (and not, say, a drive that is not mounted), run `netkb index --rebuild`"
        }
    }
}
