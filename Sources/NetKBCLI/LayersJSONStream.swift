import Foundation
import NetKB

/// Writes `layers --format json` a concept at a time (see ``JSONStreamWriter``): the same
/// bytes ``JSONOutput`` writes for ``LayersJSON``, without holding every concept's sections, or
/// their JSON, at once. At 100,000 notes the document is 1.5 GB; encoded whole it held 6.5 GB.
enum LayersJSONStream {
    static func write(_ overview: LayerOverview, sections: (String) throws -> [SectionReference]) throws {
        var writer = JSONStreamWriter()
        writer.raw("{")
        writer.key("layers", depth: 1, first: true)
        let layers = Array(overview.layers.reversed())
        try writer.array(count: layers.count, depth: 1) { writer, position in
            let layer = layers[position]
            writer.raw("{")
            writer.key("concepts", depth: 3, first: true)
            // One concept, and its sections, at a time.
            try writer.array(count: layer.concepts.count, depth: 3, chunk: 1) { index in
                let used = layer.concepts[index]
                return LayersJSON.Concept(
                    id: used.concept.concept.id, name: used.concept.concept.name, label: used.concept.label,
                    sections: try sections(used.concept.concept.id).map { LayersJSON.Section(path: $0.path, line: $0.line, heading: $0.heading, count: $0.count) })
            }
            writer.key("koreanName", depth: 3, first: false)
            try writer.value(layer.osi.koreanName, depth: 3)
            writer.key("name", depth: 3, first: false)
            try writer.value(layer.osi.name, depth: 3)
            writer.key("osi", depth: 3, first: false)
            try writer.value(layer.osi.number, depth: 3)
            writer.key("sectionCount", depth: 3, first: false)
            try writer.value(layer.sectionCount, depth: 3)
            writer.key("tcpip", depth: 3, first: false)
            try writer.value(layer.osi.tcpipLayer.name, depth: 3)
            writer.key("topics", depth: 3, first: false)
            try writer.array(count: layer.topics.count, depth: 3) { index in
                let topic = layer.topics[index]
                return LayersJSON.Topic(path: topic.path, line: topic.line, heading: topic.heading, layers: topic.layers.map(\.number))
            }
            writer.endObject(depth: 2)
        }
        writer.key("sections", depth: 1, first: false)
        try writer.value(overview.sections, depth: 1)
        writer.key("taggedSections", depth: 1, first: false)
        try writer.value(overview.taggedSections, depth: 1)
        writer.raw("\n}\n")
        try writer.flush()
    }
}
