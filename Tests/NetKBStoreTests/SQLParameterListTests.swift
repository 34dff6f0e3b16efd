import GRDB
import GRDBSQLite
import Testing
@testable import NetKBStore

/// The `IN (…)` parameter lists and list columns written without generic joins.
@Suite("SQLParameterList")
struct SQLParameterListTests {
    @Test func writesOneMarkPerParameterAsGRDBDoes() {
        #expect(sqlParameterList(count: 0) == "")
        #expect(sqlParameterList(count: 1) == "?")
        for count in 1...40 {
            #expect(sqlParameterList(count: count) == databaseQuestionMarks(count: count))
        }
    }

    @Test func anINListTakesThatManyArguments() throws {
        let db = try DatabaseQueue()
        let values = try db.read { db in
            try Int.fetchAll(db, sql: "SELECT value FROM json_each('[1,2,3,4,5]') WHERE value IN (\(sqlParameterList(count: 3))) ORDER BY value",
                             arguments: [2, 4, 9])
        }
        #expect(values == [2, 4])
    }

    @Test func listColumnsKeepEmptyLinesButNoneForEmptyText() {
        #expect(NoteStore.lines("") == [])
        #expect(NoteStore.lines("TCP") == ["TCP"])
        #expect(NoteStore.lines("전송 제어\n\nTransmission Control") == ["전송 제어", "", "Transmission Control"])
        #expect(NoteStore.lines("a\n") == ["a", ""])
    }

    @Test(arguments: ["", "TCP", "전송 제어\n\nTransmission Control", "a\n", "\nb", "\n", "TCP/IP\r\nUDP", "a\r\n\nb", "\r\n", "x\n\u{301}y", "\r"])
    func aColumnsFirstLineIsTheFirstOfItsLines(text: String) throws {
        let first = try Self.firstLine(of: "SELECT ?", text)
        #expect(first.map { Array($0.unicodeScalars) } == NoteStore.lines(text).first.map { Array($0.unicodeScalars) })
    }

    @Test func aNullColumnHasNoFirstLine() throws {
        #expect(try Self.firstLine(of: "SELECT NULL") == nil)
    }

    /// ``NoteStore/firstLine(_:column:)`` of the first column of `sql`'s first row.
    static func firstLine(of sql: String, _ arguments: (any DatabaseValueConvertible)...) throws -> String? {
        try DatabaseQueue().read { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(StatementArguments(arguments))
            return withExtendedLifetime(statement) {
                let handle = statement.sqliteStatement
                defer { sqlite3_reset(handle) }
                guard sqlite3_step(handle) == SQLITE_ROW else { return "no row" }
                return NoteStore.firstLine(handle, column: 0)
            }
        }
    }

    @Test(arguments: [0, 1, 499, 500, 501, 1_234])
    func chunksCoverEveryItemInOrderAndStayWithinTheSize(count: Int) {
        let items = Array(0..<count)
        let chunks = sqlChunks(items, size: 500)
        #expect(chunks.flatMap { $0 } == items)
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= 500 })
        #expect(chunks.count == (count + 499) / 500)
    }
}
