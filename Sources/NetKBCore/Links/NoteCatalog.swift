/// Every file under the notes root and what links may name in each note, with the lookup
/// tables link resolution needs, built once.
///
/// Paths are relative to the notes root with `/` separators; they are NFC-normalised here, so
/// a file name stored in NFD (as macOS writes it) is found by a link typed in NFC.
///
/// ```swift
/// let catalog = NoteCatalog(
///     notes: [CatalogNote(path: "net/TCP.md", title: "TCP", headings: [NoteHeading(text: "연결", level: 2)])],
///     otherFiles: ["net/handshake.png"])
/// ```
public struct NoteCatalog: Sendable {
    /// The notes, in the order given.
    public let notes: [CatalogNote]
    /// Every file path: the notes and the other files.
    public let files: Set<String>
    /// Every folder that holds a file, at any depth; `""` is the root.
    let folders: Set<String>
    let noteIndexByPath: [String: Int]
    /// Lower-cased path → the paths with that spelling in any case.
    let filesByLowercasedPath: [String: [String]]
    /// Lower-cased file name (with extension) → paths, sorted.
    let filesByLowercasedName: [String: [String]]
    /// Folder → the names of the files in it, for suggestions (indexed when first needed).
    let fileNamesByFolder: [String: LazyNearNameIndex]
    /// Lower-cased alias → note indices.
    let notesByLowercasedAlias: [String: [Int]]
    /// Lower-cased title → note indices.
    let notesByLowercasedTitle: [String: [Int]]
    /// Lower-cased names wiki links may use (note names without `.md`, other files' names,
    /// aliases), for "did you mean" suggestions.
    let wikiNames: LazyNearNameIndex
    /// Those lower-cased names → the name as first written, for messages.
    let wikiNameSpellings: [String: String]

    /// A catalog of notes and the other files (images, PDFs, …) under the notes root. A note's
    /// path need not be repeated among the other files.
    public init(notes: [CatalogNote], otherFiles: [String] = []) {
        self.notes = notes
        var noteIndexByPath: [String: Int] = [:]
        for (index, note) in notes.enumerated() where noteIndexByPath[note.path] == nil {
            noteIndexByPath[note.path] = index
        }
        self.noteIndexByPath = noteIndexByPath
        let files = Set(notes.map(\.path)).union(otherFiles.map(NFC.normalize))
        self.files = files

        var folders: Set<String> = [""]
        var byLowercasedPath: [String: [String]] = [:]
        var byLowercasedName: [String: [String]] = [:]
        var namesByFolder: [String: [String]] = [:]
        var spellings: [String: String] = [:]
        for path in files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let lowercased = path.fastLowercased()
            byLowercasedPath[lowercased, default: []].append(path)
            let name = NotePath.fileName(of: path)
            byLowercasedName[name.fastLowercased(), default: []].append(path)
            var folder = NotePath.folder(of: path)
            namesByFolder[String(folder), default: []].append(String(name))
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                folder = NotePath.folder(of: String(folder))
            }
            let wikiName = noteIndexByPath[path] != nil ? String(NotePath.stem(of: path)) : String(name)
            if spellings[wikiName.fastLowercased()] == nil { spellings[wikiName.fastLowercased()] = wikiName }
        }
        var byAlias: [String: [Int]] = [:]
        var byTitle: [String: [Int]] = [:]
        for (index, note) in notes.enumerated() {
            for alias in Set(note.aliases.map { $0.fastLowercased() }) where !alias.isEmpty {
                byAlias[alias, default: []].append(index)
                if spellings[alias] == nil { spellings[alias] = note.aliases.first { $0.fastLowercased() == alias } }
            }
            if !note.title.isEmpty { byTitle[note.title.fastLowercased(), default: []].append(index) }
        }
        self.folders = folders
        self.filesByLowercasedPath = byLowercasedPath.mapValues { $0.sorted() }
        self.filesByLowercasedName = byLowercasedName.mapValues { $0.sorted() }
        self.fileNamesByFolder = namesByFolder.mapValues { LazyNearNameIndex($0) }
        self.notesByLowercasedAlias = byAlias
        self.notesByLowercasedTitle = byTitle
        self.wikiNames = LazyNearNameIndex(Array(spellings.keys))
        self.wikiNameSpellings = spellings
    }

    /// The note at `path` (NFC), if there is one.
    public func note(at path: String) -> CatalogNote? {
        noteIndexByPath[NFC.normalize(path)].map { notes[$0] }
    }

    /// Whether a file (a note or any other file) has exactly this path.
    public func containsFile(_ path: String) -> Bool {
        files.contains(NFC.normalize(path))
    }
}
