import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes JSON in pieces, byte for byte as ``JSONOutput`` writes the whole value: each piece
/// goes through the same encoder, its lines after the first indented to its depth (2 spaces a
/// level, an empty array's or object's blank line left empty, as the encoder leaves it), and
/// the pieces are joined as the encoder's pretty printing joins them: `"key" : value`, a comma
/// and a newline between items, keys in sorted order (the caller writes them so). What
/// `layers` and `refs` write over 100,000 notes (1.5 GB and 280 MB of JSON) is then never held
/// whole, nor is the encoder's tree of it.
struct JSONStreamWriter: ~Copyable {
    private let encoder = JSONOutput.encoder()
    private var output: StandardOutput.Buffered

    /// A writer to standard output, or (for tests) to another descriptor.
    init(descriptor: Int32 = STDOUT_FILENO) {
        output = StandardOutput.Buffered(descriptor: descriptor)
    }

    /// Appends `text` as it is.
    mutating func raw(_ text: StaticString) {
        output.add(literal: text)
    }

    /// Appends a key of an object at `depth` (its first when `first`): `,`, newline, indent, `"name" : `.
    mutating func key(_ name: StaticString, depth: Int, first: Bool) {
        output.add(literal: first ? "\n" : ",\n")
        addIndent(depth)
        output.add(literal: "\"")
        output.add(literal: name)
        output.add(literal: "\" : ")
    }

    /// Appends a value's JSON, as the encoder writes it at `depth`.
    mutating func value(_ value: some Encodable, depth: Int) throws {
        let data = try encoder.encode(value)
        data.withUnsafeBytes { add(indenting: $0.bindMemory(to: UInt8.self), depth: depth) }
        try output.flushIfFull()
    }

    /// Appends an array at `depth` of `count` elements, made by `element` from their
    /// positions when their chunk is encoded, `chunk` of them at a time.
    mutating func array<Element: Encodable>(count: Int, depth: Int, chunk: Int = 256, _ element: (Int) throws -> Element) throws {
        output.add(literal: "[")
        for start in stride(from: 0, to: count, by: chunk) {
            let pending = try (start..<min(start + chunk, count)).map(element)
            // The encoder writes "[\n" + the elements one level in + "\n]": kept is the middle,
            // indented one level more than it is.
            let data = try encoder.encode(pending)
            try data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                guard bytes.count >= 4, bytes.first == 0x5B, bytes.last == 0x5D else { throw JSONStreamError.unexpectedArray }
                output.add(literal: start == 0 ? "\n" : ",\n")
                addIndent(depth + 1)
                // Skip "[\n" and the first element's indent; stop before "\n]".
                add(indenting: UnsafeBufferPointer(rebasing: bytes[(2 + 2)..<(bytes.count - 2)]), depth: depth)
            }
            try output.flushIfFull()
        }
        endArray(count: count, depth: depth)
    }

    /// Appends an array at `depth` of `count` elements that `element` writes itself, each
    /// after its separator and indent, laid out as the encoder lays them out.
    mutating func array(count: Int, depth: Int, writing element: (inout JSONStreamWriter, Int) throws -> Void) rethrows {
        output.add(literal: "[")
        for index in 0..<count {
            output.add(literal: index == 0 ? "\n" : ",\n")
            addIndent(depth + 1)
            try element(&self, index)
        }
        endArray(count: count, depth: depth)
    }

    /// Ends an object at `depth` that was begun with `raw("{")` and written key by key.
    mutating func endObject(depth: Int) {
        output.add(literal: "\n")
        addIndent(depth)
        output.add(literal: "}")
    }

    private mutating func endArray(count: Int, depth: Int) {
        // An empty array keeps the encoder's blank line.
        output.add(literal: count == 0 ? "\n\n" : "\n")
        addIndent(depth)
        output.add(literal: "]")
    }

    /// Writes out what is held.
    mutating func flush() throws {
        try output.flush()
    }

    private mutating func addIndent(_ depth: Int) {
        for _ in 0..<depth { output.add(literal: "  ") }
    }

    /// Appends `bytes`, each line after the first indented by `depth` more levels, but for
    /// empty lines.
    private mutating func add(indenting bytes: UnsafeBufferPointer<UInt8>, depth: Int) {
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            output.add(bytes: UnsafeBufferPointer(rebasing: bytes[start...index]))
            start = index + 1
            if start < bytes.count, bytes[start] != 0x0A { addIndent(depth) }
        }
        output.add(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
    }
}

enum JSONStreamError: Error {
    /// The encoder wrote an array in a shape the writer does not know.
    case unexpectedArray
}
