import Foundation
import NetKBCore
import NetKBMarkdown
import NetKBStore

/// Brings the index up to date with the notes folder, in one transaction.
///
/// Files whose stamp (size, times, inode) is the one recorded are not read; the others are read
/// and hashed, and parsed only when their content changed. When a quarter of the notes were
/// added, removed or changed in size, a new file is written instead (``rebuildsRather(changed:of:)``). A file that cannot be read keeps what
/// the index had of it. The caller holds the index's ``NetKBStore/IndexLock``.
public struct Indexer: Sendable {
    public let folder: NotesFolder
    public let indexPath: String
    /// The repository the notes live in, whose absolute URLs are checked as internal links.
    public let repository: RepositoryURL?
    /// The taxonomy sections are tagged with; nil turns tagging off.
    public let taxonomy: TaxonomySource?
    /// How many threads read and parse notes while one writes them.
    public let readerThreads: Int

    /// `readerThreads` nil reads on a thread for each core.
    public init(folder: NotesFolder, indexPath: String, repository: RepositoryURL? = nil, taxonomy: TaxonomySource? = TaxonomySource(userBytes: nil), readerThreads: Int? = nil) {
        self.folder = folder
        self.indexPath = indexPath
        self.repository = repository
        self.taxonomy = taxonomy
        self.readerThreads = readerThreads ?? NoteReader.defaultThreadCount
    }

    /// Runs once, returning the store to use afterwards and what the run did. A first build,
    /// `rebuild`, and an index that is damaged or of another netkb version write a new file
    /// that is moved into place; otherwise only what changed is written. `progress` is called
    /// on the calling thread.
    public func run(rebuild: Bool = false, progress: ((IndexProgress) -> Void)? = nil) throws -> (NoteStore, IndexReport) {
        let scan = try folder.scan()
        // A killed build's file goes; a file there that netkb cannot tell it wrote stops only a
        // run that must write a new file (``NoteStore/build(at:_:)`` says so), not changes.
        try? NoteStore.removeLeftovers(ofIndex: indexPath)
        var existing: NoteStore?
        var report = IndexReport()
        switch try NoteStore.openForWriting(at: indexPath) {
        case .absent: break
        case .current(let store): existing = store
        case .stale(let reason): report.rebuiltBecause = reason
        }
        guard let store = existing, !rebuild else {
            return try run(scan: scan, into: nil, report: report, progress: progress, root: folder.identity())
        }
        let root = try checkNotesAreTheIndexs(store, scan: scan)
        do {
            return try run(scan: scan, into: store, report: report, progress: progress, root: root)
        } catch StoreError.damaged(_, let reason) {
            report.rebuiltBecause = "it is damaged (\(reason))"
            return try run(scan: scan, into: nil, report: report, progress: progress, root: root)
        }
    }

    /// Fails, before anything is written, when `store` was written for the notes of another
    /// folder, or when the folder has no notes while `store` holds some: changing the index
    /// would drop every note it holds, without a word.
    /// The folder moved (same device and inode, another path) is recorded where it is now, so
    /// that a new folder made at the old path is not taken for it. Returns the folder's identity.
    func checkNotesAreTheIndexs(_ store: NoteStore, scan: NotesFolder.Scan) throws -> StoredNotesRoot? {
        let (root, recorded) = try folder.identity(checkingIndex: store, at: indexPath)
        if let root, recorded != root {
            // The only place an existing index's record changes (a new file records it as it
            // is written). A read-only index keeps the old record: it is only ever a narrower check.
            try? store.update { try $0.recordNotesRoot(root) }
        }
        if scan.noteCount == 0, scan.unreadableFolders.isEmpty {
            let indexed = try store.noteCount()
            if indexed > 0 { throw IndexError.noNotes(folder: folder.root, index: indexPath, indexed: indexed) }
        }
        return root
    }

    /// Whether `changed` notes of the `indexed` an index holds are better written as a new file
    /// than as changes to it: a quarter of them, and at least ``rebuildMinimum``. On 10,000
    /// notes a new file takes about 6 s, and changing notes about 2 ms each (each is taken out of
    /// the full-text index and put back, and its segments merged as they grow), so a quarter
    /// takes about as long; and while a new file is written, searches read the old one, where
    /// changes written into the file itself keep them waiting until the end.
    static func rebuildsRather(changed: Int, of indexed: Int) -> Bool {
        changed >= rebuildMinimum && changed * 4 >= indexed
    }

    /// Whether a refresh may put a new file in place of the index at `path`: only the index's
    /// owner's, and only when the file and its folder may be written. A read-only index is
    /// answered from as it is, and one that is someone else's (`sudo netkb search`) keeps its
    /// owner, as changes written into it would.
    static func mayReplace(_ path: String) -> Bool {
        var info = stat()
        let folder = (path as NSString).deletingLastPathComponent
        return stat(path, &info) == 0 && info.st_uid == geteuid()
            && access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// Fewer changed notes than this are always written as changes: a small folder is quick either way.
    static let rebuildMinimum = 256

    /// Updates `store` with what changed, or (with no store) builds a new index from every note.
    ///
    /// `root` is the notes folder's identity, recorded in what is written. `mayRebuild` lets
    /// many changes be written as a new file instead; `previous` is the index
    /// a new file is being written for in place of changes to it, given up (``RebuildGivenUp``)
    /// when a note cannot be read, whose text `previous` keeps; `previousStamps`, its notes'
    /// stamps, make the report say what changed rather than that every note was added.
    func run(
        scan: NotesFolder.Scan, into store: NoteStore?, report: IndexReport, progress: ((IndexProgress) -> Void)?,
        root: StoredNotesRoot?, mayRebuild: Bool = true, givingUpFor previous: NoteStore? = nil,
        reportingAgainst previousStamps: [String: FileStamp]? = nil
    ) throws -> (NoteStore, IndexReport) {
        let started = Date()
        let asGiven = report
        var report = report
        report.warnings = scan.warnings
        report.walkWarnings = scan.warnings.count
        // Sized for what the folder holds: mostly what the index holds.
        let indexedFiles = try store?.indexedFileList(expected: (scan.noteCount, scan.notes.pathBytes.count)) ?? IndexedFileList()
        let diff = FolderDiff(notes: scan.notes, indexed: indexedFiles, mayHide: scan.mayHide)
        report.unchanged += diff.unchanged
        let gone = diff.gone
        let indexed = diff.previous
        // The files to read are the reader's alone, which lets them go once read: a full build
        // resolves its links without 100,000 of them held.
        let toRead = (consume diff).toRead
        let toReadCount = toRead.count
        // Many changes are written as a new file, unless that could lose notes the index holds:
        // those under a folder that cannot be read now, or (found as they are read, when the
        // new file is given up) a note that cannot be read.
        // Counted as changed: notes added, gone, or of another size; a note whose times or inode
        // alone changed (`chmod -R`, `touch`) is most likely the same, and reading it again
        // costs little next to writing a new file.
        let edited = gone.count + toRead.count { file in indexed[file.path].map { $0.size != file.size } ?? true }
        if let store, mayRebuild, scan.unreadableFolders.isEmpty, Self.mayReplace(indexPath),
           Self.rebuildsRather(changed: edited, of: indexedFiles.count) {
            var rebuilding = asGiven
            rebuilding.rebuiltBecause = "\(edited) of its \(indexedFiles.count) notes changed: a new file is written faster than that many changes"
            rebuilding.removed = gone.count
            rebuilding.unchanged = report.unchanged
            let stamps = Dictionary(uniqueKeysWithValues: (0..<indexedFiles.count).map { (indexedFiles.path(at: $0), indexedFiles.stamps[$0]) })
            do {
                return try run(scan: scan, into: nil, report: rebuilding, progress: progress, root: root, givingUpFor: store, reportingAgainst: stamps)
            } catch is RebuildGivenUp {
                return try run(scan: scan, into: store, report: asGiven, progress: progress, root: root, mayRebuild: false)
            } catch StoreError.foreign(let path, _) {
                // Someone's file where the new file would be written: the changes, then, saying why.
                var report = try run(scan: scan, into: store, report: asGiven, progress: progress, root: root, mayRebuild: false)
                report.1.warnings.append(NoteWarning(
                    path: path, message: "not netkb's file, so netkb wrote the changes into the index instead of a new file there"))
                return report
            }
        }
        progress?(.scanned(total: scan.noteCount, toRead: toReadCount))
        let taxonomyKey = taxonomy?.key ?? "none"
        let taxonomyChanged = try store?.taxonomySource() != taxonomyKey
        if let store, toRead.isEmpty && gone.isEmpty, !taxonomyChanged,
           try !store.needsLinkWork(otherFiles: scan.otherFiles, repository: repository) {
            report.seconds = Date().timeIntervalSince(started)
            return (store, report)
        }
        // Built before anything is written: a wrong concepts.yml stops the run here. When the
        // files are those the index was tagged from, the index's own copy of the taxonomy is
        // used, which spares reading and checking them (most of a one-note refresh); an index
        // without one gets it stored.
        var storesTaxonomy = taxonomyChanged
        let tagger = try taxonomy.flatMap { source -> ConceptTagger? in
            guard taxonomyChanged || !toRead.isEmpty else { return nil }
            if !taxonomyChanged, let stored = try store?.storedTaxonomy() { return ConceptTagger(taxonomy: stored) }
            storesTaxonomy = true
            return try source.tagger()
        }

        let reader = NoteReader(files: consume toRead, indexed: indexed, tagger: tagger, threads: readerThreads)
        reader.start()
        defer { reader.cancel() }
        func apply(_ transaction: IndexTransaction) throws {
            var affected = Set<String>()
            if store == nil, let root { try transaction.recordNotesRoot(root) }
            for path in gone {
                affected.formUnion(try transaction.remove(path: path))
                report.removed += 1
            }
            if storesTaxonomy {
                report.retagged = try transaction.useTaxonomy(tagger, source: taxonomyKey)
            }
            // A new file: its indexes are built once its rows are in.
            let suspended = store == nil ? try transaction.suspendSecondaryIndexes() : nil
            if suspended != nil { try transaction.holdFullTextMerges() }
            var done = 0
            while let outcome = reader.next() {
                if previous != nil, case .unreadable = outcome { throw RebuildGivenUp() }
                done += 1
                let keys = try record(outcome, in: transaction, indexed: indexed, report: &report, against: previousStamps)
                // A new file resolves every link: it needs no keys (100,000 notes' are many).
                if store != nil { affected.formUnion(keys) }
                progress?(.read(done: done, of: toReadCount))
            }
            affected.formUnion(try transaction.replaceFiles(with: scan.otherFiles))
            // A new file builds its indexes, counts concepts (which needs one) and merges its
            // full-text segments while its links are resolved on the other cores: first the
            // indexes whose sorts hold the most memory, before resolving holds its catalog of
            // every note, so that the two are never held at once (a full build of 100,000 notes
            // peaks at 241 rather than 272 MiB); last the index on what resolving writes.
            if let phases = suspended?.byPhase {
                try transaction.restore(phases.beforeResolving)
                try transaction.resolveLinks(affectedKeys: affected, repository: repository) {
                    try transaction.restore(phases.whileResolving)
                    if taxonomy != nil { try transaction.recountConcepts() }
                    try transaction.mergeFullTextSegments()
                }
                try transaction.restore(phases.afterResolving)
            } else {
                if taxonomy != nil { try transaction.recountConcepts() }
                try transaction.resolveLinks(affectedKeys: affected, repository: repository)
                try transaction.mergeSmallSegments()
            }
        }
        var current: NoteStore
        if let store {
            try store.update(apply)
            current = store
        } else {
            // A first or full build: into a new file, moved into place at the end.
            current = try NoteStore.build(at: indexPath, apply).0
        }
        report.seconds = Date().timeIntervalSince(started)
        return (current, report)
    }

    /// Saves what the reader made of one file; returns the lookup keys whose links must be
    /// resolved again.
    /// `previousStamps`, when a new file replaces an index, are that index's notes' stamps: a
    /// note is reported as added, updated or unchanged against them.
    func record(
        _ outcome: NoteReader.Outcome, in transaction: IndexTransaction, indexed: [String: FileStamp], report: inout IndexReport,
        against previousStamps: [String: FileStamp]? = nil
    ) throws -> Set<String> {
        switch outcome {
        case .parsed(let file, let parsed, let linked, let stamp, let tags, let texts):
            if let previousStamps {
                if let old = previousStamps[file.path] {
                    // A note whose stamp is the same was counted as unchanged by the folder's
                    // diff; one read again for a new stamp is unchanged when its bytes are.
                    if old.changeStamp != stamp.changeStamp || old.size != stamp.size {
                        if old.contentHash == stamp.contentHash { report.unchanged += 1 } else { report.updated += 1 }
                    }
                } else {
                    report.added += 1
                }
            } else if indexed[file.path] == nil { report.added += 1 } else { report.updated += 1 }
            report.warnings += parsed.warnings
            return try transaction.save(linked, stamp: stamp, tags: tags, texts: texts)
        case .sameContent(let file, let stamp):
            try transaction.touch(path: file.path, stamp: stamp)
            report.unchanged += 1
        case .vanished(let file):
            report.warnings.append(NoteWarning(path: file.path, message: "vanished during the run"))
            if previousStamps?[file.path] != nil { report.removed += 1 }
            if indexed[file.path] != nil {
                report.removed += 1
                return try transaction.remove(path: file.path)
            }
        case .unreadable(let file, let reason):
            let kept = indexed[file.path] != nil ? "; keeping what the index had of it" : ""
            report.warnings.append(NoteWarning(path: file.path, message: "cannot read: \(reason)\(kept)"))
            if indexed[file.path] != nil { report.unchanged += 1 }
        }
        return []
    }
}

/// A new file written in place of many changes, given up: a note cannot be read, and the
/// index being replaced keeps what it had of it.
struct RebuildGivenUp: Error {}
