import Foundation
import Testing
import NetKBCore
@testable import NetKBStore

@Suite("The external link cache")
struct NoteStoreLinkCacheTests {
    static let alive = CachedLinkCheck(url: "https://a.org/", outcome: LinkCheckOutcome(verdict: .alive, status: 200), checkedAt: 1_000)
    static let gone = CachedLinkCheck(
        url: "https://b.org/x", outcome: LinkCheckOutcome(verdict: .dead, status: 404, reason: "404 Not Found"), checkedAt: 1_001)
    static let moved = CachedLinkCheck(
        url: "http://c.org/", outcome: LinkCheckOutcome(verdict: .moved, status: 200, finalURL: "https://c.org/", reason: "permanently redirected to 'https://c.org/'"),
        checkedAt: 1_002)

    @Test func checksAreSavedAndReadBack() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.saveLinkChecks([Self.alive, Self.gone, Self.moved], keepingOnly: [Self.alive.url, Self.gone.url, Self.moved.url])
        let read = try store.cachedLinkChecks(for: [Self.alive.url, Self.moved.url, "https://never.org/"])
        #expect(read == [Self.alive.url: Self.alive, Self.moved.url: Self.moved])
    }

    @Test func urlsNoLongerCitedAreForgotten() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.saveLinkChecks([Self.alive, Self.gone], keepingOnly: [Self.alive.url, Self.gone.url])
        try store.saveLinkChecks([Self.moved], keepingOnly: [Self.alive.url, Self.moved.url])
        #expect(try store.cachedLinkChecks(for: [Self.alive.url, Self.gone.url, Self.moved.url]).keys.sorted() == [Self.moved.url, Self.alive.url].sorted())
    }

    @Test func aFullRebuildCarriesTheCacheOver() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        _ = try store.update { try $0.save(note("a.md", [(["A"], "A")]), stamp: stamp) }
        try store.saveLinkChecks([Self.alive, Self.gone], keepingOnly: [Self.alive.url, Self.gone.url])
        let (rebuilt, _) = try NoteStore.build(at: index.path) { transaction in
            try transaction.save(note("b.md", [(["B"], "B")]), stamp: stamp)
        }
        #expect(try rebuilt.totals().notes == 1)
        #expect(try rebuilt.cachedLinkChecks(for: [Self.alive.url, Self.gone.url]).count == 2)
    }

    @Test func aDamagedOldIndexGivesNoCacheButTheBuildGoesOn() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        try store.saveLinkChecks([Self.alive], keepingOnly: [Self.alive.url])
        // Overwrite the middle of the file: the header still says it is netkb's.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: index.path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xAB, count: 8192))
        try handle.close()
        let (rebuilt, _) = try NoteStore.build(at: index.path) { _ in }
        #expect(try rebuilt.totals().notes == 0)
    }

    @Test func externalCitationsAreTheResolvedWebLinks() throws {
        let index = try TemporaryIndex()
        let store = try index.open()
        var linked = note("a.md", [(["A"], "A")])
        linked.links = [
            Link(target: "https://a.org/x#y", text: "a", kind: .markdown, location: SourceLocation(line: 3, column: 5), sectionIndex: 0),
            Link(target: "mailto:me@a.org", text: "m", kind: .markdown, location: SourceLocation(line: 4, column: 1), sectionIndex: 0),
            Link(target: "other.md", text: "o", kind: .markdown, location: SourceLocation(line: 5, column: 1), sectionIndex: 0),
            Link(target: "HTTP://B.org/", text: "b", kind: .autolink, location: SourceLocation(line: 2, column: 1), sectionIndex: 0),
        ]
        try store.update { transaction in
            try transaction.save(linked, stamp: stamp)
            _ = try transaction.resolveLinks(affectedKeys: [], repository: nil)
        }
        #expect(try store.externalCitations() == [
            ExternalCitation(path: "a.md", line: 2, column: 1, url: "HTTP://B.org/"),
            ExternalCitation(path: "a.md", line: 3, column: 5, url: "https://a.org/x#y"),
        ])
    }
}
