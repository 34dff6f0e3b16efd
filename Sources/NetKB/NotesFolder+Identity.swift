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

    /// This folder's ``identity()`` and the one `store`, the index at `indexPath`, records,
    /// once it is known that `store` was written for this folder (or does not say for which):
    /// otherwise an error naming both, for `store`'s notes are another folder's.
    public func identity(checkingIndex store: NoteStore, at indexPath: String) throws -> (current: StoredNotesRoot?, recorded: StoredNotesRoot?) {
        let current = identity()
        let recorded = try store.notesRoot()
        if let current, let recorded, !recorded.isSameFolder(as: current) {
            throw IndexError.otherNotesFolder(index: indexPath, holds: recorded.path, given: current.path)
        }
        return (current, recorded)
    }
}
