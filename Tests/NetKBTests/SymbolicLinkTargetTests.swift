import Foundation
import Testing
@testable import NetKB

@Suite struct SymbolicLinkTargetTests {
    /// A temporary folder, removed at the end of the test.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-links-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: destination)
        }
    }

    @Test func linksAreFollowedToTheFileTheyName() throws {
        let folder = try Folder()
        _ = FileManager.default.createFile(atPath: folder.path + "/sub/real.sqlite", contents: Data())
        try folder.link("direct", to: "sub/real.sqlite")
        try folder.link("chain", to: "direct")
        try folder.link("absolute", to: folder.path + "/sub/real.sqlite")
        try folder.link("sub/up", to: "../direct")
        try folder.link("dangling", to: "sub/not-yet.sqlite")
        let base = folder.path + "/"
        #expect(SymbolicLinkTarget.following(base + "sub/real.sqlite") == base + "sub/real.sqlite")
        #expect(SymbolicLinkTarget.following(base + "direct") == base + "sub/real.sqlite")
        #expect(SymbolicLinkTarget.following(base + "chain") == base + "sub/real.sqlite")
        #expect(SymbolicLinkTarget.following(base + "absolute") == base + "sub/real.sqlite")
        #expect(SymbolicLinkTarget.following(base + "sub/up") == base + "sub/../sub/real.sqlite")
        #expect(SymbolicLinkTarget.following(base + "dangling") == base + "sub/not-yet.sqlite")
        #expect(SymbolicLinkTarget.following(base + "absent.sqlite") == base + "absent.sqlite")
    }

    @Test func aDescriptorsLinkToAPipeLeavesThePathAsGiven() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]); close(ends[1]) }
        let folder = try Folder()
        try folder.link("stdout", to: "/proc/self/fd/\(ends[1])")
        // `/dev/stdout` into a pipe: `/proc/self/fd/N` links to `pipe:[…]`, no file of a folder.
        #expect(SymbolicLinkTarget.following("/proc/self/fd/\(ends[1])") == "/proc/self/fd/\(ends[1])")
        #expect(SymbolicLinkTarget.following(folder.path + "/stdout") == folder.path + "/stdout")
        #expect(SymbolicLinkTarget.isKernelObject("socket:[42]") && SymbolicLinkTarget.isKernelObject("anon_inode:[eventfd]"))
        #expect(!SymbolicLinkTarget.isKernelObject("pipe:[1]/x") && !SymbolicLinkTarget.isKernelObject("notes.sqlite"))
    }

    @Test func aLoopLeavesThePathAsGiven() throws {
        let folder = try Folder()
        try folder.link("one", to: "two")
        try folder.link("two", to: "one")
        try folder.link("self", to: "self")
        #expect(SymbolicLinkTarget.following(folder.path + "/one") == folder.path + "/one")
        #expect(SymbolicLinkTarget.following(folder.path + "/self") == folder.path + "/self")
    }
}
