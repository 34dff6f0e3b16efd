import GRDB
import Testing
import NetKBCore
@testable import NetKBStore

/// netkb's FTS5 functions must say what the full-text queries they replace say, row by row.
@Suite("FTS5 auxiliary functions")
struct AuxiliaryFunctionTests {
    let index: TemporaryIndex
    let store: NoteStore

    init() throws {
        index = try TemporaryIndex()
        store = try index.open()
        try store.update { transaction in
            try transaction.save(note("net/socket.md", title: "소켓 노트", [
                (["소켓"], "소켓\n소켓은 통신의 끝점이다"),
                (["소켓", "API"], "API\nThe Berkeley sockets API opens a socket"),
                (["소켓", "세션"], "세션\n세션과 연결 이야기"),
            ]), stamp: stamp)
            try transaction.save(note("net/tcp.md", title: "TCP", [
                (["TCP Handshake"], "TCP Handshake\nSYN, ACK, FIN"),
                (["TCP Handshake", "혼잡 제어"], "혼잡 제어\n혼잡제어와 congestion control, socket 버퍼"),
                (["TCP Handshake", "흐름"], "흐름\n흐름 제어는 소켓 버퍼의 크기로 한다"),
            ]), stamp: stamp)
            try transaction.save(note("misc/other.md", title: "잡담", [
                (["잡담"], "잡담\nsockets everywhere, 혼잡한 길을 제어하는 방법"),
            ]), stamp: stamp)
            try transaction.save(note("misc/english.md", title: "English", [
                (["Notes"], "Notes\nslow start is part of congestion control"),
            ]), stamp: stamp)
        }
    }

    static let names: [String: [String]] = [
        "소켓": ["소켓", "socket", "Berkeley sockets"],
        "혼잡 제어": ["혼잡 제어", "congestion control"],
        "tcp": ["TCP", "전송 제어 프로토콜"],
    ]

    static func query(_ text: String) -> SearchQuery {
        SearchQuery(parsing: text).expanded { words in
            names[words.lowercased()].map { SearchQuery.ConceptNames(conceptID: words, names: $0) }
        }
    }

    static let queries = ["소켓", "혼잡 제어", "TCP", "socket", "소켓 버퍼", "TCP 소켓", "\"congestion control\"", "handshake", "세션", "소켓 -세션", "socket OR 세션", "TCP OR 흐름 버퍼"]

    /// The rows `sql` selects (columns `rowid`, `function` and `reference`), checked to agree
    /// row by row; returns the answers the function gave.
    func agreement(_ text: String, _ sql: String, _ arguments: StatementArguments) throws -> Set<Bool> {
        let rows = try store.reading { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(row["function"] as Bool == row["reference"] as Bool, "\(text): section \(row["rowid"] as Int64)")
        }
        return Set(rows.map { $0["function"] as Bool })
    }

    @Test(arguments: queries)
    func inColumnsSaysWhatBM25WithZeroContextWeightSays(_ text: String) throws {
        let expression = try #require(Self.query(text).matchExpression)
        let answers = try agreement(text, """
            SELECT rowid, \(InColumnsFunction.name)(sections_fts, \(InColumnsFunction.ownColumns)) AS function,
                   bm25(sections_fts, 1.0, 0.0, 1.0) < 0 AS reference
            FROM sections_fts WHERE sections_fts MATCH ?
            """, [expression])
        if text == "소켓" || text == "TCP" { #expect(answers == [true, false], "both answers are tried") }
    }

    /// The typed words must match, one of them in the section's own heading or text.
    @Test(arguments: queries)
    func typedSaysWhatAQueryForTheTypedWordsSays(_ text: String) throws {
        let query = Self.query(text)
        let expression = try #require(query.matchExpression)
        let typedExpression = try #require(query.typed.matchExpression)
        let typed = query.typedPhrases
        let answers = try agreement(text, """
            SELECT rowid, \(TypedWordsFunction.name)(sections_fts, ?, ?) AS function,
                   rowid IN (
                       SELECT rowid FROM sections_fts WHERE sections_fts MATCH ?
                       AND \(InColumnsFunction.name)(sections_fts, \(InColumnsFunction.ownColumns)) = 1
                   ) AS reference
            FROM sections_fts WHERE sections_fts MATCH ?
            """, [TypedWordsFunction.encode(typed.groups), typed.phraseCount, typedExpression, expression])
        if text == "소켓" || text == "혼잡 제어" { #expect(answers == [true, false], "both answers are tried") }
    }
}
