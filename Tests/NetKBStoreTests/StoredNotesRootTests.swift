import Testing
@testable import NetKBStore

/// Which notes folder an index was written for, as it records it.
@Suite struct StoredNotesRootTests {
    static let recorded = StoredNotesRoot(path: "/home/kim/notes", device: 2049, inode: 16_392_485, birth: 1_795_838_555_602_456_554)

    @Test(arguments: [
        // The same path: the same folder, whatever else changed (re-created there).
        (StoredNotesRoot(path: "/home/kim/notes", device: 2049, inode: 7, birth: 9), true),
        // Moved: the same device, inode and birth time elsewhere.
        (StoredNotesRoot(path: "/home/kim/moved", device: 2049, inode: 16_392_485, birth: 1_795_838_555_602_456_554), true),
        // Moved, on a file system that keeps no birth time.
        (StoredNotesRoot(path: "/home/kim/moved", device: 2049, inode: 16_392_485, birth: 0), true),
        // A new folder given the deleted one's inode: another birth time.
        (StoredNotesRoot(path: "/home/kim/other", device: 2049, inode: 16_392_485, birth: 1_795_838_999_000_000_000), false),
        // Another folder.
        (StoredNotesRoot(path: "/home/kim/other", device: 2049, inode: 16_392_486, birth: 1_795_838_555_602_456_554), false),
        (StoredNotesRoot(path: "/home/kim/other", device: 2050, inode: 16_392_485, birth: 1_795_838_555_602_456_554), false),
    ])
    func theSameFolderIsItsPathOrItsIdentity(given: StoredNotesRoot, same: Bool) {
        #expect(Self.recorded.isSameFolder(as: given) == same)
    }

    @Test func theRecordReadsBackWithColonsInThePath() {
        let root = StoredNotesRoot(path: "/mnt/c:/notes:2", device: 1, inode: 2, birth: 0)
        #expect(StoredNotesRoot(encoded: root.encoded) == root)
        #expect(StoredNotesRoot(encoded: Self.recorded.encoded) == Self.recorded)
        // An earlier record without a birth time, or damage, reads as no record.
        #expect(StoredNotesRoot(encoded: "2049:16392485:/home/kim/notes") == nil)
        #expect(StoredNotesRoot(encoded: "") == nil)
    }
}
