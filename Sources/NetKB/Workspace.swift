import Foundation
import NetKBCore
import NetKBStore
import NetKBMarkdown

/// A notes folder and its index file: what every command works on.
///
/// Writers take the index's ``IndexLock`` first, so two netkb processes never build or change
/// one index at once; a reading command that finds the lock taken, or cannot write, answers
/// from the index as it is and says so.
public struct Workspace: Sendable {
    public let folder: NotesFolder
    /// The index file: the path given, with the symbolic links it ends in followed.
    public let indexPath: String
    /// The repository the notes live in (`--repo-url`); absolute URLs into it are checked as
    /// internal links. When nil, `repo-url:` of `.netkb/config.yml` is used.
    public let repositoryURL: String?
    /// Whether sections are tagged with concepts; off only to measure what tagging costs.
    public let tagsConcepts: Bool
    /// How many threads read and parse notes; nil for one for each core.
    public let readerThreads: Int?

    public init(notesPath: String, indexPath: String, repositoryURL: String? = nil, tagsConcepts: Bool = true, readerThreads: Int? = nil) {
        // The file a link names is the index: its lock, its journals and a rebuild's new file
        // go beside it, so every process finds one lock, and the user's link stays a link.
        self.indexPath = SymbolicLinkTarget.following(indexPath)
        self.folder = NotesFolder(root: notesPath, indexFile: self.indexPath)
        self.repositoryURL = repositoryURL
        self.tagsConcepts = tagsConcepts
        self.readerThreads = readerThreads
    }

    /// The taxonomy sections are tagged with: the shipped one, with `.netkb/concepts.yml` of
    /// the notes folder over it when there is one. Reading it only reads the file; the
    /// taxonomy is built when ``TaxonomySource/tagger()`` is asked for.
    public func taxonomySource() throws -> TaxonomySource {
        let bytes = try settingsFile(TaxonomySource.userFile, limit: TaxonomyReader.maximumBytes + 1)
        return TaxonomySource(userBytes: bytes)
    }

    /// The bytes of a settings file of the notes folder (`relative` to its root), up to
    /// `limit`; nil when there is none. A file that cannot be read is an error naming it, and
    /// so is a symbolic link to nothing: the user meant a file to be there.
    func settingsFile(_ relative: String, limit: Int) throws -> [UInt8]? {
        let path = (folder.root as NSString).appendingPathComponent(relative)
        switch NoteReader.contents(of: Array(path.utf8), limit: limit) {
        case .failure(let failure) where failure.code == ENOENT || failure.code == ENOTDIR:
            if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                throw IndexError.badConfig("\(relative): cannot read: it is a symbolic link to '\(destination)', which does not exist")
            }
            return nil
        case .failure(let failure):
            let reason = failure.code == NoteReader.notRegular ? "it is not a regular file" : String(cString: strerror(failure.code))
            throw IndexError.badConfig("\(relative): cannot read: \(reason)")
        case .success(let bytes):
            return bytes
        }
    }

    /// The notes folder's settings, `.netkb/config.yml`; empty when there is none.
    public func config() throws -> NotesConfig {
        let relative = ".netkb/config.yml"
        guard let bytes = try settingsFile(relative, limit: NotesConfigReader.maximumBytes + 1) else { return .empty }
        do {
            return try NotesConfigReader.read(bytes, file: relative)
        } catch {
            throw IndexError.badConfig(error.description)
        }
    }

    /// The repository links are checked against: `--repo-url`, else the config's `repo-url`.
    func repository() throws -> RepositoryURL? {
        guard let url = try repositoryURL ?? config().repoURL else { return nil }
        guard let repository = RepositoryURL(url) else { throw IndexError.badRepositoryURL(url) }
        return repository
    }

    /// How a command gets at the index.
    public enum Access: Sendable {
        /// `netkb index`: bring the index up to date, waiting for another writer to finish.
        case update(rebuild: Bool)
        /// A reading command: bring the index up to date when possible, else read it as it is.
        case refreshThenRead
        /// `--no-refresh`: read the index as it is.
        case read

        /// Whether this is `netkb index`'s access.
        public var isUpdate: Bool {
            if case .update = self { return true }
            return false
        }
    }

    /// An index ready to answer, and how it got that way.
    public struct OpenedIndex: Sendable {
        public var store: NoteStore
        /// What the refresh did; nil when there was none.
        public var report: IndexReport?
        /// Why the index could not be brought up to date, when it was read as it was.
        public var staleBecause: String?
    }

    /// Opens the index for `access`. `waiting` is called once if another netkb process holds
    /// the lock and this one waits for it.
    public func open(
        _ access: Access, progress: ((IndexProgress) -> Void)? = nil, waiting: (() -> Void)? = nil
    ) throws -> OpenedIndex {
        switch access {
        case .read:
            return OpenedIndex(store: try holdingTheseNotes(NoteStore.openForReading(at: indexPath)))
        case .update(let rebuild):
            let (store, report) = try update(rebuild: rebuild, waitForLock: true, progress: progress, waiting: waiting)!
            return OpenedIndex(store: store, report: report)
        case .refreshThenRead:
            do {
                if let (store, report) = try update(rebuild: false, waitForLock: false, progress: progress, waiting: waiting) {
                    return OpenedIndex(store: store, report: report)
                }
                // Another process is writing the index: read it as it is, if there is one to read.
                if let store = try? NoteStore.openForReading(at: indexPath) {
                    return OpenedIndex(store: try holdingTheseNotes(store), staleBecause: "another netkb process is updating it")
                }
                let (store, report) = try update(rebuild: false, waitForLock: true, progress: progress, waiting: waiting)!
                return OpenedIndex(store: store, report: report)
            } catch let error as StoreError where error.isWriteFailure {
                guard let store = try? NoteStore.openForReading(at: indexPath) else { throw error }
                return OpenedIndex(store: try holdingTheseNotes(store), staleBecause: error.description)
            }
        }
    }

    /// `store`, read as it is, when it was written for this notes folder (or does not say):
    /// otherwise its answers would be another folder's notes under this one's name.
    func holdingTheseNotes(_ store: NoteStore) throws -> NoteStore {
        _ = try folder.identity(checkingIndex: store, at: indexPath)
        return store
    }

    /// Runs `work` on the index opened for `access`; if SQLite finds the index damaged on the
    /// way, rebuilds it (unless `access` is ``Access/read``) and runs `work` once more.
    public func withIndex<T>(
        _ access: Access, progress: ((IndexProgress) -> Void)? = nil, waiting: (() -> Void)? = nil,
        _ work: (OpenedIndex) throws -> T
    ) throws -> T {
        let opened = try open(access, progress: progress, waiting: waiting)
        do {
            return try work(opened)
        } catch StoreError.damaged(let path, let reason) {
            guard case .read = access else {
                var rebuilt = try open(.update(rebuild: true), progress: progress, waiting: waiting)
                rebuilt.report?.rebuiltBecause = "it is damaged (\(reason))"
                return try work(rebuilt)
            }
            throw StoreError.damaged(path: path, reason: reason)
        }
    }

    /// Brings the index up to date under its lock; nil when the lock is taken and
    /// `waitForLock` is false. Nothing is created when the notes folder cannot be read or
    /// the index path holds a file netkb did not write.
    func update(
        rebuild: Bool, waitForLock: Bool, progress: ((IndexProgress) -> Void)?, waiting: (() -> Void)?
    ) throws -> (NoteStore, IndexReport)? {
        try folder.checkRoot()
        let repository = try repository()
        try NoteStore.ownership(of: indexPath)
        let indexFolder = (indexPath as NSString).deletingLastPathComponent
        if !indexFolder.isEmpty && !FileManager.default.fileExists(atPath: indexFolder) {
            do {
                try FileManager.default.createDirectory(atPath: indexFolder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.notWritable(path: indexPath, reason: "cannot create its folder \(indexFolder)")
            }
        }
        guard let lock = try IndexLock.acquire(forIndex: indexPath, wait: waitForLock, waiting: waiting) else { return nil }
        defer { lock.release() }
        let taxonomy = tagsConcepts ? try taxonomySource() : nil
        return try Indexer(folder: folder, indexPath: indexPath, repository: repository, taxonomy: taxonomy, readerThreads: readerThreads)
            .run(rebuild: rebuild, progress: progress)
    }
}
