/// Why `check --external` could not give verdicts.
public enum ExternalCheckError: Error, CustomStringConvertible, Sendable {
    /// No host could be resolved or connected to; nothing from the run was cached.
    case networkUnreachable(hosts: Int, example: String)
    /// An `--exclude` pattern that does not compile.
    case badPattern(String)
    /// An `exclude` pattern whose search of one URL took longer than `seconds`.
    case slowPattern(source: String, pattern: String, url: String, seconds: Double)

    /// At most 100 characters of `text`.
    static func shortened(_ text: String) -> String {
        text.count <= 100 ? text : text.prefix(99) + "…"
    }

    public var description: String {
        switch self {
        case .networkUnreachable(let hosts, let example):
            "the network is unreachable: none of the \(hosts == 1 ? "host" : "\(hosts) hosts") could be resolved or connected to (\(example)); external links were not checked and nothing was cached"
        case .badPattern(let text): text
        case .slowPattern(let source, let pattern, let url, let seconds):
            "\(source): the pattern '\(Self.shortened(pattern))' took over \(Int(seconds)) s to search '\(Self.shortened(url))' and was stopped: a pattern that nests repeats, such as (a+)+, can take hours; write it without the nesting"
        }
    }
}
