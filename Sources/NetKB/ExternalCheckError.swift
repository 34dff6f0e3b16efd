/// Why `check --external` could not give verdicts.
public enum ExternalCheckError: Error, CustomStringConvertible, Sendable {
    /// No host could be resolved or connected to; nothing from the run was cached.
    case networkUnreachable(hosts: Int, example: String)
    /// An `--exclude` pattern that does not compile.
    case badPattern(String)
    /// An `exclude` pattern whose search of one URL took more than `seconds` of processor time.
    case slowPattern(source: String, pattern: String, url: String, seconds: Double)

    public var description: String {
        switch self {
        case .networkUnreachable(let hosts, let example):
            "the network is unreachable: none of the \(hosts == 1 ? "host" : "\(hosts) hosts") could be resolved or connected to (\(example)); external links were not checked and nothing was cached"
        case .badPattern(let text): text
        case .slowPattern(let source, let pattern, let url, let seconds):
            "\(source): the pattern '\(pattern.shortened(toCharacters: 100))' took over \(Int(seconds)) s of processor time to search '\(url.shortened(toCharacters: 100))' and was stopped: a pattern that nests repeats, such as (a+)+, can take hours; write it without the nesting"
        }
    }
}
