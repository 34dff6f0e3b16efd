import Foundation
import NetKBCore

/// Where a path typed on the command line, read from the current folder, lies against the
/// notes folder.
public enum WorkingDirectoryPath: Equatable, Sendable {
    /// Inside the notes folder: the path from its root (NFC, `/`-separated).
    case inside(String)
    /// An existing file or folder outside the notes folder.
    case outside
    /// The notes folder itself.
    case notesFolder
    /// Neither: nothing is there, or the path cannot be read as one.
    case unknown
}

extension Workspace {
    /// Where each of `arguments`, paths from the current folder (`notes/전송 계층/소켓.md` when the
    /// notes folder is `notes`), lies: so that a path completed by the shell names a note as well
    /// as a path from the notes root does. Compared first as written (`..` taken away without
    /// following links), then with symbolic links followed on both sides, when the file is there.
    /// The notes folder is looked up once for all of them.
    public func places(ofWorkingDirectoryPaths arguments: [String]) -> [WorkingDirectoryPath] {
        let here = FileManager.default.currentDirectoryPath
        let root = Self.lexical(folder.root, from: here)
        var realRoot: [Substring]??
        return arguments.map { argument in
            guard !argument.isEmpty, argument.utf8.count <= Int(PATH_MAX), !argument.utf8.contains(0) else { return .unknown }
            let path = Self.lexical(argument, from: here)
            if path == root { return .notesFolder }
            if let inside = Self.relative(path, to: root) { return .inside(inside) }
            guard let file = Self.realPath(argument) else { return .unknown }
            if realRoot == nil { realRoot = .some(Self.realPath(folder.root)) }
            guard let resolvedRoot = realRoot ?? nil else { return .unknown }
            if file == resolvedRoot { return .notesFolder }
            if let inside = Self.relative(file, to: resolvedRoot) { return .inside(inside) }
            return .outside
        }
    }

    /// `path` made absolute from the folder `here`, with `.`, `..` and repeated `/` taken away
    /// by their spelling alone.
    static func lexical(_ path: String, from here: String) -> [Substring] {
        let absolute = path.hasPrefix("/") ? path : here + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return parts
    }

    /// The path with every symbolic link followed, or nil when nothing is there.
    static func realPath(_ path: String) -> [Substring]? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved).split(separator: "/", omittingEmptySubsequences: true)
    }

    /// `path` from `root`, when it lies inside it (the root itself is not a note: nil).
    static func relative(_ path: [Substring], to root: [Substring]) -> String? {
        guard path.count > root.count, path.starts(with: root) else { return nil }
        return NFC.normalize(path[root.count...].joined(separator: "/"))
    }
}
