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

    @Test(arguments: [0, 1, 499, 500, 501, 1_234])
    func chunksCoverEveryItemInOrderAndStayWithinTheSize(count: Int) {
        let items = Array(0..<count)
        let chunks = sqlChunks(items, size: 500)
        #expect(chunks.flatMap { $0 } == items)
        #expect(chunks.allSatisfy { !$0.isEmpty && $0.count <= 500 })
        #expect(chunks.count == (count + 499) / 500)
    }
}
