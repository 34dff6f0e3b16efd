import NetKBCore
import Yams

/// Finds and reads a note's YAML front matter.
///
/// Front matter is there only when line 1 is `---` and a later line `---` or `...` closes it;
/// otherwise the note has none and its first lines are ordinary Markdown.
enum FrontMatterReader {
    struct Result {
        var frontMatter: FrontMatter
        /// The closing line's number: lines 1 through it are the front matter block.
        var lastLine: Int
        var warnings: [LineWarning]
    }

    /// Front matter larger than this is not read.
    static let maximumBytes = 64 * 1024

    static func read(_ source: SourceText) -> Result? {
        guard isFence(source, line: 1, allowDots: false) else { return nil }
        var closing = 2
        let count = source.lineCount
        while closing <= count, !isFence(source, line: closing, allowDots: true) { closing += 1 }
        guard closing <= count else { return nil }

        let start = source.byteRange(ofLine: 2).lowerBound
        let end = source.byteRange(ofLine: closing).lowerBound
        let yaml = String(decoding: source.bytes[start..<max(start, end)], as: UTF8.self)
        var result = Result(frontMatter: .empty, lastLine: closing, warnings: [])
        guard yaml.utf8.count <= maximumBytes else {
            result.warnings.append(LineWarning(line: 2, message: "front matter ignored: it is larger than \(maximumBytes / 1024) KB"))
            return result
        }
        if let line = YAMLAliasScan.firstAnchorOrAlias(in: yaml) {
            // Aliases can expand exponentially (a "billion laughs"); notes have no need of them.
            result.warnings.append(LineWarning(line: line + 1, message: "front matter ignored: it uses YAML anchors or aliases (& or *), which netkb does not read"))
            return result
        }

        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, YAMLScalarTags.resolver, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error, yaml: yaml)
            // YAML line 1 is file line 2; keep the line inside the block.
            let line = min(max(2, (problem.line ?? 1) + 1), max(2, closing - 1))
            result.warnings.append(LineWarning(line: line, message: "invalid YAML front matter ignored: \(problem.statement)"))
            return result
        }
        guard let root, root.null == nil else { return result }
        guard case .mapping(let mapping) = root else {
            result.warnings.append(LineWarning(line: 2, message: "front matter ignored: it is not a mapping of keys to values"))
            return result
        }

        var title: String?
        var tags: [String] = []
        var aliases: [String] = []
        var texts: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string.lowercased() else { continue }
            let line = (key.mark?.line).map { $0 + 1 } ?? 2
            switch name {
            case "title":
                if let scalar = value.scalar, value.null == nil {
                    let text = scalar.string.trimmingWhitespace()
                    if !text.isEmpty { title = text }
                } else if value.null == nil {
                    result.warnings.append(LineWarning(line: line, message: "front matter title ignored: it is not a single value"))
                }
            case "tags", "tag":
                for item in strings(in: value, splitOnSpaces: true) {
                    var tag = Substring(item)
                    while tag.first == "#" { tag = tag.dropFirst() }
                    if !tag.isEmpty { tags.append(String(tag)) }
                }
            case "aliases", "alias":
                aliases.append(contentsOf: strings(in: value, splitOnSpaces: false))
            case "description", "summary":
                // Text to search: a value, or a list's items one after another.
                let text: String
                if case .sequence(let sequence) = value {
                    text = sequence.compactMap { $0.null == nil ? $0.scalar?.string.trimmingWhitespace() : nil }.filter { !$0.isEmpty }.joined(separator: " ")
                } else {
                    text = value.null == nil ? value.scalar?.string.trimmingWhitespace() ?? "" : ""
                }
                if !text.isEmpty { texts[name] = text }
            default:
                continue
            }
        }
        result.frontMatter = FrontMatter(
            title: title, tags: unique(tags), aliases: unique(aliases), description: texts["description"], summary: texts["summary"])
        return result
    }

    /// Whether `line` is `---` (or `...` when allowed), with nothing after it but spaces or tabs.
    private static func isFence(_ source: SourceText, line: Int, allowDots: Bool) -> Bool {
        let range = source.byteRange(ofLine: line)
        return source.bytes.withUnsafeBufferPointer { buffer in
            guard range.count >= 3 else { return false }
            let first = buffer[range.lowerBound]
            guard first == UInt8(ascii: "-") || (allowDots && first == UInt8(ascii: ".")) else { return false }
            guard buffer[range.lowerBound + 1] == first, buffer[range.lowerBound + 2] == first else { return false }
            for index in (range.lowerBound + 3)..<range.upperBound
            where buffer[index] != 0x20 && buffer[index] != 0x09 {
                return false
            }
            return true
        }
    }

    /// The strings a value holds: a list's items, or a single value split on commas (and on
    /// spaces when asked). Empty items are dropped; everything is trimmed.
    private static func strings(in value: Node, splitOnSpaces: Bool) -> [String] {
        if case .sequence(let sequence) = value {
            return sequence.compactMap { item in
                guard item.null == nil, let text = item.scalar?.string.trimmingWhitespace(), !text.isEmpty else {
                    return nil
                }
                return text
            }
        }
        guard value.null == nil, let scalar = value.scalar else { return [] }
        return scalar.string
            .split(whereSeparator: { $0 == "," || (splitOnSpaces && $0.isWhitespace) })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension String {
    /// The string without leading and trailing whitespace and newlines.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
