import NetKBCore
import Yams

/// Reads a notes folder's `.netkb/config.yml` into a ``NetKBCore/NotesConfig``; every mistake
/// is a ``NetKBCore/NotesConfigError`` naming the file and line, and nothing is half-read.
///
/// ```yaml
/// repo-url: https://github.com/kim/net-notes   # optional
/// exclude:                                      # optional; one pattern may stand alone
///   - ^https://localhost
///   - example\.com/private/
/// ```
///
/// An empty file (or one with only comments) is ``NetKBCore/NotesConfig/empty``; so is a key
/// with no value. Refused: files over ``maximumBytes``, text that is not UTF-8, invalid YAML,
/// anything but a mapping at the top, unknown keys, values of the wrong shape, a `repo-url`
/// other than `https://github.com/OWNER/REPO`, a pattern that is not a valid `Regex`, and YAML
/// anchors and aliases (`&name`, `*name`), which settings never need and which can make a
/// small file expand into a huge tree. The file is optional: the caller reads it, if it is there.
public enum NotesConfigReader {
    /// The largest config file read: 64 KiB.
    public static let maximumBytes = 64 * 1024

    /// The keys a config file may hold, in the order they are documented.
    public static let keys = ["repo-url", "exclude"]

    /// Reads a file's bytes; a UTF-8 byte-order mark is dropped.
    public static func read(_ bytes: [UInt8], file: String) throws(NotesConfigError) -> NotesConfig {
        try read(try SettingsFileText.decode(bytes, file: file, maximumBytes: maximumBytes), file: file)
    }

    /// Reads a file's text.
    public static func read(_ yaml: String, file: String) throws(NotesConfigError) -> NotesConfig {
        guard yaml.utf8.count <= maximumBytes else { throw tooLarge(file) }
        if let line = YAMLAliasScan.firstAnchorOrAlias(in: yaml) {
            throw NotesConfigError(
                file: file, line: line, message: "YAML anchors and aliases (&name, *name) are not allowed in a config file")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, YAMLScalarTags.resolver, .default, .utf8)
        } catch {
            let problem = YAMLProblem(error, yaml: yaml)
            throw NotesConfigError(file: file, line: problem.line ?? 1, message: "invalid YAML: \(problem.statement)")
        }
        guard let root, root.null == nil else { return .empty }
        func error(_ node: Node, _ message: String) -> NotesConfigError {
            NotesConfigError(file: file, line: max(1, node.mark?.line ?? 1), message: message)
        }
        guard case .mapping(let mapping) = root else {
            throw error(root, "a config file is a mapping of settings such as 'repo-url: https://github.com/OWNER/REPO'")
        }

        var config = NotesConfig.empty
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else { throw error(key, "a key must be a plain name") }
            switch scalar.string {
            case "repo-url":
                guard value.null == nil else { continue }
                guard case .scalar(let url) = value else {
                    throw error(value, "'repo-url' must be a single URL, https://github.com/OWNER/REPO")
                }
                guard RepositoryURL(url.string) != nil else {
                    throw error(value, "'repo-url' must be a GitHub repository URL, https://github.com/OWNER/REPO (got '\(url.string)')")
                }
                config.repoURL = url.string.trimmingWhitespace()
            case "exclude":
                config.exclude = try patterns(in: value, error: error)
            case let other:
                throw error(key, "unknown key '\(other)'\(suggestion(for: other))")
            }
        }
        return config
    }

    /// The regular expressions of `exclude` and their lines: a list, or one pattern on its own;
    /// each must compile.
    private static func patterns(
        in value: Node, error: (Node, String) -> NotesConfigError
    ) throws(NotesConfigError) -> [NotesConfig.Exclusion] {
        let items: [Node]
        switch value {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = value.null == nil ? [value] : []
        default: throw error(value, "'exclude' must be a list of regular expressions")
        }
        var patterns: [NotesConfig.Exclusion] = []
        for item in items {
            guard case .scalar(let scalar) = item, item.null == nil else {
                throw error(item, "each 'exclude' entry must be one regular expression")
            }
            let pattern = scalar.string
            guard !pattern.isEmpty else { throw error(item, "an 'exclude' pattern is empty (it would match every URL)") }
            do {
                _ = try Regex(pattern)
            } catch let regexError {
                throw error(item, "'exclude' pattern '\(pattern)' is not a valid regular expression: \(regexError)")
            }
            patterns.append(NotesConfig.Exclusion(pattern: pattern, line: max(1, item.mark?.line ?? 1)))
        }
        return patterns
    }

    /// ` (did you mean 'exclude'?)` for a key close to a known one, else the list of keys.
    private static func suggestion(for key: String) -> String {
        if keys.contains(key.lowercased()) { return " (did you mean '\(key.lowercased())'?)" }
        if let close = EditDistance.closest(to: key.lowercased(), among: keys) { return " (did you mean '\(close)'?)" }
        return " (known keys: \(keys.joined(separator: ", ")))"
    }

    private static func tooLarge(_ file: String) -> NotesConfigError {
        SettingsFileText.tooLarge(file, maximumBytes: maximumBytes)
    }
}
