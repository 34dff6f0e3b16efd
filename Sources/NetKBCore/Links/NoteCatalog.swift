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
    /// Every file path in byte order: the positions ``byLowercasedPath`` and
    /// ``byLowercasedName`` give.
    private let sortedFiles: [String]
    /// `sortedFiles` by lower-cased path.
    private let byLowercasedPath: KeyHashIndex
    /// `sortedFiles` by lower-cased file name (with extension).
    private let byLowercasedName: KeyHashIndex
    /// Folder → the names of the files in it, for suggestions (indexed when first needed).
    let fileNamesByFolder: [String: LazyNearNameIndex]
    /// `notes` by lower-cased alias.
    private let byLowercasedAlias: KeyHashIndex
    /// `notes` by lower-cased title.
    private let byLowercasedTitle: KeyHashIndex
    /// The names wiki links may use, for "did you mean" suggestions (indexed when first needed).
    let wikiNames: WikiNameSuggestions
    /// The look-up tables of notes with many headings, made when first needed.
    private let anchorTables = NoteAnchorTables()

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

        let sortedFiles = files.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        var folders: Set<String> = [""]
        var byPath: [(key: String, position: Int)] = []
        var byName: [(key: String, position: Int)] = []
        byPath.reserveCapacity(sortedFiles.count)
        byName.reserveCapacity(sortedFiles.count)
        var positionsByFolder: [Substring: [Int32]] = [:]
        for (position, path) in sortedFiles.enumerated() {
            byPath.append((path.fastLowercased(), position))
            byName.append((NotePath.fileName(of: path).fastLowercased(), position))
            var folder = NotePath.folder(of: path)
            positionsByFolder[folder, default: []].append(Int32(position))
            while !folder.isEmpty, folders.insert(String(folder)).inserted {
                folder = NotePath.folder(of: folder)
            }
        }
        self.folders = folders
        self.sortedFiles = sortedFiles
        self.byLowercasedPath = KeyHashIndex(byPath)
        byPath = []
        self.byLowercasedName = KeyHashIndex(byName)
        byName = []
        var namesByFolder: [String: LazyNearNameIndex] = [:]
        for (folder, positions) in positionsByFolder {
            namesByFolder[String(folder)] = LazyNearNameIndex {
                positions.map { String(NotePath.fileName(of: sortedFiles[Int($0)])) }
            }
        }
        self.fileNamesByFolder = namesByFolder

        var byAlias: [(key: String, position: Int)] = []
        var byTitle: [(key: String, position: Int)] = []
        for (index, note) in notes.enumerated() {
            for alias in Set(note.aliases.map { $0.fastLowercased() }) where !alias.isEmpty {
                byAlias.append((alias, index))
            }
            if !note.title.isEmpty { byTitle.append((note.title.fastLowercased(), index)) }
        }
        self.byLowercasedAlias = KeyHashIndex(byAlias)
        self.byLowercasedTitle = KeyHashIndex(byTitle)
        self.wikiNames = WikiNameSuggestions(sortedFiles: sortedFiles, notes: notes, noteIndexByPath: noteIndexByPath)
    }

    /// The note at `path` (NFC), if there is one.
    public func note(at path: String) -> CatalogNote? {
        noteIndexByPath[NFC.normalize(path)].map { notes[$0] }
    }

    /// The first heading of `note` (one of this catalog's, or a stand-in) whose slug, or
    /// else whose `{#id}`, is `anchor`.
    func heading(withAnchor anchor: String, in note: CatalogNote) -> Int? {
        guard NoteAnchorTables.keeps(note) else {
            return note.outline.firstIndex(ofSlug: anchor) ?? note.outline.firstIndex(ofExplicitID: anchor)
        }
        let table = anchorTable(for: note)
        return table.heading(withSlug: anchor) ?? table.heading(withExplicitID: anchor)
    }

    /// The look-up tables of `note` (one of this catalog's, or a stand-in): kept from one
    /// link to the next for a note with many headings and ids, made anew for a short one.
    func anchorTable(for note: CatalogNote) -> NoteAnchorTable {
        anchorTables.table(for: note, at: noteIndexByPath[note.path])
    }

    /// How many look-up tables of notes with many headings have been made.
    var anchorTablesMade: Int { anchorTables.made }

    /// Whether a file (a note or any other file) has exactly this path.
    public func containsFile(_ path: String) -> Bool {
        files.contains(NFC.normalize(path))
    }

    /// The first path, in `String` order, whose lower-cased form is `key`.
    func firstFile(withLowercasedPath key: String) -> String? {
        byLowercasedPath.positions(for: key) { sortedFiles[$0].fastLowercased() == $1 }.map { sortedFiles[$0] }.min()
    }

    /// The paths, in `String` order, whose lower-cased file name (with extension) is `key`;
    /// nil when there are none.
    func files(withLowercasedName key: String) -> [String]? {
        let found = byLowercasedName.positions(for: key) { NotePath.fileName(of: sortedFiles[$0]).fastLowercased() == $1 }
        return found.isEmpty ? nil : found.map { sortedFiles[$0] }.sorted()
    }

    /// The indices of the notes with an alias whose lower-cased form is `key`, in order; nil
    /// when there are none.
    func notes(withLowercasedAlias key: String) -> [Int]? {
        let found = byLowercasedAlias.positions(for: key) { position, key in
            !key.isEmpty && notes[position].aliases.contains { $0.fastLowercased() == key }
        }
        return found.isEmpty ? nil : found
    }

    /// The indices of the notes whose lower-cased title is `key`, in order; nil when there are none.
    func notes(withLowercasedTitle key: String) -> [Int]? {
        let found = byLowercasedTitle.positions(for: key) { position, key in
            !notes[position].title.isEmpty && notes[position].title.fastLowercased() == key
        }
        return found.isEmpty ? nil : found
    }
}
