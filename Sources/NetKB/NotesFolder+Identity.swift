import CFileSystemKind
import Foundation
import NetKBStore

extension NotesFolder {
    /// The folder as an index records it (``NetKBStore/StoredNotesRoot``): its path with every
    /// link followed, its device, inode and birth time; nil when it cannot be looked at.
    public func identity() -> StoredNotesRoot? {
        var info = stat()
        guard stat(root, &info) == 0, let resolved = realpath(root, nil) else { return nil }
        defer { free(resolved) }
        return StoredNotesRoot(
            path: String(cString: resolved), device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            birth: Int64(netkb_birth_time(resolved)))
    }
}
