import Foundation
import NetKBTestSupport
import Testing
@testable import NetKBCLI

/// JSON written a piece at a time must be byte for byte the encoding of the whole value:
/// nested and empty arrays, optional keys, escapes and any number of elements a chunk.
@Suite struct JSONStreamWriterTests {
    struct Item: Encodable {
        var id: String
        var tags: [String]
        var nested: [[Int]]
        var note: String?
    }

    struct Document: Encodable {
        var count: Int
        var items: [Item]
        var name: String
    }

    static func text(_ random: inout SeededGenerator) -> String {
        let pieces = ["a", "소켓", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", "é", "😀", " : ", "[", "{}", ""]
        return (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    static func document(_ random: inout SeededGenerator, items: Int) -> Document {
        Document(
            count: Int.random(in: -5...1_000_000, using: &random),
            items: (0..<items).map { _ in
                Item(
                    id: text(&random), tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) },
                    nested: (0..<Int.random(in: 0...3, using: &random)).map { _ in (0..<Int.random(in: 0...2, using: &random)).map { $0 } },
                    note: Bool.random(using: &random) ? text(&random) : nil)
            },
            name: text(&random))
    }

    /// What the writer writes for `document`, read back from a file.
    static func streamed(_ document: Document, chunk: Int, byHand: Bool = false) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var writer = JSONStreamWriter(descriptor: descriptor)
        writer.raw("{")
        writer.key("count", depth: 1, first: true)
        try writer.value(document.count, depth: 1)
        writer.key("items", depth: 1, first: false)
        if byHand {
            // Each item an object written key by key, in the encoder's sorted order.
            try writer.array(count: document.items.count, depth: 1) { writer, index in
                let item = document.items[index]
                writer.raw("{")
                writer.key("id", depth: 3, first: true)
                try writer.value(item.id, depth: 3)
                writer.key("nested", depth: 3, first: false)
                try writer.value(item.nested, depth: 3)
                if let note = item.note {
                    writer.key("note", depth: 3, first: false)
                    try writer.value(note, depth: 3)
                }
                writer.key("tags", depth: 3, first: false)
                try writer.value(item.tags, depth: 3)
                writer.endObject(depth: 2)
            }
        } else {
            try writer.array(count: document.items.count, depth: 1, chunk: chunk) { document.items[$0] }
        }
        writer.key("name", depth: 1, first: false)
        try writer.value(document.name, depth: 1)
        writer.raw("\n}\n")
        try writer.flush()
        return try Data(contentsOf: url)
    }

    @Test(arguments: [0, 1, 2, 7, 300], [1, 2, 3, 256])
    func writesTheBytesOfTheWholeEncoding(items: Int, chunk: Int) throws {
        var random = SeededGenerator(state: UInt64(items * 1_000 + chunk))
        let document = Self.document(&random, items: items)
        var whole = try JSONOutput.encoder().encode(document)
        whole.append(0x0A)
        let streamed = try Self.streamed(document, chunk: chunk)
        #expect(streamed == whole, "\(String(decoding: streamed, as: UTF8.self))\n---\n\(String(decoding: whole, as: UTF8.self))")
    }

    @Test(arguments: [0, 1, 2, 7, 300])
    func objectsWrittenKeyByKeyAreTheBytesOfTheWholeEncoding(items: Int) throws {
        var random = SeededGenerator(state: UInt64(items * 7 + 1))
        let document = Self.document(&random, items: items)
        var whole = try JSONOutput.encoder().encode(document)
        whole.append(0x0A)
        let streamed = try Self.streamed(document, chunk: 1, byHand: true)
        #expect(streamed == whole, "\(String(decoding: streamed, as: UTF8.self))\n---\n\(String(decoding: whole, as: UTF8.self))")
    }
}
