import GRDB
import Testing
import NetKBCore
@testable import NetKBStore

/// A filtered search must read the full-text index once, whatever the filter: a layer or
/// concept filter whose section ids were offered to FTS5 as a `rowid` constraint made SQLite
/// run the whole MATCH again for each id of the list (a hostile trial: `search --layer 4 이 가`
/// over 7,000 sections took 127 s).
@Suite("Search filter plans")
struct SearchFilterPlanTests {
    let index: TemporaryIndex
    let store: NoteStore

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
    }

    /// The lines of SQLite's plan for `request` that scan the full-text table.
    func fullTextScans(_ request: SQLRequest<Row>) throws -> [String] {
        try store.reading { db in
            ConceptSectionIDsFunction.register(db)
            let prepared = try request.makePreparedRequest(db, forSingleResult: false)
            let rows = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + prepared.statement.sql, arguments: prepared.statement.arguments)
            return rows.map { $0["detail"] as String }.filter { $0.contains("sections_fts VIRTUAL TABLE") }
        }
    }

    static let filters: [SearchFilter] = [
        SearchFilter(layers: [.transport]),
        SearchFilter(concepts: ["tcp"]),
        SearchFilter(concepts: ["tcp", "udp"], layers: [.transport, .network]),
        SearchFilter(pathGlob: "net/*", tag: "network", concepts: ["tcp"], layers: [.transport]),
    ]

    @Test(arguments: filters)
    func theFullTextTableIsScannedOnceByItsMatchAlone(_ filter: SearchFilter) throws {
        for own in [nil, true, false] as [Bool?] {
            let request = store.ranked("\"소켓\"", adjacency: nil, typed: nil, filter: filter, own: own, noteColumns: own != nil)
            let scans = try fullTextScans(request)
            #expect(scans.count == 1, "\(scans)")
            // FTS5 names its constraints in the plan's index string: `M` a MATCH, `=` a rowid
            // equal to a value (FTS5 3.40: "INDEX 0:M..." against "INDEX 0:=M...").
            for scan in scans {
                let indexString = scan.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
                #expect(!indexString.contains("="), "the filter's ids reach FTS5 as a rowid constraint: \(scan)")
                #expect(indexString.contains("M"), "\(scan)")
            }
        }
    }
}
