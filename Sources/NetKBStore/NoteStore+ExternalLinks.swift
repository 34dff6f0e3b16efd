import Foundation
import GRDB
import NetKBCore

extension NoteStore {
    /// Every link whose target is an absolute `http(s)` URL outside the notes' own repository
    /// (images included), in path, line and column order.
    ///
    /// ```swift
    /// let citations = try store.externalCitations()   // [ExternalCitation(path: "net.md", line: 3, …)]
    /// ```
    public func externalCitations() throws -> [ExternalCitation] {
        try reading { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT n.path, l.line, l.col, l.target FROM notes n CROSS JOIN links l ON l.note_id = n.id
                WHERE l.status = 'external' AND (l.target LIKE 'http://%' OR l.target LIKE 'https://%')
                ORDER BY n.path, l.line, l.col
                """)
            var citations: [ExternalCitation] = []
            while let row = try rows.next() {
                citations.append(ExternalCitation(path: row[0], line: row[1], column: row[2], url: row[3]))
            }
            return citations
        }
    }

    /// The cached verdicts on `urls` (request URLs), by URL; a URL never checked is absent.
    public func cachedLinkChecks(for urls: Set<String>) throws -> [String: CachedLinkCheck] {
        try reading { db in
            var found: [String: CachedLinkCheck] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT url, verdict, status, final_url, reason, checked_at FROM external_link_cache")
            while let row = try rows.next() {
                let url: String = row[0]
                guard urls.contains(url), let check = Self.cachedLinkCheck(row) else { continue }
                found[url] = check
            }
            return found
        }
    }

    /// Records `checks` in one transaction, replacing what was known of their URLs, and forgets
    /// the URLs that are no longer in `cited` (nothing cites them any more).
    public func saveLinkChecks(_ checks: [CachedLinkCheck], keepingOnly cited: Set<String>) throws {
        try update { transaction in
            let db = transaction.db
            let known = try String.fetchAll(db, sql: "SELECT url FROM external_link_cache")
            let delete = try db.cachedStatement(sql: "DELETE FROM external_link_cache WHERE url = ?")
            for url in known where !cited.contains(url) { try delete.execute(arguments: [url]) }
            try Self.insert(checks, into: db)
        }
    }

    static func insert(_ checks: [CachedLinkCheck], into db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO external_link_cache (url, verdict, status, final_url, reason, checked_at) VALUES (?, ?, ?, ?, ?, ?)
            """)
        for check in checks {
            try insert.execute(arguments: [
                check.url, check.outcome.verdict.rawValue, check.outcome.status, check.outcome.finalURL, check.outcome.reason, check.checkedAt,
            ])
        }
    }

    static func cachedLinkCheck(_ row: Row) -> CachedLinkCheck? {
        guard let verdict = LinkVerdict(rawValue: row[1]) else { return nil }
        return CachedLinkCheck(
            url: row[0], outcome: LinkCheckOutcome(verdict: verdict, status: row[2], finalURL: row[3], reason: row[4]),
            checkedAt: row[5])
    }

    /// The cache of the index at `path`, read so that a full rebuild can carry it into the new
    /// file; empty when there is no such index, it has no cache (an older netkb's) or it
    /// cannot be read (damaged): a cache is only ever a saving.
    static func linkChecksToCarryOver(fromIndex path: String) -> [CachedLinkCheck] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            let queue = try DatabaseQueue(path: sqliteFileName(path), configuration: configuration(.readOnly))
            defer { try? queue.close() }
            return try queue.read { db in
                guard try db.tableExists("external_link_cache") else { return [] }
                return try Array(Row.fetchCursor(db, sql: "SELECT url, verdict, status, final_url, reason, checked_at FROM external_link_cache")
                    .compactMap(cachedLinkCheck))
            }
        } catch {
            return []
        }
    }
}
