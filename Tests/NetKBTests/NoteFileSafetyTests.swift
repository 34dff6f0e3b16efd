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

    /// Appends to a file on a thread of its own until told to stop or `cap` bytes are written.
    final class Appender: @unchecked Sendable {
        private let lock = NSLock()
        private var stopped = false
        private let done = DispatchSemaphore(value: 0)

        init(path: String, cap: Int) {
            let chunk = [UInt8](repeating: 0x61, count: 1 << 20)
            Thread.detachNewThread { [self] in
                defer { done.signal() }
                guard let handle = FileHandle(forWritingAtPath: path) else { return }
                handle.seekToEndOfFile()
                var written = 0
                while written < cap, !lock.withLock({ stopped }) {
                    handle.write(Data(chunk))
                    written += chunk.count
                }
                try? handle.close()
            }
        }

        func stop() {
            lock.withLock { stopped = true }
            done.wait()
        }
    }

    /// `yes > note.md`: read on to its end, a file that never stops growing was read until
    /// memory ran out. It is read as it was when opened.
    @Test func aFileThatGrowsAsItIsReadIsReadAsItWasWhenOpened() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-grow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("log.md").path
        try Data(repeating: 0x62, count: 4 << 20).write(to: URL(fileURLWithPath: path))
        let appender = Appender(path: path, cap: 512 << 20)
        let result = NoteReader.contents(of: Array(path.utf8))
        appender.stop()
        let bytes = try result.get()
        #expect(bytes.count >= 4 << 20)
        #expect(bytes.count < 64 << 20, "read \(bytes.count) bytes of a file being appended to")
        #expect(bytes.prefix(4 << 20).allSatisfy { $0 == 0x62 })
    }

    @Test func aFileIsReadWholeAndALimitStopsIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.md").path
        let text = Array("# 소켓\n".utf8) + [UInt8](repeating: 0x63, count: 200_000)
        try Data(text).write(to: URL(fileURLWithPath: path))
        #expect(try NoteReader.contents(of: Array(path.utf8)).get() == text)
        #expect(try NoteReader.contents(of: Array(path.utf8), limit: 10).get() == Array(text.prefix(10)))
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(try NoteReader.contents(of: Array(path.utf8)).get() == [])
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
