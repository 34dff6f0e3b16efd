import Foundation
import Testing
import NetKBCore
import GRDB
@testable import NetKBStore

@Suite("NoteStore writing and opening")
struct NoteStoreIndexTests {
    @Test func replacingANoteReplacesItsSectionsLinksAndText() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("a.md", [(["One"], "One\n소켓 이야기")]), stamp: stamp) }
        _ = try store.update { try $0.save(note("a.md", [(["Two"], "Two\n라우터 이야기"), (["Three"], "Three")]), stamp: FileStamp(changeStamp: 2, size: 3, contentHash: 4)) }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).isEmpty)
        #expect(try store.search(SearchQuery(parsing: "라우터"), filter: SearchFilter()).map(\.heading) == ["Two"])
        let totals = try store.totals()
        #expect(totals.notes == 1 && totals.sections == 2 && totals.links == 1)
        let files = try store.indexedFileList()
        #expect(files.count == 1 && files.path(at: 0) == "a.md" && files.stamps == [FileStamp(changeStamp: 2, size: 3, contentHash: 4)])
    }

    /// Rows are read in table order and sorted only when out of order: notes saved in any order
    /// come back in byte order of their paths, as SQLite's `BINARY` collation orders them.
    @Test func indexedFilesComeInByteOrderOfTheirPaths() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        let paths = ["b.md", "가.md", "a.md", "B.md", "a/b.md", "a-b.md", "a.md.md"]
        try store.update { transaction in
            for (offset, path) in paths.enumerated() {
                try transaction.save(note(path, [(["A"], "A")]), stamp: FileStamp(changeStamp: Int64(offset), size: 1, contentHash: 1))
            }
        }
        let files = try store.indexedFileList()
        #expect((0..<files.count).map(files.path(at:)) == ["B.md", "a-b.md", "a.md", "a.md.md", "a/b.md", "b.md", "가.md"])
        #expect(files.stamps.map(\.changeStamp) == [3, 5, 2, 6, 4, 0, 1])
    }

    @Test func removingANoteRemovesItsText() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update {
            try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp)
            try $0.save(note("b.md", [(["B"], "B\n소켓")]), stamp: stamp)
        }
        _ = try store.update { try $0.remove(path: "a.md") }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["b.md"])
        #expect(try store.totals().notes == 1)
    }

    @Test func aFailedUpdateLeavesTheIndexAsItWas() throws {
        struct Boom: Error {}
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp) }
        #expect(throws: Boom.self) {
            try store.update { transaction in
                try transaction.removeAll()
                throw Boom()
            }
        }
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["a.md"])
    }

    @Test func aDamagedNetkbIndexIsRebuiltWithAReason() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("a.md", [(["A"], "A\n소켓")]), stamp: stamp) }
        // Keep the header (netkb's application id) and overwrite every page after the first.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index.path))
        bytes.replaceSubrange(4096..<bytes.count, with: Data(repeating: 0x41, count: bytes.count - 4096))
        try index.plant(bytes)
        let reason = try #require(try index.staleReason())
        #expect(reason.contains("damaged") || reason.contains("not a netkb index"))
    }

    @Test(arguments: [
        ("a note", Data("# 소켓\n\n본문\n".utf8), "not an SQLite database"),
        ("random bytes", Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 37) }), "not an SQLite database"),
        ("an empty file", Data(), "empty file"),
    ])
    func aFileNetkbDidNotWriteIsNeverReplaced(_ name: String, _ bytes: Data, _ reason: String) throws {
        let index = try TemporaryIndex()
        try index.plant(bytes)
        #expect(throws: StoreError.foreign(path: index.path, reason: "it is " + (reason == "empty file" ? "an empty file that netkb did not write" : reason))) {
            try NoteStore.openForWriting(at: index.path)
        }
        #expect(throws: StoreError.self) { try NoteStore.build(at: index.path) { _ in } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: index.path)) == bytes, "\(name) was changed")
    }

    @Test func anotherProgramsDatabaseIsNeverReplaced() throws {
        let index = try TemporaryIndex()
        try index.plant(Data())
        let queue = try DatabaseQueue(path: index.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('kim')") }
        try queue.close()
        #expect(throws: StoreError.self) { try NoteStore.ownership(of: index.path) }
        #expect(throws: StoreError.self) { try NoteStore.openForReading(at: index.path) }
        let names = try DatabaseQueue(path: index.path).read { try String.fetchAll($0, sql: "SELECT name FROM contacts") }
        #expect(names == ["kim"])
    }

    @Test func anIndexOfTheFirstReleaseIsOursAndRebuilt() throws {
        let index = try TemporaryIndex()
        try index.plant(Data())
        let old = try DatabaseQueue(path: index.path)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [NoteStore.firstMigration])
        }
        try old.close()
        #expect(try NoteStore.ownership(of: index.path))
        #expect(try index.staleReason() == "it was written by an older netkb")
        _ = try index.open()
        #expect(try index.staleReason() == nil)
    }

    @Test func anIndexFromANewerNetkbIsRebuilt() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        #expect(try index.staleReason()?.contains("newer netkb") == true)
    }

    @Test func aFIFOAtTheIndexPathIsRefusedWithoutBlocking() throws {
        let index = try TemporaryIndex()
        try FileManager.default.createDirectory(atPath: (index.path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(mkfifo(index.path, 0o644) == 0)
        #expect(throws: StoreError.foreign(path: index.path, reason: "it is not a regular file")) {
            try NoteStore.ownership(of: index.path)
        }
    }

    /// A store opened for reading runs without GRDB's statement authorizer (which only records
    /// what each statement reads, for observers): read after read, each in a transaction of its
    /// own, it answers exactly as the store that wrote the index.
    @Test func aStoreOpenedForReadingAnswersLikeTheStoreThatWroteIt() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.update {
            try $0.save(note("a.md", [(["소켓"], "소켓\n소켓은 TCP 연결의 끝점"), (["흐름"], "흐름\n흐름 제어와 혼잡 제어")]), stamp: stamp)
            try $0.save(note("b/c.md", [(["Router"], "Router\n라우터가 패킷을 전달한다, like a router")]), stamp: stamp)
        }
        let reading = try NoteStore.openForReading(at: index.path)
        for _ in 0..<2 {
            for query in ["소켓", "흐름 제어", "라우터", "router", "TCP OR 패킷", "nothing-here"] {
                let parsed = SearchQuery(parsing: query)
                let answered = try reading.search(parsed, filter: SearchFilter())
                #expect(answered == (try store.search(parsed, filter: SearchFilter())), "\(query)")
                #expect(answered.isEmpty == (query == "nothing-here"), "\(query)")
            }
            #expect(try reading.totals() == (try store.totals()))
            #expect(try reading.indexedFileList().stamps == (try store.indexedFileList().stamps))
        }
        // The authorizer is what tells GRDB which tables a statement reads: without it, none.
        let sql = "SELECT path FROM notes"
        #expect(try reading.writer.read { try $0.makeStatement(sql: sql).databaseRegion }.isEmpty)
        #expect(try !store.writer.read { try $0.makeStatement(sql: sql).databaseRegion }.isEmpty)
    }

    @Test func readingAMissingIndexSaysWhatToDo() throws {
        let index = try TemporaryIndex()
        #expect(throws: StoreError.missing(path: index.path)) { try NoteStore.openForReading(at: index.path) }
    }
}

@Suite("NoteStore full builds")
struct NoteStoreFullBuildTests {
    @Test func aFullBuildReplacesTheIndexFile() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("old.md", [(["Old"], "Old\n소켓")]), stamp: stamp) }
        let (rebuilt, _) = try NoteStore.build(at: index.path) { try $0.save(note("new.md", [(["New"], "New\n라우터")]), stamp: stamp) }
        #expect(try rebuilt.search(SearchQuery(parsing: "라우터"), filter: SearchFilter()).map(\.path) == ["new.md"])
        #expect(try rebuilt.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: index.path + ".building"))
        // Later incremental runs use a rollback journal: no -wal or -shm beside the index.
        let mode = try rebuilt.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "delete")
        _ = try rebuilt.update { try $0.save(note("more.md", [(["More"], "More\n스위치")]), stamp: stamp) }
        for suffix in ["-wal", "-shm", "-journal"] { #expect(!FileManager.default.fileExists(atPath: index.path + suffix)) }
        let appID = try rebuilt.writer.read { try Int32.fetchOne($0, sql: "PRAGMA application_id") }
        #expect(appID == IndexFileIdentity.applicationID)
        #expect(try index.open().totals().notes == 2)
    }

    @Test func aFailedFullBuildLeavesTheOldIndex() throws {
        struct Boom: Error {}
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("old.md", [(["Old"], "Old\n소켓")]), stamp: stamp) }
        #expect(throws: Boom.self) {
            _ = try NoteStore.build(at: index.path) { transaction in
                try transaction.save(note("new.md", [(["New"], "New\n라우터")]), stamp: stamp)
                throw Boom()
            }
        }
        #expect(!FileManager.default.fileExists(atPath: index.path + ".building"))
        #expect(try store.search(SearchQuery(parsing: "소켓"), filter: SearchFilter()).map(\.path) == ["old.md"])
        #expect(try index.open().totals().notes == 1)
    }

    @Test func aKilledBuildsLeftoverIsRemovedByTheNextBuild() throws {
        let index = try TemporaryIndex()
        _ = try index.open()
        let leftover = NoteStore.buildingPath(forIndex: index.path)
        // What a build killed midway leaves: an SQLite file under the building name.
        let queue = try DatabaseQueue(path: leftover)
        try queue.write { try $0.execute(sql: "CREATE TABLE half (x)") }
        try queue.close()
        _ = try NoteStore.build(at: index.path) { _ in }
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }

    @Test func aForeignFileUnderTheBuildingNameIsLeftAlone() throws {
        let index = try TemporaryIndex()
        _ = try index.open()
        let leftover = NoteStore.buildingPath(forIndex: index.path)
        try Data("my own notes".utf8).write(to: URL(fileURLWithPath: leftover))
        #expect(throws: StoreError.self) { try NoteStore.build(at: index.path) { _ in } }
        #expect(try String(contentsOfFile: leftover, encoding: .utf8) == "my own notes")
    }
}
