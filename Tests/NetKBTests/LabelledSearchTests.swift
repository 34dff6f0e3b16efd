import Foundation
import Testing
@testable import NetKB

/// The labelled set of issue 9: queries over `Tests/Fixtures/search`, each with the notes a
/// reader wants, and the least precision and recall allowed (`labels.tsv`). A change to the
/// tokenizer, the query translation or the ranking shows its cost here, query by query.
@Suite("Labelled search queries")
struct LabelledSearchTests {
    struct Label: CustomTestStringConvertible, Sendable {
        var query: String
        var relevant: Set<String>
        var leastPrecision: Double
        var leastRecall: Double
        var why: String
        var testDescription: String { query }
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/search")

    static let labels: [Label] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("labels.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Label(
                query: fields[0], relevant: fields[1] == "-" ? [] : Set(fields[1].split(separator: " ").map(String.init)),
                leastPrecision: Double(fields[2]) ?? 1, leastRecall: Double(fields[3]) ?? 1, why: fields.count > 4 ? fields[4] : "")
        }
    }()

    /// One index of the fixture notes for all the queries, built on first use.
    static let store: Result<NoteStore, any Error> = Result {
        let index = FileManager.default.temporaryDirectory.appendingPathComponent("netkb-labelled-\(UUID().uuidString)/netkb.sqlite")
        return try Workspace(notesPath: folder.path, indexPath: index.path).open(.update(rebuild: false), progress: nil).store
    }

    @Test func theSetHasAtLeastThirtyQueries() {
        #expect(Self.labels.count >= 30)
    }

    @Test(arguments: labels)
    func precisionAndRecall(label: Label) throws {
        let store = try Self.store.get()
        let hits = try store.search(SearchQuery(parsing: label.query), filter: SearchFilter(limit: 100))
        let found = Set(hits.map(\.path))
        let right = found.intersection(label.relevant).count
        let precision = found.isEmpty ? 1 : Double(right) / Double(found.count)
        let recall = label.relevant.isEmpty ? 1 : Double(right) / Double(label.relevant.count)
        print(String(format: "labelled: %@  P %.2f  R %.2f  found %@", label.query, precision, recall, found.sorted().joined(separator: " ")))
        #expect(precision >= label.leastPrecision, "\(label.query): found \(found.sorted()), wanted \(label.relevant.sorted()) (\(label.why))")
        #expect(recall >= label.leastRecall, "\(label.query): found \(found.sorted()), wanted \(label.relevant.sorted()) (\(label.why))")
    }
}
