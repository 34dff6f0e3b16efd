import Foundation
import NetKB

/// A note named on the command line (`links NOTE`, `show NOTE#HEADING`): its path, found the
/// cheap way when the argument is a note's own path (from the notes root, or from the current
/// folder into the notes folder), else the way a wiki link from the notes root finds it.
enum NoteArgument {
    /// The path of the note `name` names. A note's own path (with or without `.md`) is taken
    /// as it is, whatever it holds; anything else is read as `[[name]]` would be, up to a `#`.
    static func path(named name: String, in store: NoteStore, workspace: Workspace) throws -> String {
        try pathAndFragment(name, in: store, workspace: workspace).path
    }

    /// The note's path and the fragment after `#`. A note's path (with or without `.md`) is
    /// taken whole, `#` and all: the argument itself, else the longest part before a `#` (of
    /// the last 16); a path from the notes root first, then one from the current folder
    /// (`notes/소켓.md` with the notes in `notes`). Otherwise what comes before the first `#`
    /// names the note as `[[name]]` would.
    /// A name output shows escaped may be given as shown or as written (see
    /// ``NoteArgumentSpellings``): each spelling is tried in turn, and the first one's failure
    /// is the one reported.
    static func pathAndFragment(_ argument: String, in store: NoteStore, workspace: Workspace) throws -> (path: String, fragment: String?) {
        let spellings = NoteArgumentSpellings.of(argument, rawBytes: NoteArgumentSpellings.rawBytes(of: argument))
        var firstFailure: CommandFailure?
        for spelling in spellings {
            do {
                return try pathAndFragment(spelling: spelling, in: store, workspace: workspace)
            } catch let failure as CommandFailure {
                if firstFailure == nil { firstFailure = failure }
            }
        }
        throw firstFailure ?? CommandFailure(message: "name a note: NOTE is empty")
    }

    /// ``pathAndFragment(_:in:workspace:)`` for one spelling of the argument.
    static func pathAndFragment(spelling argument: String, in store: NoteStore, workspace: Workspace) throws -> (path: String, fragment: String?) {
        let whole = NFC.normalize(argument)
        guard !whole.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure(message: "name a note: NOTE is empty")
        }
        let hashes = whole.indices.filter { whole[$0] == "#" }
        let ends = [whole.endIndex] + hashes.suffix(16).reversed()
        let names = ends.map { String(whole[..<$0]) }
        let places = workspace.places(ofWorkingDirectoryPaths: names)
        let fromHere = places.map { place -> String? in
            if case .inside(let path) = place { return path }
            return nil
        }
        let found = try store.notePaths(among: (names + fromHere.compactMap { $0 }).flatMap { [$0, $0 + ".md"] })
        for candidates in [names.map(Optional.some), fromHere] {
            for (end, name) in zip(ends, candidates) {
                guard let name, let path = [name, name + ".md"].first(where: found.contains) else { continue }
                return (path, end == whole.endIndex ? nil : String(whole[whole.index(after: end)...]))
            }
        }
        do {
            guard let hash = hashes.first else {
                return (try path(resolving: whole, in: store), nil)
            }
            let name = String(whole[..<hash])
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw CommandFailure(message: "name a note before '#': '\(TerminalText.escaped(whole.shortened()))'")
            }
            return (try path(resolving: name, in: store), String(whole[whole.index(after: hash)...]))
        } catch let failure as CommandFailure {
            // A file or folder of that name here, outside the notes folder, is what was meant: say so.
            let quoted = TerminalText.escaped(whole.shortened())
            let root = TerminalText.escaped(workspace.folder.root.shortened())
            switch places[0] {
            case .outside: throw CommandFailure(message: "no note '\(quoted)': that path is outside the notes folder '\(root)'")
            case .notesFolder: throw CommandFailure(message: "'\(quoted)' is the notes folder itself: name a note in it")
            case .inside, .unknown: throw failure
            }
        }
    }

    /// The note `name` (with no `#`) leads to as a wiki link from the notes root: among the
    /// notes that answer to its lookup key, else (to say what is wrong, and what was meant)
    /// among the names of all notes and files.
    private static func path(resolving name: String, in store: NoteStore) throws -> String {
        let target = LinkTarget(wiki: name)
        let candidates = try store.nameCatalog(forKey: LinkLookupKey.of(target))
        if case .resolved(let resolved) = LinkResolver(catalog: candidates).resolve(target, from: ""),
           candidates.note(at: resolved.path) != nil {
            return resolved.path
        }
        let catalog = try store.nameCatalog()
        switch LinkResolver(catalog: catalog).resolve(target, from: "") {
        case .resolved(let resolved) where catalog.note(at: resolved.path) != nil:
            return resolved.path
        case .broken(let broken):
            var message = "no note '\(TerminalText.escaped(name.shortened()))': \(broken.reason)"
            if let suggestion = broken.suggestion { message += " (did you mean '\(suggestion)'?)" }
            throw CommandFailure(message: message)
        default:
            throw CommandFailure(message: "'\(TerminalText.escaped(name.shortened()))' is not a note")
        }
    }
}
