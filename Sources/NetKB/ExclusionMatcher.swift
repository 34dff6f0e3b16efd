import Foundation
import NetKBCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `exclude` patterns over URLs on a thread of their own, and gives up with
/// ``ExternalCheckError/slowPattern(source:pattern:url:seconds:)`` when one search takes more
/// than its limit of that thread's processor time (so that a loaded machine, which only
/// delays the thread, does not stop a good pattern). Swift's `Regex` backtracks: `(a+)+$` takes
/// hours on a URL of 40 letters, and a config file that comes with shared notes must not hang
/// a CI job. The thread of a search given up on runs on until the process ends; the command
/// ends with the error.
final class ExclusionMatcher: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`: the worker's processor-time clock, the search under way and the
    /// worker's processor time when it started, and what the worker found.
    private var clock: clockid_t?
    private var current: (pattern: String, source: String, url: String, started: Double)?
    private var outcome: Result<[Int: String], URLExclusions.PatternError>?

    /// For each entry of `urls` that a pattern is found in, its index and the pattern as
    /// ``URLExclusions/match(_:)`` names it. A pattern that does not compile is
    /// ``ExternalCheckError/badPattern(_:)``.
    static func matches(
        patterns: [(pattern: String, source: String)], urls: [[String]], limit: Double = 2
    ) throws -> [Int: String] {
        let matcher = ExclusionMatcher()
        let thread = Thread { [matcher] in
            var own = clockid_t()
            let hasClock = pthread_getcpuclockid(pthread_self(), &own) == 0
            matcher.condition.withLock { matcher.clock = hasClock ? own : nil }
            let outcome: Result<[Int: String], URLExclusions.PatternError>
            do throws(URLExclusions.PatternError) {
                // Compiled here: a compiled Regex does not cross threads.
                let exclusions = try URLExclusions(patterns)
                var found: [Int: String] = [:]
                for (index, candidates) in urls.enumerated() {
                    let match = exclusions.match(candidates) { pattern, source, url in
                        let started = hasClock ? Self.seconds(on: own) : 0
                        matcher.condition.withLock { matcher.current = (pattern, source, url, started) }
                    }
                    if let match { found[index] = match }
                }
                outcome = .success(found)
            } catch {
                outcome = .failure(error)
            }
            matcher.condition.withLock {
                matcher.outcome = outcome
                matcher.condition.broadcast()
            }
        }
        thread.start()
        matcher.condition.lock()
        defer { matcher.condition.unlock() }
        while true {
            switch matcher.outcome {
            case .success(let found): return found
            case .failure(let error): throw ExternalCheckError.badPattern(error.description)
            case nil: break
            }
            if let clock = matcher.clock, let search = matcher.current, Self.seconds(on: clock) - search.started > limit {
                throw ExternalCheckError.slowPattern(source: search.source, pattern: search.pattern, url: search.url, seconds: limit)
            }
            _ = matcher.condition.wait(until: Date().addingTimeInterval(0.05))
        }
    }

    /// The seconds `clock` reads.
    private static func seconds(on clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
