import Foundation
import Testing
@testable import NetKB

/// Reading note files: a FIFO never blocks, names that are not UTF-8 stay apart.
@Suite("Note file safety")
struct NoteFileSafetyTests {
    @Test func aFIFOIsRefusedWithoutBlocking() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("note.md").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // Blocking here would hang the test: nobody opens the FIFO for writing.
        switch NoteReader.contents(of: Array(fifo.utf8)) {
        case .success: Issue.record("a FIFO was read")
        case .failure(let failure): #expect(failure.code == NoteReader.notRegular)
        }
    }

    @Test(arguments: [
        ([0x63, 0x61, 0x66, 0xE9] as [UInt8], "caf\\xE9"),
        // CP949 for "네트": its last two bytes happen to be valid UTF-8 (U+01AE).
        ([0xB3, 0xD7, 0xC6, 0xAE], "\\xB3\\xD7\u{01AE}"),
        (Array("소켓".utf8), "소켓"),
        (Array("소켓".decomposedStringWithCanonicalMapping.utf8), "소켓"),
        ([0xEC, 0x86, 0x8C, 0xFF], "소\\xFF"),
    ])
    func displayNames(bytes: [UInt8], expected: String) {
        #expect(FileSystemPath.displayName(bytes).unicodeScalars.elementsEqual(expected.unicodeScalars))
    }
}
