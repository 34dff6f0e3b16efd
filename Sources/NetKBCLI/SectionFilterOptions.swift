import ArgumentParser
import NetKB

/// `--layer` and `--concept`, as `search` and `refs` take them: sections at any of the layers
/// named, that mention any of the concepts named.
struct SectionFilterOptions: ParsableArguments {
    @Option(name: .customLong("layer"), help: ArgumentHelp("Only sections at this layer: 4, L4, transport, 'Transport Layer', 전송 계층, internet, link, … (repeat for any of several).", valueName: "layer"))
    var layers: [String] = []

    @Option(name: .customLong("concept"), help: ArgumentHelp("Only sections that mention this concept: an id, name, Korean name or abbreviation (repeat for any of several).", valueName: "concept"))
    var concepts: [String] = []

    func validate() throws {
        for layer in layers where Layer(parsing: layer) == nil {
            throw ValidationError("unknown layer '\(layer)' for --layer (use 1–7, L4, transport, 'Transport Layer', 전송 계층, internet, link, …)")
        }
    }

    /// The OSI layers `--layer` names (a TCP/IP layer stands for the OSI layers it spans).
    var osiLayers: [OSILayer] {
        Set(layers.compactMap { Layer(parsing: $0)?.osiLayers }.joined()).sorted()
    }

    /// The ids of the concepts `--concept` names; an unknown name is an error.
    func conceptIDs(in store: NoteStore) throws -> [String] {
        try concepts.map { name in
            guard let concept = try store.concepts(named: name).first else {
                throw CommandFailure(message: "no concept '\(TerminalText.escaped(name))' for --concept; 'netkb concepts' lists them")
            }
            return concept.concept.id
        }
    }
}
