/// Whether a run's failures say the network itself is down (on a plane, in a sandbox) rather
/// than that some links are dead.
///
/// The network counts as unreachable when no server answered anything, every check failed
/// to resolve or connect (see ``TransportFailure/neverReachedHost``), and either the kernel
/// said so (`ENETUNREACH`) or at least two different hosts failed alike. One host that fails
/// DNS among others that answer is one dead link.
///
/// A run that checks only what the cache could not answer (the failures of last time) may see
/// nothing but failures on a working network: then a few URLs that answered before
/// (``canaries(among:limit:)``) are requested once more, and any answer clears the network.
public enum NetworkReachability {
    /// One URL's check, as far as reachability goes.
    public struct Attempt: Hashable, Sendable {
        /// The host the check started at (see ``ExternalURL/hostKey``).
        public var host: String
        public var outcome: LinkCheckOutcome

        public init(host: String, outcome: LinkCheckOutcome) {
            self.host = host
            self.outcome = outcome
        }
    }

    /// Whether `attempts` (the URLs checked over the network in one run) show no network.
    public static func isUnreachable(_ attempts: [Attempt]) -> Bool {
        guard !attempts.isEmpty else { return false }
        for attempt in attempts {
            guard !attempt.outcome.reachedServer, attempt.outcome.failure?.neverReachedHost == true else { return false }
        }
        if attempts.contains(where: { $0.outcome.failure?.kind == .networkUnreachable }) { return true }
        return Set(attempts.map(\.host)).count >= 2
    }

    /// Up to `limit` URLs that answered before (from the cache: alive, redirected or moved),
    /// on different hosts, to ask whether the network works now.
    public static func canaries(among cached: [(url: ExternalURL, outcome: LinkCheckOutcome)], limit: Int = 3) -> [ExternalURL] {
        var hosts = Set<String>()
        var picked: [ExternalURL] = []
        for (url, outcome) in cached where picked.count < limit && [.alive, .redirected, .moved].contains(outcome.verdict) {
            guard hosts.insert(url.hostKey).inserted else { continue }
            picked.append(url)
        }
        return picked
    }
}
