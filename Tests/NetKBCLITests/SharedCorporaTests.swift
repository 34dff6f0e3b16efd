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
        guard run.status == 0 || run.status == 1 else { throw NetKBBinary.Failure(run: run) }
        return try #require(run.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
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

    /// Issue 9 on real Korean notes: two-syllable words are found only in notes that have them
    /// (a substring of the file, spaced or not), and words that stand in different sections of
    /// a note find it. Found and missed files are printed.
    @Test func koreanSearchIsPreciseAndFindsWordsAcrossSections() throws {
        let folder = SharedCorpora.root.appendingPathComponent("gyoogle__tech-interview-for-developer").path
        let index = vault.root.appendingPathComponent("gyoogle-search.sqlite").path
        #expect(try NetKBBinary.run(["index", "--notes", folder, "--index", index]).status == 0)
        var texts: [String: String] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder)! where path.hasSuffix(".md") {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(path))
            texts[path.precomposedStringWithCanonicalMapping] = String(decoding: data, as: UTF8.self).precomposedStringWithCanonicalMapping.lowercased()
        }
        func has(_ text: String, _ word: String) -> Bool {
            let scalars = Array(word.lowercased())
            guard scalars.count >= 3, scalars.allSatisfy({ ("가"..."힣").contains($0) }) else { return text.contains(word.lowercased()) }
            return text.contains(word) || (1..<scalars.count).contains { text.contains(String(scalars[..<$0]) + " " + String(scalars[$0...])) }
        }
        for query in ["해시", "조인", "인증", "서버", "인자", "운영체제", "가상메모리", "DNS 서버", "CPU 스케줄링", "프로세스 스레드"] {
            let words = query.split(separator: " ").map(String.init)
            let run = try NetKBBinary.run(["search", "--exact", "--no-refresh", "--limit", "1000", "--format", "json", "--notes", folder, "--index", index] + words)
            #expect(run.status == 0, "\(query): \(run.stderr)")
            let found = Set(try #require(run.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String })
            let truth = Set(texts.filter { entry in words.allSatisfy { has(entry.value, $0) } }.keys)
            print("corpus search \(query): found \(found.count), relevant \(truth.count), wrong \(found.subtracting(truth).sorted()), missed \(truth.subtracting(found).sorted())")
            #expect(found.isSubset(of: truth), "\(query): wrong \(found.subtracting(truth).sorted())")
            #expect(truth.isSubset(of: found), "\(query): missed \(truth.subtracting(found).sorted())")
        }
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

    /// `refs` on a 700-link list and on Korean CS notes: the share of references with a label
    /// or description is printed, and descriptions that were wrong once (and fixed) are checked.
    @Test func refsLabelsAndDescribesTheReferencesOfTwoCorpora() throws {
        func references(_ folder: String) throws -> [[String: Any]] {
            let run = try NetKBBinary.run(["refs", "--format", "json", "--notes", SharedCorpora.root.appendingPathComponent(folder).path,
                                           "--index", vault.root.appendingPathComponent("\(folder)-refs.sqlite").path])
            #expect(run.status == 0, "\(run.stderr)")
            let topics = try #require(run.json()["topics"] as? [[String: Any]])
            return topics.flatMap { topic in
                (topic["references"] as? [[String: Any]] ?? []).map { $0.merging(["path": topic["path"] ?? ""]) { a, _ in a } }
            }
        }
        func share(_ list: [[String: Any]]) -> Double {
            let described = list.filter { $0["label"] is String || $0["description"] is String }.count
            return Double(described) / Double(max(list.count, 1))
        }
        func description(_ list: [[String: Any]], label: String) -> String? {
            list.first { $0["label"] as? String == label }?["description"] as? String
        }

        let awesome = try references("sindresorhus__awesome")
        let gyoogle = try references("gyoogle__tech-interview-for-developer")
        print("refs on sindresorhus__awesome: \(awesome.count) references, \(String(format: "%.1f", 100 * share(awesome)))% with a label or description")
        print("refs on gyoogle__tech-interview-for-developer: \(gyoogle.count) references, \(String(format: "%.1f", 100 * share(gyoogle)))% with a label or description")
        #expect(awesome.count > 700 && share(awesome) > 0.99)
        #expect(gyoogle.count > 300 && share(gyoogle) > 0.9)
        // Once wrong: link words cut out of sentences, badge lines, bare URLs dropped mid-sentence.
        #expect(description(awesome, label: "nested lists") == "Should only have one level of nested lists, preferably none.")
        #expect(description(awesome, label: "Chalk") == "For example, the Chalk project could feature this badge because it's listed in Awesome Node.js.")
        #expect(description(awesome, label: "get started here") == "If you are new to GitHub, get started here.")
        #expect(description(awesome, label: "JSON") == "Text based data interchange format.")
        #expect(description(gyoogle, label: "Travis 사이트") == "Travis 사이트로 접속하여 깃허브 계정으로 로그인 후, Settings로 들어간다.")
        #expect(description(gyoogle, label: "PRs Welcome") == nil)
        #expect(description(gyoogle, label: "GitHub Flow") == "We follow the GitHub Flow")
        #expect(gyoogle.contains { $0["description"] as? String == "브라우저 주소 창에 http://naver.com을 입력했을 때 어떤 과정을 거쳐서 네이버 페이지가 화면에 보이는 지 알아보자" })
        #expect(!gyoogle.contains { ($0["description"] as? String)?.contains("( )") == true })
    }
}

enum SharedCorpora {
    static let root = NetKBBinary.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.path) }
}
