import Foundation
import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct TaxonomyReaderTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/concepts")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func base() throws -> TaxonomyFile {
        try TaxonomyReader.read(text("base.yml"), file: "base.yml")
    }

    @Test func readsFieldsWithTheirLines() throws {
        let file = try Self.base()
        #expect(file.name == "base.yml")
        #expect(file.entries.map(\.id) == ["tcp", "ip", "session"])
        let tcp = file.entries[0]
        #expect(tcp.line == 4)
        #expect(tcp.name == "Transmission Control Protocol")
        #expect(tcp.koreanNames == ["전송 제어 프로토콜"])
        #expect(tcp.osiLayers == ["4"])
        #expect(tcp.related == ["ip"])
        #expect(tcp.line(of: .kind) == 9)
        // A single value reads as a list of one.
        let ip = file.entries[1]
        #expect(ip.abbreviations == ["IP"])
        #expect(ip.osiLayers == ["L3"])
        #expect(ip.koreanNames == nil)
        let session = file.entries[2]
        #expect(session.osiLayers == ["transport", "세션 계층"])
        #expect(session.tcpipLayers == ["transport"])
        #expect(session.note == "Layers differ: see the notes.")

        let taxonomy = try Taxonomy(files: [file])
        #expect(taxonomy.concept(id: "session")?.osiLayers == [.transport, .session])
        #expect(taxonomy.concept(id: "ip")?.osiLayers == [.network])
    }

    @Test func emptyFilesHaveNoEntries() throws {
        #expect(try TaxonomyReader.read("", file: "a.yml").entries.isEmpty)
        #expect(try TaxonomyReader.read("# nothing yet\n", file: "a.yml").entries.isEmpty)
        #expect(try TaxonomyReader.read("concepts:\n", file: "a.yml").entries.isEmpty)
        #expect(try TaxonomyReader.read("concepts: []\n", file: "a.yml").entries.isEmpty)
    }

    static let badFiles: [String] = (try? FileManager.default.contentsOfDirectory(
        atPath: folder.appendingPathComponent("bad").path
    ).filter { $0.hasSuffix(".yml") }.sorted()) ?? []

    @Test func everyBadFileIsTested() {
        #expect(Self.badFiles.count >= 15)
    }

    /// Each file in `bad/` starts with `# error: LINE: MESSAGE-START` and, read as a user's file
    /// over `base.yml`, fails with exactly that line and message.
    @Test(arguments: badFiles)
    func badFileGivesItsError(_ name: String) throws {
        let text = try Self.text("bad/" + name)
        let firstLine = try #require(text.split(separator: "\n").first)
        let expected = firstLine.dropFirst("# error: ".count)
        let colon = try #require(expected.firstIndex(of: ":"))
        let line = try #require(Int(expected[..<colon]))
        let message = expected[expected.index(after: colon)...].drop { $0 == " " }
        let file = ".netkb/concepts.yml"
        let base = try Self.base()
        do throws(TaxonomyError) {
            let user = try TaxonomyReader.read(Array(text.utf8), file: file)
            _ = try Taxonomy(shipped: base, user: user)
            Issue.record("\(name) was accepted")
        } catch {
            #expect(error.file == file, "\(name)")
            #expect(error.line == line, "\(name): \(error)")
            #expect(error.message.hasPrefix(message), "\(name): \(error)")
            #expect(error.description.hasPrefix("\(file):\(line): "))
        }
    }

    @Test func oversizedFilesAreRefusedBeforeParsing() {
        let big = "# " + String(repeating: "x", count: TaxonomyReader.maximumBytes) + "\n"
        #expect(throws: TaxonomyError.self) { try TaxonomyReader.read(big, file: "big.yml") }
        #expect(throws: TaxonomyError.self) { try TaxonomyReader.read(Array(big.utf8), file: "big.yml") }
    }

    @Test func bytesThatAreNotUTF8() {
        var bytes = Array("concepts:\n  - id: x\n".utf8)
        bytes.append(0xFF)
        #expect(throws: TaxonomyError(file: "a.yml", line: 3, message: "the file is not UTF-8 text")) {
            try TaxonomyReader.read(bytes, file: "a.yml")
        }
    }

    @Test func controlCharactersAreNamedOnTheirLineWithoutAnExcerpt() {
        #expect(throws: TaxonomyError(file: "a.yml", line: 3, message: "invalid YAML: control characters are not allowed")) {
            try TaxonomyReader.read("concepts:\n  - id: x\n    name: a\u{0}b\n", file: "a.yml")
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("concepts:\n  - id: x\n    name: X\n    kind: device\n".utf8)
        #expect(try TaxonomyReader.read(bytes, file: "a.yml").entries.map(\.id) == ["x"])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = "concepts: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: TaxonomyError.self) { try TaxonomyReader.read(deep, file: "deep.yml") }
    }
}
