import Foundation
import NetKBCore
@testable import NetKBStore

/// A fresh index file in a temporary folder, removed when the test ends.
final class TemporaryIndex {
    let folder: URL
    var path: String { folder.appendingPathComponent("index/netkb.sqlite").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The index, built empty first when there is none (or it is stale).
    func open() throws -> NoteStore {
        if case .current(let store) = try NoteStore.openForWriting(at: path) { return store }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return try NoteStore.build(at: path) { _ in }.0
    }

    /// Writes `bytes` at the index path.
    func plant(_ bytes: Data) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// Why opening the index for writing would rebuild it; nil when it is current.
    func staleReason() throws -> String? {
        switch try NoteStore.openForWriting(at: path) {
        case .absent: "absent"
        case .current: nil
        case .stale(let reason): reason
        }
    }
}

/// Builds notes by hand, with sections whose text is given.
func note(_ path: String, title: String? = nil, tags: [String] = [], _ sections: [(heading: [String], text: String)]) -> Note {
    var line = 1
    let built = sections.map { section -> Section in
        defer { line += 10 }
        return Section(headingPath: section.heading, level: section.heading.count, startLine: line, endLine: line + 8, text: section.text)
    }
    return Note(
        path: path, title: title ?? String(path.split(separator: "/").last!.dropLast(3)), sections: built,
        links: [Link(target: "https://example.com", text: "ex", kind: .autolink, location: SourceLocation(line: 2, column: 3), sectionIndex: 0)],
        tags: tags.map { Tag(name: $0, line: 1) })
}

let stamp = FileStamp(changeStamp: 1, size: 1, contentHash: 1)
