/// The `--exclude` patterns and the `exclude:` list of `.netkb/config.yml`: regular expressions
/// (Swift `Regex` syntax) searched for anywhere in a URL, as written and as requested; a URL
/// one of them matches is skipped.
///
/// ```swift
/// let exclusions = try URLExclusions([("^https://intranet\\.", "--exclude")])
/// exclusions.match("https://intranet.corp/x")   // "--exclude '^https://intranet\\.'"
/// ```
///
/// Compiled once per run; not `Sendable`, since a compiled `Regex` of any output is not.
public struct URLExclusions {
    public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
        /// Where the pattern came from (`--exclude`, `.netkb/config.yml:3`).
        public var source: String
        public var pattern: String
        public var problem: String
        public var description: String { "\(source): '\(pattern)' is not a valid regular expression: \(problem)" }
    }

    private var patterns: [(regex: Regex<AnyRegexOutput>, pattern: String, source: String)] = []

    /// Compiles each pattern; the first that does not compile is an error naming its source.
    public init(_ patterns: [(pattern: String, source: String)]) throws(PatternError) {
        for (pattern, source) in patterns {
            do {
                self.patterns.append((try Regex(pattern), pattern, source))
            } catch {
                throw PatternError(source: source, pattern: pattern, problem: "\(error)")
            }
        }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// The first pattern found in any of `urls`, as `source 'pattern'`; nil when none is.
    public func match(_ urls: String...) -> String? { match(urls) }

    public func match(_ urls: [String]) -> String? { match(urls) { _, _, _ in } }

    /// ``match(_:)``, calling `willSearch` with each pattern, its source and the URL before
    /// searching it: a watch can tell which search runs too long.
    public func match(_ urls: [String], willSearch: (_ pattern: String, _ source: String, _ url: String) -> Void) -> String? {
        for entry in patterns {
            for url in urls {
                willSearch(entry.pattern, entry.source, url)
                if url.firstMatch(of: entry.regex) != nil { return "\(entry.source) '\(entry.pattern)'" }
            }
        }
        return nil
    }
}
