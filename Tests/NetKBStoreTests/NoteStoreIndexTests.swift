import Foundation
import Testing
import NetKBCore
@testable import NetKBStore

@Suite("NoteStore writing and opening")
struct NoteStoreIndexTests {
    @Test func replacingANoteReplacesItsSectionsLinksAndText() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update { try $0.save(note("a.md", [(["One"], "One\n소켓 이야기")]), stamp: stamp) }
        try store.update { try $0.save(note("a.md", [(["Two"], "Two\n라우터 이야기"), (["Three"], "Three")]), stamp: FileStamp(modified: 2, size: 3, contentHash: 4)) }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).isEmpty)
        #expect(try store.search(SearchQuery(parsing: "라우터"), filter: SearchFilter()).map(\.heading) == ["Two"])
        let totals = try store.totals()
        #expect(totals.notes == 1 && totals.sections == 2 && totals.links == 1)
        #expect(try store.indexedFiles()["a.md"] == FileStamp(modified: 2, size: 3, contentHash: 4))
    }

    @Test func removingANoteRemovesItsText() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update {
            try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp)
            try $0.save(note("b.md", [(["B"], "B\n소켓")]), stamp: stamp)
        }
        try store.update { try $0.remove(path: "a.md") }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["b.md"])
        #expect(try store.totals().notes == 1)
    }

    @Test func aFailedUpdateLeavesTheIndexAsItWas() throws {
        struct Boom: Error {}
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update { try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp) }
        #expect(throws: Boom.self) {
            try store.update { transaction in
                try transaction.removeAll()
                throw Boom()
            }
        }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["a.md"])
    }

    @Test func aDamagedFileIsRebuiltWithAReason() throws {
        let index = try TemporaryIndex()
        try FileManager.default.createDirectory(atPath: (index.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: index.path))
        let store = try index.open()
        #expect(store.rebuiltBecause?.contains("damaged") == true)
        #expect(try store.totals().notes == 0)
        let reopened = try index.open()
        #expect(reopened.rebuiltBecause == nil)
    }

    @Test func anIndexOfAnotherSchemaIsRebuilt() throws {
        let index = try TemporaryIndex()
        try FileManager.default.createDirectory(atPath: (index.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let old = try NoteStore.makeQueue(path: index.path, mode: .readWrite)
        try old.write { try $0.execute(sql: "CREATE TABLE notes (path TEXT, body TEXT)") }
        try old.close()
        let store = try index.open()
        #expect(store.rebuiltBecause != nil)
        try store.update { try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp) }
        #expect(try store.totals().notes == 1)
    }

    @Test func anIndexFromANewerNetkbIsRebuilt() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.dbQueue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        let reopened = try index.open()
        #expect(reopened.rebuiltBecause?.contains("newer netkb") == true)
    }

    @Test func anUnwritableLocationIsAClearError() throws {
        let index = try TemporaryIndex()
        let file = index.folder.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: StoreError.self) { try NoteStore.open(at: file.path + "/netkb.sqlite") }
        do {
            _ = try NoteStore.open(at: file.path + "/netkb.sqlite")
        } catch let error as StoreError {
            #expect(error.description.contains(file.path))
        }
    }

    @Test func readingAMissingIndexSaysWhatToDo() throws {
        let index = try TemporaryIndex()
        #expect(throws: StoreError.self) { try NoteStore.openForReading(at: index.path) }
    }
}

@Suite("NoteStore full builds")
struct NoteStoreFullBuildTests {
    @Test func aFullBuildReplacesTheIndexFile() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update { try $0.save(note("old.md", [(["Old"], "Old\n소켓")]), stamp: stamp) }
        let (rebuilt, _) = try store.replacingAll { try $0.save(note("new.md", [(["New"], "New\n라우터")]), stamp: stamp) }
        #expect(try rebuilt.search(SearchQuery(parsing: "라우터"), filter: SearchFilter()).map(\.path) == ["new.md"])
        #expect(try rebuilt.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: index.path + ".building"))
        // Later incremental runs write through the WAL again.
        let mode = try rebuilt.dbQueue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let reopened = try index.open()
        #expect(try reopened.totals().notes == 1)
    }

    @Test func aFailedFullBuildLeavesTheOldIndex() throws {
        struct Boom: Error {}
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update { try $0.save(note("old.md", [(["Old"], "Old\n소켓")]), stamp: stamp) }
        #expect(throws: Boom.self) {
            _ = try store.replacingAll { transaction in
                try transaction.save(note("new.md", [(["New"], "New\n라우터")]), stamp: stamp)
                throw Boom()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: index.path + ".building"))
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["old.md"])
        #expect(try index.open().totals().notes == 1)
    }
}
