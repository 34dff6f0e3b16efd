import Yams

/// A YAML error as the line it is on and a short statement in netkb's words, the same for
/// every YAML file netkb reads (front matter, `.netkb/config.yml`, `.netkb/concepts.yml`).
///
/// libyaml's own wording is kept where it reads well (`did not find expected key while parsing
/// a block mapping`), replaced where it speaks to programmers (its nesting limit names a C
/// function), and its source excerpts with carets are never shown.
struct YAMLProblem {
    /// The 1-based line of the YAML text, or nil when the error names none.
    var line: Int?
    var statement: String

    /// How deep libyaml lets collections nest before it stops with an error.
    static let nestingLimit = 1_000

    init(_ error: any Error, yaml: String) {
        guard let error = error as? YamlError else {
            (line, statement) = (nil, "\(error)")
            return
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                (line, statement) = (max(1, mark.line), "collections nested more than \(Self.nestingLimit) levels deep")
                return
            }
            let during = context.map { " \($0.text)" } ?? ""
            (line, statement) = (max(1, mark.line), problem + during)
        case let .composer(context, problem, mark, _):
            let before = context.map { "\($0.text), " } ?? ""
            (line, statement) = (max(1, mark.line), before + problem)
        case let .reader(problem, offset, _, _):
            line = offset.map { offset in yaml.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
            statement = problem
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted()
            let mappingLine = max(1, context.mark.line)
            line = keys.first.flatMap { Self.secondLine(startingWith: $0 + ":", in: yaml, from: mappingLine) } ?? mappingLine
            statement = "duplicated key \(keys.map { "'\($0)'" }.joined(separator: ", "))"
        default:
            (line, statement) = (nil, "\(error)")
        }
    }

    /// The line, at or after `from`, where a second line starts with `prefix` after its
    /// indentation (Yams names only the mapping that holds a duplicated key, not the duplicate).
    static func secondLine(startingWith prefix: String, in yaml: String, from: Int) -> Int? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= from {
            guard line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(prefix) else { continue }
            seen += 1
            if seen == 2 { return index + 1 }
        }
        return nil
    }
}
