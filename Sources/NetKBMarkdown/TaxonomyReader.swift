import NetKBCore
import Yams

/// Reads a concept taxonomy file (the shipped `concepts.yml` or a user's `.netkb/concepts.yml`)
/// into entries for ``Taxonomy``; every mistake is a ``TaxonomyError`` naming the file and line.
///
/// ```yaml
/// concepts:
///   - id: tcp
///     name: Transmission Control Protocol
///     korean: [전송 제어 프로토콜]
///     abbreviations: [TCP, tcp]
///     osi: [4]                # or L4, transport, 전송 계층, …
///     tcpip: transport        # optional; follows from osi when left out
///     kind: protocol
///     related: [udp, ip]
/// ```
///
/// A list may also be written as a single value (`osi: 4`). A file with nothing in it, or
/// `concepts:` with no entries, has no entries.
///
/// Hostile input is refused rather than read: files over ``maximumBytes``, bytes that are not
/// UTF-8, and any YAML anchor or alias (`&name`, `*name`), which a taxonomy never needs and
/// which can make a small file expand into a huge tree (the "billion laughs"). The file is
/// composed into Yams nodes first (an alias there is a shared reference to its anchor's node,
/// so composing costs no more than the text), then the tree is walked in document order and
/// the first anchor refused, before anything is read: an anchor always comes before its
/// aliases, so the walk never expands one. As a second guard the walk stops after
/// ``maximumNodes`` values. libyaml bounds nesting at 1000 levels.
public enum TaxonomyReader {
    /// The largest taxonomy file read: 1 MiB.
    public static let maximumBytes = 1 << 20
    /// The most values (scalars, lists and mappings) a taxonomy file may hold.
    public static let maximumNodes = 200_000

    /// Reads a file's bytes; a UTF-8 byte-order mark is dropped.
    public static func read(_ bytes: [UInt8], file: String) throws(TaxonomyError) -> TaxonomyFile {
        try read(try SettingsFileText.decode(bytes, file: file, maximumBytes: maximumBytes), file: file)
    }

    /// Reads a file's text.
    public static func read(_ yaml: String, file: String) throws(TaxonomyError) -> TaxonomyFile {
        guard yaml.utf8.count <= maximumBytes else { throw SettingsFileText.tooLarge(file, maximumBytes: maximumBytes) }
        // The parser owns the anchors, which nodes hold only weakly: it must outlive the check.
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: yaml, resolver: YAMLScalarTags.resolver, encoding: .utf8)
            root = try parser.singleRoot()
        } catch {
            let problem = YAMLProblem(error, yaml: yaml)
            throw TaxonomyError(file: file, line: problem.line ?? 1, message: "invalid YAML: \(problem.statement)")
        }
        guard let root else { return TaxonomyFile(name: file, entries: []) }
        let reader = NodeReader(file: file)
        try withExtendedLifetime(parser) { () throws(TaxonomyError) in
            try reader.refuseAnchors(in: root)
        }
        return TaxonomyFile(name: file, entries: try reader.entries(in: root))
    }
}

/// Reads the composed tree of one taxonomy file.
private struct NodeReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> TaxonomyError {
        TaxonomyError(file: file, line: line(of: node), message: message)
    }

    func line(of node: Node?) -> Int { max(1, node?.mark?.line ?? 1) }

    /// Throws at the first anchor or alias, depth first, so that a shared subtree is never
    /// walked twice.
    func refuseAnchors(in root: Node) throws(TaxonomyError) {
        var stack = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            if visited > TaxonomyReader.maximumNodes {
                throw error(node, "the file holds more than \(TaxonomyReader.maximumNodes) values")
            }
            if node.anchor != nil {
                throw error(node, "YAML anchors and aliases (&name, *name) are not allowed in a taxonomy file")
            }
            switch node {
            case .alias:
                throw error(node, "YAML anchors and aliases (&name, *name) are not allowed in a taxonomy file")
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.reversed())
            case .scalar:
                break
            }
        }
    }

    /// The entries of the file's `concepts` list.
    func entries(in root: Node) throws(TaxonomyError) -> [ConceptEntry] {
        if root.null != nil { return [] }
        guard case .mapping(let mapping) = root else {
            throw error(root, "a taxonomy file is a mapping with a 'concepts' list")
        }
        var list: Node?
        for (key, value) in mapping {
            switch try keyName(key) {
            case "concepts": list = value
            case "version":
                guard value.scalar?.string == "1" else { throw error(value, "unknown taxonomy version (use 1)") }
            case let other:
                throw error(key, "unknown key '\(other)' (a taxonomy file has 'concepts' and an optional 'version')")
            }
        }
        guard let list, list.null == nil else { return [] }
        guard case .sequence(let items) = list else {
            throw error(list, "'concepts' must be a list of concepts")
        }
        var entries: [ConceptEntry] = []
        entries.reserveCapacity(items.count)
        for item in items { entries.append(try entry(item)) }
        return entries
    }

    private func keyName(_ key: Node) throws(TaxonomyError) -> String {
        guard case .scalar(let scalar) = key else { throw error(key, "a key must be a plain name") }
        return scalar.string
    }

    private func entry(_ node: Node) throws(TaxonomyError) -> ConceptEntry {
        guard case .mapping(let mapping) = node else {
            throw error(node, "a concept must be a mapping of fields such as 'id', 'name', 'osi'")
        }
        var fields: [(ConceptEntry.Field, key: Node, value: Node)] = []
        for (key, value) in mapping {
            let name = try keyName(key)
            guard let field = ConceptEntry.Field(rawValue: name) else {
                let known = ConceptEntry.Field.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(key, "unknown field '\(name)' (fields: \(known))")
            }
            fields.append((field, key, value))
        }
        guard let idField = fields.first(where: { $0.0 == .id }) else {
            throw error(node, "a concept needs an 'id'")
        }
        var entry = ConceptEntry(id: try text(idField.value, field: .id), line: line(of: node))
        for (field, key, value) in fields {
            entry.fieldLines[field] = line(of: key)
            switch field {
            case .id: break
            case .name: entry.name = try text(value, field: field)
            case .korean: entry.koreanNames = try texts(value, field: field)
            case .abbreviations: entry.abbreviations = try texts(value, field: field)
            case .aliases: entry.aliases = try texts(value, field: field)
            case .osi: entry.osiLayers = try texts(value, field: field)
            case .tcpip: entry.tcpipLayers = try texts(value, field: field)
            case .kind: entry.kind = try text(value, field: field)
            case .related: entry.related = try texts(value, field: field)
            case .note: entry.note = try text(value, field: field)
            case .excludes: entry.excludes = try texts(value, field: field)
            }
        }
        return entry
    }

    private func text(_ node: Node, field: ConceptEntry.Field) throws(TaxonomyError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil || scalar.style != .plain else {
            throw error(node, "'\(field.rawValue)' must be a single value")
        }
        return scalar.string
    }

    /// A list of values, or one value as a list of one; an empty value is an empty list.
    private func texts(_ node: Node, field: ConceptEntry.Field) throws(TaxonomyError) -> [String] {
        switch node {
        case .sequence(let sequence):
            var values: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    throw error(item, "'\(field.rawValue)' must be a list of single values")
                }
                values.append(scalar.string)
            }
            return values
        case .scalar(let scalar):
            return node.null != nil && scalar.style == .plain ? [] : [scalar.string]
        default:
            throw error(node, "'\(field.rawValue)' must be a value or a list of values")
        }
    }
}
