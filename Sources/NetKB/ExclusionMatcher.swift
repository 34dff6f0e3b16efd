import Foundation
import NetKBCore

/// Runs the `exclude` patterns over URLs on a thread of their own, and gives up with
/// ``ExternalCheckError/slowPattern(source:pattern:url:seconds:)`` when one search takes longer
/// than its limit. Swift's `Regex` backtracks: `(a+)+$` takes hours on a URL of 40 letters, and
/// a config file that comes with shared notes must not hang a CI job. The thread of a search
/// given up on runs on until the process ends; the command ends with the error.
final class ExclusionMatcher: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`: the search under way and when it started, and the answers.
    private var current: (pattern: String, source: String, url: String, started: Date)?
    private var answers: [Int: String]?

    /// For each entry of `urls` that a pattern is found in, its index and the pattern as
    /// ``URLExclusions/match(_:)`` names it.
    static func matches(
        patterns: [(pattern: String, source: String)], urls: [[String]], limit: TimeInterval = 2
    ) throws -> [Int: String] {
        let matcher = ExclusionMatcher()
        let thread = Thread { [matcher] in
            // Compiled again here: a compiled Regex does not cross threads. The caller has
            // compiled them once already, so none fails.
            let exclusions = try? URLExclusions(patterns)
            var found: [Int: String] = [:]
            for (index, candidates) in urls.enumerated() {
                let match = exclusions?.match(candidates) { pattern, source, url in
                    matcher.condition.withLock { matcher.current = (pattern, source, url, Date()) }
                }
                if let match { found[index] = match }
            }
            matcher.condition.withLock {
                matcher.answers = found
                matcher.condition.broadcast()
            }
        }
        thread.start()
        matcher.condition.lock()
        defer { matcher.condition.unlock() }
        while true {
            if let answers = matcher.answers { return answers }
            if let search = matcher.current, Date().timeIntervalSince(search.started) > limit {
                throw ExternalCheckError.slowPattern(source: search.source, pattern: search.pattern, url: search.url, seconds: limit)
            }
            _ = matcher.condition.wait(until: Date().addingTimeInterval(0.05))
        }
    }
}
