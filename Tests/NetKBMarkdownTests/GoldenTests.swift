import Foundation
import Testing
@testable import NetKBMarkdown

/// A stable text dump of a parsed fixture note, compared with a checked-in `.golden` file.
/// Run with `NETKB_RECORD=1` to write the golden file anew after an intended change.
@Suite struct GoldenTests {
    @Test(arguments: ["obsidian-sample"])
    func dumpMatchesGoldenFile(name: String) throws {
        let folder = TestSupport.fixturesFolder
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(name).md")))
        let dump = TestSupport.dump(MarkdownParser().parse(bytes, path: "\(name).md"))
        let goldenURL = folder.appendingPathComponent("\(name).golden")

        if ProcessInfo.processInfo.environment["NETKB_RECORD"] == "1" {
            try Data(dump.utf8).write(to: goldenURL)
            print("Recorded \(goldenURL.path)")
            return
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        if dump != golden {
            let dumpLines = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(dumpLines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(dumpLines.count, goldenLines.count)
            Issue.record("""
                \(name): dump differs from \(goldenURL.lastPathComponent) at line \(first + 1)
                  got:      \(first < dumpLines.count ? dumpLines[first] : "<end>")
                  expected: \(first < goldenLines.count ? goldenLines[first] : "<end>")
                (NETKB_RECORD=1 re-records it)
                """)
        }
    }
}
