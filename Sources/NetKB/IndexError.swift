/// Why an indexing run could not start.
public enum IndexError: Error, CustomStringConvertible, Sendable {
    case notesFolderMissing(path: String, reason: String)
    case notesFolderNotAFolder(path: String)
    case badRepositoryURL(String)
    /// `.netkb/config.yml` is wrong; the text names the file and line.
    case badConfig(String)

    public var description: String {
        switch self {
        case .notesFolderMissing(let path, let reason): "notes folder \(path) cannot be read: \(reason)"
        case .notesFolderNotAFolder(let path): "notes folder \(path) is not a folder"
        case .badRepositoryURL(let url): "repository URL '\(url)' is not of the form https://github.com/OWNER/REPO"
        case .badConfig(let text): text
        }
    }
}
