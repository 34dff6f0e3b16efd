/// Gives up on a server (a host and port) after it failed several URLs in a row without any
/// answer (timeouts, refused or failed connections, DNS), so that 5,000 links to a server that
/// never answers cost a few timeouts, not 5,000 of them. Any HTTP answer from the server resets
/// its count. Another port of the same host is another server: one may be down while another
/// answers. While a server's last URL failed so, no new URL of its host starts until those in
/// flight are done (``mayStart(host:inFlight:)``): the first round of failures decides.
///
/// ```swift
/// var health = HostHealth(limit: 3)
/// health.record(timedOut, server: "slow.org:443", host: "slow.org")   // three times
/// health.verdict(forServer: "slow.org:443", host: "slow.org")   // dead, "not requested: 'slow.org:443' failed 3 links in a row (…)"
/// ```
public struct HostHealth: Hashable, Sendable {
    /// Consecutive failures that make the server given up.
    public let limit: Int
    /// By host, its servers whose last URL failed without an answer, and how many in a row.
    private var failures: [String: [String: (count: Int, last: LinkCheckOutcome)]] = [:]

    public init(limit: Int = 3) {
        self.limit = max(1, limit)
    }

    /// Notes how a URL of `server` (a port of `host`) ended.
    public mutating func record(_ outcome: LinkCheckOutcome, server: String, host: String) {
        guard outcome.verdict == .dead, let failure = outcome.failure, !outcome.reachedServer || failure.kind == .timeout else {
            failures[host]?[server] = nil
            if failures[host]?.isEmpty == true { failures[host] = nil }
            return
        }
        failures[host, default: [:]][server] = ((failures[host]?[server]?.count ?? 0) + 1, outcome)
    }

    /// Whether another URL of `host` may start while `inFlight` of its URLs run: not while the
    /// last URL of one of its servers failed without an answer and others may still tell.
    public func mayStart(host: String, inFlight: Int) -> Bool {
        inFlight == 0 || failures[host] == nil
    }

    /// The outcome to give every further URL of `server` (a port of `host`) without a request,
    /// once it is given up; nil while it is not.
    public func verdict(forServer server: String, host: String) -> LinkCheckOutcome? {
        guard let (count, last) = failures[host]?[server], count >= limit else { return nil }
        var outcome = last
        outcome.status = nil
        outcome.finalURL = nil
        outcome.reason = "not requested: '\(server)' failed \(count) links in a row (last: \(last.reason ?? "no answer"))"
        return outcome
    }

    public static func == (a: HostHealth, b: HostHealth) -> Bool {
        a.limit == b.limit && a.failures.mapValues { $0.mapValues(\.count) } == b.failures.mapValues { $0.mapValues(\.count) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(limit)
        hasher.combine(failures.mapValues { $0.mapValues(\.count) })
    }
}
