import Foundation
import Testing

/// The real-world corpora of `../shared/corpora` (Korean CS notes, an Obsidian vault, a link
/// list), indexed and searched end to end. They are not part of this repository.
@Suite("netkb on the shared real-world corpora",
       .enabled(if: SharedCorpora.isPresent, "skipped: ../shared/corpora is absent (it is not part of the repository)"))
struct SharedCorporaTests {
    let vault: Vault
    let notes = SharedCorpora.root.path

    init() throws {
        vault = try Vault()
    }

    func run(_ arguments: [String]) throws -> NetKBBinary.Run {
        try NetKBBinary.run(arguments + ["--notes", notes, "--index", vault.index.path])
    }

    func paths(_ words: String...) throws -> [String] {
        let run = try run(["search"] + words + ["--format", "json", "--no-refresh"])
        return try (run.json()["results"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
    }

    @Test func everyNoteIsIndexedAndKoreanIsFoundAcrossSpacing() throws {
        let expected = FileManager.default.enumerator(atPath: notes)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.count
        let index = try run(["index", "--format", "json"])
        #expect(index.status == 0, "\(index.stderr)")
        #expect(try index.json()["added"] as? Int == expected)

        let gyoogle = "gyoogle__tech-interview-for-developer/Computer Science/"
        #expect(try paths("로드밸런싱").first == gyoogle + "Network/로드 밸런싱(Load Balancing).md")
        #expect(try paths("교착상태").contains(gyoogle + "Operating System/DeadLock.md"))
        #expect(try paths("혼잡 제어").first == gyoogle + "Network/TCP (흐름제어혼잡제어).md")
        #expect(try paths("embeds").first?.hasPrefix("obsidian-help-en/") == true)
    }
}

enum SharedCorpora {
    static let root = NetKBBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }
}
