import Foundation
import NetKB

/// Writes `layers --format json` a concept at a time: the same bytes ``JSONOutput`` writes for
/// ``LayersJSON``, without holding every concept's sections, or their JSON, at once. Each
/// concept, and each layer's other values, goes through the same `JSONEncoder`; the pieces are
/// indented to their depth and joined as the encoder's pretty printing joins them (`"key" : `,
/// `,` and a newline between items, sorted keys). At 100,000 notes the whole document is
/// 1.5 GB, and encoding it at once held 6.5 GB.
enum LayersJSONStream {
    static func write(_ overview: LayerOverview, sections: (String) throws -> [SectionReference]) throws {
        let encoder = JSONOutput.encoder()
        var output = StandardOutput.Buffered()
        /// Appends a value's JSON, its lines after the first indented by `depth` levels.
        func add(_ value: some Encodable, depth: Int) throws {
            let data = try encoder.encode(value)
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let indent = [UInt8](repeating: 0x20, count: 2 * depth)
                var start = 0
                for index in bytes.indices where bytes[index] == 0x0A {
                    output.add(bytes: UnsafeBufferPointer(rebasing: bytes[start...index]))
                    start = index + 1
                    // The encoder leaves the line of an empty array or object empty.
                    if start < bytes.count, bytes[start] != 0x0A { indent.withUnsafeBufferPointer { output.add(bytes: $0) } }
                }
                output.add(bytes: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
            try output.flushIfFull()
        }
        func key(_ name: StaticString, depth: Int, first: Bool) {
            output.add(literal: first ? "\n" : ",\n")
            output.add(String(repeating: " ", count: 2 * depth))
            output.add(literal: "\"")
            output.add(literal: name)
            output.add(literal: "\" : ")
        }
        output.add(literal: "{")
        key("layers", depth: 1, first: true)
        output.add(literal: "[")
        for (position, layer) in overview.layers.reversed().enumerated() {
            output.add(literal: position == 0 ? "\n    {" : ",\n    {")
            key("concepts", depth: 3, first: true)
            if layer.concepts.isEmpty {
                output.add(literal: "[\n\n      ]")
            } else {
                output.add(literal: "[")
                for (index, used) in layer.concepts.enumerated() {
                    output.add(literal: index == 0 ? "\n        " : ",\n        ")
                    let concept = LayersJSON.Concept(
                        id: used.concept.concept.id, name: used.concept.concept.name, label: used.concept.label,
                        sections: try sections(used.concept.concept.id).map { LayersJSON.Section(path: $0.path, line: $0.line, heading: $0.heading, count: $0.count) })
                    try add(concept, depth: 4)
                }
                output.add(literal: "\n      ]")
            }
            key("koreanName", depth: 3, first: false)
            try add(layer.osi.koreanName, depth: 3)
            key("name", depth: 3, first: false)
            try add(layer.osi.name, depth: 3)
            key("osi", depth: 3, first: false)
            try add(layer.osi.number, depth: 3)
            key("sectionCount", depth: 3, first: false)
            try add(layer.sectionCount, depth: 3)
            key("tcpip", depth: 3, first: false)
            try add(layer.osi.tcpipLayer.name, depth: 3)
            key("topics", depth: 3, first: false)
            try add(layer.topics.map { LayersJSON.Topic(path: $0.path, line: $0.line, heading: $0.heading, layers: $0.layers.map(\.number)) }, depth: 3)
            output.add(literal: "\n    }")
        }
        output.add(literal: overview.layers.isEmpty ? "\n\n  ]" : "\n  ]")
        key("sections", depth: 1, first: false)
        try add(overview.sections, depth: 1)
        key("taggedSections", depth: 1, first: false)
        try add(overview.taggedSections, depth: 1)
        output.add(literal: "\n}\n")
        try output.flush()
    }
}
