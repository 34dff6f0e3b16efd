import Foundation
import NetKB
import Testing

/// The matcher against `Tests/Fixtures/concepts/labelled-sections.txt`: sections in Korean,
/// English and both, each with the concepts and layers an expert gives it.
@Suite struct LabelledSectionsTests {
    struct LabelledSection: CustomStringConvertible {
        var title: String
        var concepts: Set<String>
        var layers: Set<Int>
        var text: String
        var description: String { title }
    }

    static let fixture = ShippedTaxonomyTests.packageRoot
        .appendingPathComponent("Tests/Fixtures/concepts/labelled-sections.txt")

    /// Reads `=== title`, `concepts: a, b`, `layers: 3, 4`, `---`, text.
    static func sections() throws -> [LabelledSection] {
        let lines = try String(contentsOf: fixture, encoding: .utf8).components(separatedBy: "\n")
        var sections: [LabelledSection] = []
        var inText = false
        func list(_ line: String) -> [String] {
            line.split(separator: ":", maxSplits: 1).dropFirst().first.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            } ?? []
        }
        for line in lines {
            if line.hasPrefix("=== ") {
                sections.append(LabelledSection(title: String(line.dropFirst(4)), concepts: [], layers: [], text: ""))
                inText = false
            } else if sections.isEmpty || line.hasPrefix("#") && !inText {
                continue
            } else if inText {
                sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : "\n") + line
            } else if line.hasPrefix("concepts:") {
                sections[sections.count - 1].concepts = Set(list(line))
            } else if line.hasPrefix("layers:") {
                sections[sections.count - 1].layers = Set(list(line).compactMap { Int($0) })
            } else if line == "---" {
                inText = true
            }
        }
        return sections
    }

    @Test func precisionAndRecallOfConcepts() throws {
        let taxonomy = try ShippedTaxonomy.taxonomy()
        let matcher = ConceptMatcher(taxonomy: taxonomy)
        let sections = try Self.sections()
        #expect(sections.count >= 40)
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var layerTrue = 0, layerFalse = 0, layerMissed = 0
        var report: [String] = []
        for section in sections {
            for id in section.concepts { #expect(taxonomy.concept(id: id) != nil, "\(section.title): unknown id \(id)") }
            let mentions = matcher.matches(in: section.text)
            let found = Set(mentions.map(\.conceptID))
            let extra = found.subtracting(section.concepts), missed = section.concepts.subtracting(found)
            truePositives += found.intersection(section.concepts).count
            falsePositives += extra.count
            falseNegatives += missed.count
            let layers = Set(LayerTally(mentions: mentions, taxonomy: taxonomy).leadingLayers().map(\.number))
            layerTrue += layers.intersection(section.layers).count
            layerFalse += layers.subtracting(section.layers).count
            layerMissed += section.layers.subtracting(layers).count
            if !extra.isEmpty || !missed.isEmpty || layers != section.layers {
                report.append("\(section.title): extra \(extra.sorted()), missed \(missed.sorted()), layers \(layers.sorted()) expected \(section.layers.sorted())")
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let layerPrecision = Double(layerTrue) / Double(max(1, layerTrue + layerFalse))
        let layerRecall = Double(layerTrue) / Double(max(1, layerTrue + layerMissed))
        let summary = String(
            format: "concepts: precision %.3f recall %.3f (%d true, %d extra, %d missed); layers: precision %.3f recall %.3f",
            precision, recall, truePositives, falsePositives, falseNegatives, layerPrecision, layerRecall
        )
        print("labelled sections: \(sections.count); \(summary)\n" + report.joined(separator: "\n"))
        #expect(precision >= 0.95, "\(summary)\n\(report.joined(separator: "\n"))")
        #expect(recall >= 0.90, "\(summary)\n\(report.joined(separator: "\n"))")
        #expect(layerPrecision >= 0.90, "\(summary)\n\(report.joined(separator: "\n"))")
        #expect(layerRecall >= 0.90, "\(summary)\n\(report.joined(separator: "\n"))")
    }
}
