/// Gives up on a host after it failed several URLs in a row without any answer (timeouts,
/// refused or failed connections, DNS), so that 5,000 links to a host that never answers cost
/// a few timeouts, not 5,000 of them. Any HTTP answer from the host resets its count. While a
/// host's last URL failed so, no new URL of it starts until those in flight are done
/// (``mayStart(host:inFlight:)``): the first round of failures decides.
///
/// ```swift
/// var health = HostHealth(limit: 3)
/// health.record(timedOut, host: "slow.org")   // three times
/// health.verdict(forHost: "slow.org")         // dead, "not requested: 'slow.org' failed 3 links in a row (…)"
/// ```
public struct HostHealth: Hashable, Sendable {
    /// Consecutive failures that make the host given up.
    public let limit: Int
    private var failures: [String: (count: Int, last: LinkCheckOutcome)] = [:]

    public init(limit: Int = 3) {
        self.limit = max(1, limit)
    }

    /// Notes how a URL of `host` ended.
    public mutating func record(_ outcome: LinkCheckOutcome, host: String) {
        guard outcome.verdict == .dead, let failure = outcome.failure, !outcome.reachedServer || failure.kind == .timeout else {
            failures[host] = nil
            return
        }
        failures[host] = ((failures[host]?.count ?? 0) + 1, outcome)
    }

    /// Whether another URL of `host` may start while `inFlight` of its URLs run: not while its
    /// last URL failed without an answer and others may still tell.
    public func mayStart(host: String, inFlight: Int) -> Bool {
        inFlight == 0 || failures[host] == nil
    }

    /// The outcome to give every further URL of `host` without a request, once it is given up;
    /// nil while it is not.
    public func verdict(forHost host: String) -> LinkCheckOutcome? {
        guard let (count, last) = failures[host], count >= limit else { return nil }
        var outcome = last
        outcome.status = nil
        outcome.finalURL = nil
        outcome.reason = "not requested: '\(host)' failed \(count) links in a row (last: \(last.reason ?? "no answer"))"
        return outcome
    }

    public static func == (a: HostHealth, b: HostHealth) -> Bool {
        a.limit == b.limit && a.failures.mapValues(\.count) == b.failures.mapValues(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(limit)
        hasher.combine(failures.mapValues(\.count))
    }
}
