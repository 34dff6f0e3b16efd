import Foundation

/// The ``NoteAnchorTable`` of each note of a catalog with many headings or ids, made the first
/// time a link asks and kept for the next: thousands of links into one long note then cost
/// one pass over its headings, not one each. A smaller note's table is made for each link
/// that needs more than a slug (cheap, and nothing is kept for the thousands of short notes).
final class NoteAnchorTables: @unchecked Sendable {
    /// Notes with at least this many headings, ids and block ids keep their table.
    static let keptFrom = 64

    /// One note's table, made once even when several threads ask at the same time.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var table: NoteAnchorTable?
    }

    private let lock = NSLock()
    private var slots: [Int: Slot] = [:]
    private var madeCount = 0

    init() {}

    /// How many tables have been made for notes that keep theirs.
    var made: Int {
        lock.lock()
        defer { lock.unlock() }
        return madeCount
    }

    /// Whether a note's table is kept rather than made for each link.
    static func keeps(_ note: CatalogNote) -> Bool {
        note.outline.count + note.anchorIDs.count + note.blockIDs.count >= keptFrom
    }

    /// The table of `note`, which is note `position` of the catalog (nil when it is not one of
    /// the catalog's notes).
    func table(for note: CatalogNote, at position: Int?) -> NoteAnchorTable {
        guard let position, Self.keeps(note) else { return NoteAnchorTable(note) }
        lock.lock()
        let slot: Slot
        if let existing = slots[position] {
            slot = existing
        } else {
            slot = Slot()
            slots[position] = slot
        }
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let table = slot.table { return table }
        let table = NoteAnchorTable(note)
        slot.table = table
        lock.lock()
        madeCount += 1
        lock.unlock()
        return table
    }
}
