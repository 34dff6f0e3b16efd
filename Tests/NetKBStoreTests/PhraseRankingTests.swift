import GRDB
import GRDBSQLite
import NetKBTestSupport
import Testing
import NetKBCore
@testable import NetKBStore

/// Ranking a search from what FTS5 reads of each row must give what SQL's `bm25()` gives: the
/// same sections, in the same order, with ranks equal bit for bit.
@Suite("Phrase ranking")
struct PhraseRankingTests {
    let index: TemporaryIndex
    let store: NoteStore

    static let words = [
        "소켓", "소켓은", "socket", "sockets", "Berkeley", "버퍼", "혼잡", "제어", "혼잡제어", "congestion", "control",
        "TCP", "UDP", "handshake", "3-way", "핸드셰이크", "라우터", "router", "세션", "연결", "수립", "the", "a", "통신",
    ]

    /// Notes of seeded random words, so that phrases appear in few and in most sections, in
    /// headings, titles and text, and sections differ in length.
    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        var random = SeededGenerator(state: 7)
        func text(_ count: Int) -> String {
            (0..<count).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
        }
        var notes: [Note] = []
        for number in 0..<60 {
            let sections = (0..<Int.random(in: 1...4, using: &random)).map { _ -> (heading: [String], text: String) in
                let heading = text(Int.random(in: 1...3, using: &random))
                return ([heading], heading + "\n" + text(Int.random(in: 0...40, using: &random)))
            }
            notes.append(note("n/\(number).md", title: text(2), sections))
        }
        try store.update { transaction in
            for note in notes { try transaction.save(note, stamp: stamp) }
        }
    }

    static let names: [String: [String]] = [
        "소켓": ["소켓", "socket", "Berkeley sockets"],
        "혼잡 제어": ["혼잡 제어", "congestion control"],
        "tcp": ["TCP", "전송 제어 프로토콜"],
        "3-way handshake": ["3-way handshake", "3-way 핸드셰이크", "연결 수립", "TCP handshake"],
    ]

    static func query(_ text: String) -> SearchQuery {
        SearchQuery(parsing: text).expanded { words in
            names[words.lowercased()].map { SearchQuery.ConceptNames(conceptID: words, names: $0) }
        }
    }

    /// Queries of phrases joined by OR: plain words, concept names, phrases, prefixes, OR.
    static let anyPhrase = ["소켓", "TCP", "socket", "\"3-way handshake\"", "라우터 OR router", "소*", "sock*", "the", "세션", "혼잡제어",
                             "소켓 OR 세션", "TCP OR \"혼잡 제어\""]

    @Test(arguments: anyPhrase, [1, 5, 20, 1000])
    func ranksAsBM25Does(_ text: String, limit: Int) throws {
        #expect(Self.query(text).phrasesMatchingAlone.allSatisfy { $0 }, "\(text) is phrases joined by OR")
        try expectRanksAsBM25(text, limit: limit, countingByQuery: false)
    }

    /// Ranks `text` from what FTS5 reads and with SQL's `bm25()`, and expects the same sections
    /// in the same order with the same ranks, bit for bit.
    /// The phrases that are alternatives of their own are counted among the rows read, the
    /// others by query; with `countingByQuery`, every phrase by query.
    func expectRanksAsBM25(_ text: String, limit: Int, countingByQuery: Bool) throws {
        let query = Self.query(text)
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let filter = SearchFilter(limit: limit)
        let (phraseRanked, reference) = try store.reading { db in
            (try store.rankedByPhraseFrequencies(
                db, expression, adjacency: query.adjacencyExpression, typed: typed, limit: limit,
                countedAmongRowsRead: countingByQuery ? [] : query.phrasesMatchingAlone),
             try store.rankedSections(db, query: query, expression: expression, typed: typed, filter: filter, phraseRanking: false))
        }
        let fast = try #require(phraseRanked, "\(text): the rows came out in the order the function recorded them")
        #expect(!reference.isEmpty, "\(text) finds sections")
        #expect(fast.map(\.id) == reference.map(\.id), "\(text): the same sections in the same order")
        #expect(fast.map(\.rank.bitPattern) == reference.map(\.rank.bitPattern), "\(text): the same ranks")
        #expect(fast.map(\.typedMatch) == reference.map(\.typedMatch), "\(text): the same typed matches")
    }

    /// Queries whose sections need not hold just one phrase: words joined by AND (a concept's
    /// names among them), NOT, groups. Their phrases' rows are counted by queries of their own.
    static let otherExpressions = [
        "혼잡 제어", "TCP 소켓", "소켓 -세션", "TCP OR UDP 연결", "socket 버퍼", "the a", "3-way handshake", "혼잡 -제어", "라우터 router -the",
    ]

    @Test(arguments: otherExpressions, [1, 5, 20, 1000])
    func ranksAsBM25DoesCountingRowsByQuery(_ text: String, limit: Int) throws {
        #expect(Self.query(text).phrasesMatchingAlone.contains(false), "\(text) is not phrases joined by OR alone")
        try expectRanksAsBM25(text, limit: limit, countingByQuery: true)
        try expectRanksAsBM25(text, limit: limit, countingByQuery: false)
    }

    /// A concept's other names are alternatives of their own beside words joined by AND: their
    /// rows are counted among those read, and only the typed words' by queries.
    @Test func onlyPhrasesJoinedByANDAreCountedByQuery() throws {
        let query = Self.query("혼잡 제어")
        #expect(query.phrasesMatchingAlone == [false, false, true])
        let expression = try #require(query.matchExpression)
        let frequencies = PhraseFrequencies()
        let ranked = try store.reading { db in
            try store.rankedByPhraseFrequencies(
                db, expression, adjacency: nil, typed: nil, limit: 1000,
                countedAmongRowsRead: query.phrasesMatchingAlone, frequencies: frequencies)
        }
        #expect(try #require(ranked).count > 0)
        #expect((0..<3).map(frequencies.isCountedByQuery) == [true, true, false])
        // Counted among the rows read, "congestion control" has the count a query finds.
        let byQuery = try store.reading { db in
            try Int64.fetchOne(db, sql: "SELECT count(*) FROM sections_fts WHERE sections_fts MATCH ?", arguments: ["\"congestion control\""])
        }
        #expect(frequencies.rowsHolding[2] == byQuery)
    }

    /// The counts by query are what makes an AND query's ranks right: counted among the rows
    /// read (only those holding every word), they rank otherwise.
    @Test func rowsCountedAmongThoseReadRankAnANDQueryOtherwise() throws {
        let query = Self.query("TCP 소켓")
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let (byQuery, amongRead) = try store.reading { db in
            (try store.rankedByPhraseFrequencies(db, expression, adjacency: nil, typed: typed, limit: 1000),
             try store.rankedByPhraseFrequencies(
                db, expression, adjacency: nil, typed: typed, limit: 1000,
                countedAmongRowsRead: Array(repeating: true, count: query.typedPhrases.phraseCount)))
        }
        let counted = try #require(byQuery), read = try #require(amongRead)
        #expect(counted.map(\.id).sorted() == read.map(\.id).sorted(), "the same sections")
        #expect(counted.map(\.rank.bitPattern) != read.map(\.rank.bitPattern), "other ranks")
    }

    /// A search through the store's own entry point ranks an AND query as SQL's `bm25()` does.
    @Test(arguments: ["혼잡 제어", "TCP 소켓", "소켓 -세션", "소켓 OR 세션 버퍼"])
    func searchRanksAnANDQueryAsBM25Does(_ text: String) throws {
        let query = Self.query(text)
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let filter = SearchFilter(limit: 20)
        let (ranked, reference) = try store.reading { db in
            (try store.rankedSections(db, query: query, expression: expression, typed: typed, filter: filter),
             try store.rankedSections(db, query: query, expression: expression, typed: typed, filter: filter, phraseRanking: false))
        }
        #expect(ranked.map(\.id) == reference.map(\.id), "\(text)")
        #expect(ranked.map(\.rank.bitPattern) == reference.map(\.rank.bitPattern), "\(text)")
    }

    @Test(arguments: ["소켓", "the"])
    func ranksAsBM25DoesWithSizesFromFTS5(_ text: String) throws {
        let query = Self.query(text)
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let (read, asked) = try store.reading { db in
            (try store.rankedByPhraseFrequencies(db, expression, adjacency: nil, typed: typed, limit: 1000),
             try store.rankedByPhraseFrequencies(db, expression, adjacency: nil, typed: typed, limit: 1000, readingSizes: false))
        }
        let fromTable = try #require(read), fromFTS5 = try #require(asked)
        #expect(fromTable.map(\.id) == fromFTS5.map(\.id))
        #expect(fromTable.map(\.rank.bitPattern) == fromFTS5.map(\.rank.bitPattern))
    }

    /// Sizes are read only for the rows that may still rank among the best: fewer for a small
    /// limit than for all rows, and every row's for a limit past the rows. The ranks stay
    /// bm25's (``ranksAsBM25Does(_:limit:)``).
    @Test(arguments: ["소켓", "the", "혼잡 제어"])
    func sizesAreReadOnlyForRowsThatMayRank(_ text: String) throws {
        let query = Self.query(text)
        let expression = try #require(query.matchExpression)
        let typed = query.searchesOtherNames ? query.typedPhrases : nil
        let few = PhraseFrequencies(), all = PhraseFrequencies()
        let (best, every) = try store.reading { db in
            (try store.rankedByPhraseFrequencies(
                db, expression, adjacency: query.adjacencyExpression, typed: typed, limit: 3,
                countedAmongRowsRead: query.phrasesMatchingAlone, frequencies: few),
             try store.rankedByPhraseFrequencies(
                db, expression, adjacency: query.adjacencyExpression, typed: typed, limit: 100_000,
                countedAmongRowsRead: query.phrasesMatchingAlone, frequencies: all))
        }
        let three = try #require(best), ranked = try #require(every)
        #expect(ranked.count > 20, "\(text) ranks many sections")
        #expect(all.sizesRead == ranked.count, "\(text): every row's size for a limit past the rows")
        #expect(few.sizesRead >= 3 && few.sizesRead < ranked.count / 2, "\(text): \(few.sizesRead) sizes read for 3 of \(ranked.count) rows")
        #expect(three.map(\.id) == Array(ranked.prefix(3).map(\.id)), "\(text): the best three are the first three of all")
    }

    /// Every row's size as read from the `_docsize` table is the size FTS5 gives.
    @Test func sizesReadFromTheTableAreFTS5s() throws {
        try store.reading { db in
            let connection = try #require(db.sqliteConnection)
            // Every row that holds a common word, ranked with all columns counted as its own
            // and sizes from FTS5's xColumnSize.
            let frequencies = PhraseFrequencies()
            let statement = try db.makeStatement(sql: """
                SELECT rowid FROM sections_fts
                WHERE sections_fts MATCH 'the OR 소켓 OR tcp' AND \(PhraseFrequenciesFunction.name)(sections_fts, ?, 7) = 1
                """)
            let handle = statement.sqliteStatement
            withExtendedLifetime(frequencies) {
                sqlite3_bind_pointer(handle, 1, Unmanaged.passUnretained(frequencies).toOpaque(), PhraseFrequenciesFunction.pointerType, nil)
                defer { sqlite3_reset(handle) }
                while sqlite3_step(handle) == SQLITE_ROW {}
            }
            #expect(frequencies.ranked.count > 50)
            let reader = DocumentSizeReader(connection: connection, table: "sections_fts")
            reader.columns = 3
            for row in frequencies.ranked {
                #expect(reader.size(of: row.rowid) == row.size, "section \(row.rowid)")
            }
            #expect(reader.size(of: 1_000_000) == nil, "a row that is not there")
            #expect(reader.size(of: frequencies.ranked[0].rowid) == nil, "after a failure, FTS5 is asked")
        }
    }

    @Test func varintsReadAsSQLiteWritesThem() {
        let cases: [([UInt8], UInt64)] = [
            ([0x00], 0), ([0x7F], 127), ([0x81, 0x00], 128), ([0x82, 0x2C], 300),
            ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], UInt64.max),
        ]
        for (bytes, value) in cases {
            let read = DocumentSizeReader.varint(bytes, from: 0, end: bytes.count)
            #expect(read?.value == value && read?.length == bytes.count, "\(bytes)")
        }
        #expect(DocumentSizeReader.varint([0x81], from: 0, end: 1) == nil, "cut short")
    }
}
