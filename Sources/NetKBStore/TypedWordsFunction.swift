import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `netkb_typed(sections_fts, typed, phrases)`: 1 when the current
/// section holds the words of the query as typed, one of them at least in its own heading or
/// text (not only in its context: every section of a note titled `로드 밸런싱` has that in its
/// context), 0 when it matches only through other names of the concepts they name. It asks FTS5, which has the section's position lists at hand,
/// whether each typed phrase has a first instance there, where a second full-text query for the
/// typed words would read their whole doclists again.
///
/// `typed` is ``encode(_:)`` of ``NetKBCore/SearchQuery/typedPhrases``'s groups; `phrases` its
/// phrase count. When FTS5 reads another number of phrases in the expression, the typed
/// phrases cannot be told apart, and every section counts as holding them: ranking then loses
/// its boost, never a match.
enum TypedWordsFunction {
    static let name = "netkb_typed"
    /// The column of `sections_fts` that holds a section's context (the note's title, front
    /// matter and parent headings), between its heading (0) and its text (2).
    static let contextColumn: Int32 = 1

    /// The groups as the function takes them: groups split by `;`, a group's alternatives by
    /// `|`, an alternative's phrase numbers by `,`.
    static func encode(_ groups: [[[Int]]]) -> String {
        groups.map { group in group.map { $0.map(String.init).joined(separator: ",") }.joined(separator: "|") }.joined(separator: ";")
    }

    static func decode(_ text: String) -> [[[Int]]] {
        text.split(separator: ";").map { group in
            group.split(separator: "|", omittingEmptySubsequences: false).map { $0.split(separator: ",").compactMap { Int($0) } }
        }
    }

    /// Registers the function on `db`.
    static func register(_ db: Database) {
        NoteStore.addFTS5Function(db, name: name) { TypedWordsFunction.call($0, $1, $2, $3, $4) }
    }

    /// What one query keeps from row to row: the typed groups (nil: every section holds them)
    /// and, for the current section, which phrases were looked up and which it holds.
    final class Groups {
        let groups: [[[Int]]]?
        // Read and written for every row a search matches, never re-entrantly: no run-time
        // exclusivity checks (about 2% of a search's instructions).
        @exclusivity(unchecked) var known: [Bool]
        @exclusivity(unchecked) var present: [Bool]

        init(groups: [[[Int]]]?, phraseCount: Int) {
            self.groups = groups
            known = Array(repeating: false, count: phraseCount)
            present = Array(repeating: false, count: phraseCount)
        }

        /// Whether every group has an alternative whose phrases all stand in the section, each
        /// phrase asked of `holds` at most once per section, and only while the answer is open;
        /// and some phrase of the groups stands in the section's own columns (`holdsInOwnColumns`,
        /// asked only of phrases the section holds).
        func heldBySection(_ holds: (Int) -> Bool, inOwnColumns holdsInOwnColumns: (Int) -> Bool) -> Bool {
            guard let groups else { return true }
            for index in known.indices { known[index] = false }
            func held(_ phrase: Int) -> Bool {
                guard phrase < present.count else { return false }
                if !known[phrase] {
                    present[phrase] = holds(phrase)
                    known[phrase] = true
                }
                return present[phrase]
            }
            let allHeld = groups.allSatisfy { group in
                group.contains { phrases in !phrases.isEmpty && phrases.allSatisfy(held) }
            }
            guard allHeld else { return false }
            return groups.contains { group in
                group.contains { phrases in phrases.contains { held($0) && holdsInOwnColumns($0) } }
            }
        }
    }

    static func call(
        _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
        _ values: UnsafeMutablePointer<OpaquePointer?>?
    ) {
        guard let api, let fts, let values, count == 2 else {
            return sqlite3_result_error(context, "netkb_typed(table, typed, phrases) takes two arguments after the table", -1)
        }
        let data: Groups
        if let existing = api.pointee.xGetAuxdata(fts, 0) {
            data = Unmanaged<Groups>.fromOpaque(existing).takeUnretainedValue()
        } else {
            let phraseCount = Int(api.pointee.xPhraseCount(fts))
            let text = sqlite3_value_text(values[0]).map { String(cString: $0) } ?? ""
            let expected = Int(sqlite3_value_int64(values[1]))
            data = Groups(groups: text.isEmpty || expected != phraseCount ? nil : decode(text), phraseCount: phraseCount)
            let code = api.pointee.xSetAuxdata(fts, Unmanaged.passRetained(data).toOpaque()) { pointer in
                if let pointer { Unmanaged<Groups>.fromOpaque(pointer).release() }
            }
            guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        }
        // A phrase stands in the section when it has a first instance there: one look at its
        // position list, not a walk through every instance of every phrase.
        var code = SQLITE_OK
        let held = data.heldBySection({ phrase in
            guard code == SQLITE_OK else { return false }
            var iterator = Fts5PhraseIter()
            var column: Int32 = -1, offset: Int32 = 0
            code = api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset)
            return code == SQLITE_OK && column >= 0
        }, inOwnColumns: { phrase in
            // Instances come in column order: the heading's, the context's, then the text's.
            guard code == SQLITE_OK else { return false }
            var iterator = Fts5PhraseIter()
            var column: Int32 = -1, offset: Int32 = 0
            code = api.pointee.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset)
            while code == SQLITE_OK, column == Self.contextColumn {
                api.pointee.xPhraseNext(fts, &iterator, &column, &offset)
            }
            return code == SQLITE_OK && column >= 0
        })
        guard code == SQLITE_OK else { return sqlite3_result_error_code(context, code) }
        sqlite3_result_int(context, held ? 1 : 0)
    }
}
