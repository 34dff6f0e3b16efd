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

    func open() throws -> NoteStore { try NoteStore.open(at: path) }
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

let stamp = FileStamp(modified: 1, size: 1, contentHash: 1)
