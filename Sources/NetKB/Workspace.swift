import NetKBCore
import NetKBStore

/// A notes folder and its index file: what every command works on.
public struct Workspace: Sendable {
    public let folder: NotesFolder
    public let indexPath: String

    public init(notesPath: String, indexPath: String) {
        self.folder = NotesFolder(root: notesPath)
        self.indexPath = indexPath
    }

    /// Opens the index and brings it up to date with the folder.
    public func refreshedStore(rebuild: Bool = false, progress: ((IndexProgress) -> Void)? = nil) throws -> (NoteStore, IndexReport) {
        let store = try NoteStore.open(at: indexPath)
        return try Indexer(folder: folder, store: store).run(rebuild: rebuild, progress: progress)
    }

    /// Opens the index as it is, for reading only.
    public func existingStore() throws -> NoteStore {
        try NoteStore.openForReading(at: indexPath)
    }
}
