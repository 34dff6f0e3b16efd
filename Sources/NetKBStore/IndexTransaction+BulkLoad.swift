import GRDB

/// Secondary indexes set aside while a new index file is loaded (see
/// ``IndexTransaction/suspendSecondaryIndexes()``).
public struct SuspendedIndexes: Sendable {
    /// The `CREATE INDEX` statements of the indexes dropped, in schema order.
    let statements: [String]
}

extension IndexTransaction {
    /// Drops every secondary index of the ordinary tables, to be built again by
    /// ``restore(_:)`` once the rows are in: SQLite builds an index from sorted rows much faster
    /// than it keeps one up to date through hundreds of thousands of inserts. Only for a new
    /// file being built, which nothing reads until it is moved into place. The unique indexes
    /// that constraints make (`notes.path`) stay, since saving looks notes up by path.
    public func suspendSecondaryIndexes() throws -> SuspendedIndexes {
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
            ORDER BY rowid
            """)
        for index in indexes {
            try db.execute(sql: "DROP INDEX \((index["name"] as String).quotedDatabaseIdentifier)")
        }
        return SuspendedIndexes(statements: indexes.map { $0["sql"] })
    }

    /// Builds again the indexes ``suspendSecondaryIndexes()`` dropped.
    public func restore(_ suspended: SuspendedIndexes) throws {
        for statement in suspended.statements {
            try db.execute(sql: statement)
        }
    }
}
