/// Why `check --external` could not give verdicts.
public enum ExternalCheckError: Error, CustomStringConvertible, Sendable {
    /// No host could be resolved or connected to; nothing from the run was cached.
    case networkUnreachable(hosts: Int, example: String)
    /// An `--exclude` pattern that does not compile.
    case badPattern(String)

    public var description: String {
        switch self {
        case .networkUnreachable(let hosts, let example):
            "the network is unreachable: none of the \(hosts == 1 ? "host" : "\(hosts) hosts") could be resolved or connected to (\(example)); external links were not checked and nothing was cached"
        case .badPattern(let text): text
        }
    }
}
