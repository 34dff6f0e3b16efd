import GRDB

/// Secondary indexes set aside while a new index file is loaded (see
/// ``IndexTransaction/suspendSecondaryIndexes()``).
public struct SuspendedIndexes: Sendable {
    /// The `CREATE INDEX` statements of the indexes dropped, in schema order, with their names
    /// and tables.
    let indexes: [(name: String, table: String, statement: String)]

    /// The indexes in the order a full build makes them again:
    /// - `beforeResolving`: those whose sorts hold the most memory (the tables with a row per
    ///   link or per URL, a million each in a vault of 100,000 notes), built before link
    ///   resolution holds its catalog of every note, so that the two are never held at once;
    /// - `whileResolving`: the others, built on the writer while links are resolved on the
    ///   other cores;
    /// - `afterResolving`: those on the columns resolution writes (`links.target_path`), built
    ///   from sorted rows once every verdict is in rather than kept up to date through a
    ///   hundred thousand updates.
    public var byPhase: (beforeResolving: SuspendedIndexes, whileResolving: SuspendedIndexes, afterResolving: SuspendedIndexes) {
        let largest: Set<String> = ["links", "note_references"]
        let written: Set<String> = ["links_by_target"]
        func only(_ keep: ((name: String, table: String, statement: String)) -> Bool) -> SuspendedIndexes {
            SuspendedIndexes(indexes: indexes.filter(keep))
        }
        return (only { largest.contains($0.table) && !written.contains($0.name) },
                only { !largest.contains($0.table) && !written.contains($0.name) },
                only { written.contains($0.name) })
    }
}

extension IndexTransaction {
    /// Drops every secondary index of the ordinary tables, to be built again by
    /// ``restore(_:)`` once the rows are in: SQLite builds an index from sorted rows much faster
    /// than it keeps one up to date through hundreds of thousands of inserts. Only for a new
    /// file being built, which nothing reads until it is moved into place. The unique indexes
    /// that constraints make (`notes.path`) stay, since saving looks notes up by path.
    public func suspendSecondaryIndexes() throws -> SuspendedIndexes {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, tbl_name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY rowid
            """)
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        return SuspendedIndexes(indexes: indexes.map { ($0["name"], $0["tbl_name"], $0["sql"]) })
    }

    /// Builds again the indexes ``suspendSecondaryIndexes()`` dropped.
    public func restore(_ suspended: SuspendedIndexes) throws {
        for (_, _, statement) in suspended.indexes {
            try db.execute(sql: statement)
        }
    }
}

extension IndexTransaction {
    /// FTS5's default `automerge`: a level's segments are merged once it holds this many.
    static let defaultAutomerge = 4

    /// Stops FTS5 merging segments as a new file is loaded, since ``mergeFullTextSegments()``
    /// merges them all once at the end: otherwise each flush of FTS5's in-memory terms adds a
    /// segment and every fourth one rewrites the four (on 10,000 notes, 5.5 G of the build's
    /// 83 G instructions, on the one writer), only for the end to rewrite everything again.
    /// FTS5 still merges sixteen at once (its `crisismerge`) if that many pile up.
    public func holdFullTextMerges() throws {
        try db.execute(sql: "INSERT INTO sections_fts(sections_fts, rank) VALUES('automerge', 0)")
    }

    /// Merges the full-text index into one segment (FTS5's `optimize`), and lets FTS5 merge
    /// as it goes again (``holdFullTextMerges()``) for the refreshes to come. A full build
    /// leaves several segments, and a search looks each of its terms up in every one: merged,
    /// a search of a concept's many names reads 10-12% less. For a new file being built;
    /// refreshes leave FTS5 to merge as it goes.
    public func mergeFullTextSegments() throws {
        try db.execute(sql: """
            INSERT INTO sections_fts(sections_fts) VALUES('optimize');
            INSERT INTO sections_fts(sections_fts, rank) VALUES('automerge', \(Self.defaultAutomerge));
            """)
    }
}

extension IndexTransaction {
    /// How many leaf pages ``mergeSmallSegments()`` merges at most in one refresh.
    static let mergePagesPerRefresh = 64

    /// Merges the small segments refreshes add, a bounded amount at a time. Each refresh that
    /// changes notes adds a segment to the full-text index, and FTS5 merges them only once
    /// enough pages were written: after 48 one-note refreshes a 10,000-note index had 13
    /// segments, and a search looks each of its terms up in every one (a concept's 14 names
    /// read 21% more than with 4). Merging pairs (`usermerge` 2) up to 64 pages each time
    /// keeps it at about 3, within the noise of an 80 ms one-note refresh.
    public func mergeSmallSegments() throws {
        try db.execute(sql: """
            INSERT INTO sections_fts(sections_fts, rank) VALUES('usermerge', 2);
            INSERT INTO sections_fts(sections_fts, rank) VALUES('merge', \(Self.mergePagesPerRefresh));
            """)
    }
}

