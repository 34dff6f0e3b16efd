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

    /// Every broken link `check` reports in the two vaults was read by hand: the corpora are
    /// copies without their attachments (images, PDFs, code files) and keep their authors' own
    /// broken links. Anything else reported would be a false positive.
    @Test func checkReportsOnlyLinksThatAreReallyBroken() throws {
        let attachment = #"\.(svg|png|PNG|jpg|jpeg|gif|webp|mp4|webm|ogg|mp3|pdf|cpp)'"#
        func broken(_ folder: String, _ extra: [String] = []) throws -> [String] {
            let run = try NetKBBinary.run(["check", "--notes", SharedCorpora.root.appendingPathComponent(folder).path,
                                           "--index", vault.root.appendingPathComponent("\(folder).sqlite").path] + extra)
            #expect(run.status == 1, "\(run.stderr)")
            return run.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
                .filter { $0.range(of: attachment, options: .regularExpression) == nil }
        }
        // Obsidian's help: "[[Example]]" and "[Custom name](Example.md)" are live examples of links to a note that does not exist.
        let obsidian = try broken("obsidian-help-en")
        #expect(obsidian.count == 6 && obsidian.allSatisfy { $0.hasPrefix("Linking notes and files/Internal links.md:") && $0.contains("'Example") }, "\(obsidian)")
        // gyoogle's notes, with its repository: an empty target, a README anchor to a removed section,
        // '#언어' for the heading '언어(C++ 등)', a LICENSE not in the copy, and a malformed nested link.
        let gyoogle = try broken("gyoogle__tech-interview-for-developer", ["--repo-url", "https://github.com/gyoogle/tech-interview-for-developer"])
        #expect(gyoogle.count == 5, "\(gyoogle)")
        #expect(gyoogle.contains { $0.hasPrefix("README.md:209:3: error: broken link") && $0.contains("'#언어'") })
        #expect(gyoogle.contains { $0.hasPrefix("Computer Science/Data Structure/Linked List.md:63:1: error: broken link '': empty link target") })
    }
}

enum SharedCorpora {
    static let root = NetKBBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }
}
