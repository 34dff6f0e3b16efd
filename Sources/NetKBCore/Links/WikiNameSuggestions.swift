import Foundation

/// The names wiki links may use — note names without `.md`, other files' names, aliases —
/// lower-cased, for "did you mean" suggestions, each with the spelling it was first written in
/// (the files in byte order, then the aliases in note order). Indexed the first time a
/// suggestion is asked for, as ``LazyNearNameIndex`` is; no name is kept until then.
final class WikiNameSuggestions: @unchecked Sendable {
    private let sortedFiles: [String]
    private let notes: [CatalogNote]
    private let noteIndexByPath: [String: Int]
    private let lock = NSLock()
    private var index: (names: NearNameIndex, spellings: KeyHashIndex, aliases: [(note: Int32, alias: Int32)])?

    /// The names of these files (in byte order) and of these notes' aliases.
    init(sortedFiles: [String], notes: [CatalogNote], noteIndexByPath: [String: Int]) {
        self.sortedFiles = sortedFiles
        self.notes = notes
        self.noteIndexByPath = noteIndexByPath
    }

    /// The name closest to `key` (lower-cased), as ``NearNameIndex/closest(to:)`` finds it,
    /// in the spelling it was first written in.
    func closest(to key: String) -> String? {
        let index = built()
        guard let near = index.names.closest(to: key) else { return nil }
        let first = index.spellings.positions(for: near) { self.key(at: $0, aliases: index.aliases) == $1 }.first
        return first.map { spelling(at: $0, aliases: index.aliases) } ?? near
    }

    private func built() -> (names: NearNameIndex, spellings: KeyHashIndex, aliases: [(note: Int32, alias: Int32)]) {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        // Each note's aliases, one per lower-cased spelling: the first written.
        var aliases: [(note: Int32, alias: Int32)] = []
        for (noteIndex, note) in notes.enumerated() {
            var seen: Set<String> = []
            for (aliasIndex, alias) in note.aliases.enumerated() {
                let key = alias.fastLowercased()
                if !key.isEmpty, seen.insert(key).inserted { aliases.append((Int32(noteIndex), Int32(aliasIndex))) }
            }
        }
        let keys = (0..<(sortedFiles.count + aliases.count)).map { (key: key(at: $0, aliases: aliases), position: $0) }
        let built = (NearNameIndex(keys.map(\.key)), KeyHashIndex(keys), aliases)
        index = built
        return built
    }

    /// The spelling of name `position`: a file's, then an alias's.
    private func spelling(at position: Int, aliases: [(note: Int32, alias: Int32)]) -> String {
        guard position >= sortedFiles.count else {
            let path = sortedFiles[position]
            return noteIndexByPath[path] != nil ? String(NotePath.stem(of: path)) : String(NotePath.fileName(of: path))
        }
        let (note, alias) = aliases[position - sortedFiles.count]
        return notes[Int(note)].aliases[Int(alias)]
    }

    private func key(at position: Int, aliases: [(note: Int32, alias: Int32)]) -> String {
        spelling(at: position, aliases: aliases).fastLowercased()
    }
}
