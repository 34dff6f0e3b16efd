#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GRDBSQLite
import NetKBCore

/// Text columns read as `String`s made once for each distinct value: `refs` reads 50,000 URLs
/// of which a third are distinct, a few hundred sites, and headings that recur in the heading
/// paths of every section below them. Equal bytes give the same `String`,
/// so that later comparisons of them are quick.
struct InternedTexts {
    private var numbers = ByteStringNumbers()
    private var strings: [String] = []

    /// The text of a column of `handle`'s current row; nil for NULL.
    mutating func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        NoteStore.bytes(handle, column).map { text($0) }
    }

    /// The heading path stored in a column (see ``HeadingPathCoding``), each heading made
    /// once: a note's first headings stand in the path of every section below them.
    mutating func headingPath(_ handle: OpaquePointer, _ column: Int32) -> [String]? {
        NoteStore.bytes(handle, column).map { HeadingPathCoding.decode($0) { text($0) } }
    }

    /// The String of these UTF-8 bytes.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let (number, isNew) = numbers.number(of: bytes)
        if isNew { strings.append(String(decoding: bytes, as: UTF8.self)) }
        return strings[number]
    }
}
