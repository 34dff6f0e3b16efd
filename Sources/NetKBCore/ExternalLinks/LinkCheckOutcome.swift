/// The verdict on one external URL, with what backs it.
public struct LinkCheckOutcome: Hashable, Sendable {
    public var verdict: LinkVerdict
    /// The last HTTP status received, if any.
    public var status: Int?
    /// Where redirects led, when there were any.
    public var finalURL: String?
    /// A sentence for the report (`404 Not Found`, `permanently redirected to '…'`); nil when alive.
    public var reason: String?
    /// The network failure the check ended on, if it did.
    public var failure: TransportFailure?
    /// Whether any server answered: an HTTP response, or a connection that failed later.
    public var reachedServer: Bool

    public init(
        verdict: LinkVerdict, status: Int? = nil, finalURL: String? = nil, reason: String? = nil,
        failure: TransportFailure? = nil, reachedServer: Bool = true
    ) {
        self.verdict = verdict
        self.status = status
        self.finalURL = finalURL
        self.reason = reason
        self.failure = failure
        self.reachedServer = reachedServer
    }

    /// A URL that was not checked, and why.
    public static func skipped(_ reason: String) -> LinkCheckOutcome {
        LinkCheckOutcome(verdict: .skipped, reason: reason, reachedServer: false)
    }

    /// Whether this outcome may be kept in the cache and reused: answers that will not change
    /// in a day (2xx after any redirects, 4xx but 429). Network failures, timeouts, 5xx, rate
    /// limits and bad redirects may be passing trouble, and are checked again next time.
    public var isCacheable: Bool {
        switch verdict {
        case .alive, .redirected, .moved: true
        case .dead: failure == nil && status.map { (400...499).contains($0) && $0 != 429 } == true && !isRedirectProblem
        case .unverified, .skipped: false
        }
    }

    /// Set by the checker for a dead link whose redirects went wrong (a loop, too many, another scheme).
    public var isRedirectProblem = false
}
