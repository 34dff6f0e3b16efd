/// The checking of one URL as a pure state machine: it says which request to send (and how
/// long to wait first), reads each response, and ends with a ``LinkCheckOutcome``. The caller
/// only sends requests and sleeps, so every rule (HEAD then GET, redirects, retries) is here
/// and tested without a network.
///
/// ```swift
/// var session = LinkCheckSession(url: url)
/// var step = session.start()
/// while case .request(let next, let method, let delay) = step {
///     // sleep `delay` seconds, then:
///     step = session.next(after: await probe.probe(next, method: method), now: clock())
/// }
/// ```
///
/// Rules:
/// - HEAD first; GET when the server refuses HEAD (403, 405, 501).
/// - 301, 302, 303, 307 and 308 (and 300 with a `Location`) are followed, from HEAD again, up
///   to ``maxRedirects`` hops; a hop to a URL already in the chain is a loop; a hop to a
///   scheme other than http(s) or to a malformed URL ends the check. 301 and 308 make the
///   verdict ``LinkVerdict/moved``. A hop to a private or reserved host (see ``PrivateHosts``)
///   is not followed unless ``followsToPrivateHosts``: the link is ``LinkVerdict/unverified``.
/// - 429, 5xx (but 501) and timeouts are retried as ``RetryPolicy`` says, at most its
///   `maxRetries` times for the URL in all. A 429 that outlasts them is
///   ``LinkVerdict/unverified``.
/// - 2xx (and 304) is alive; any other status is dead.
public struct LinkCheckSession: Hashable, Sendable {
    /// What to do next.
    public enum Step: Hashable, Sendable {
        /// Send `method` to `url` after waiting `delay` seconds.
        case request(ExternalURL, ProbeMethod, delay: Double)
        case finished(LinkCheckOutcome)
    }

    public let url: ExternalURL
    public let retryPolicy: RetryPolicy
    public let maxRedirects: Int
    /// Whether redirects to private or reserved hosts are followed (`--include-private`).
    public let followsToPrivateHosts: Bool
    public private(set) var current: ExternalURL
    public private(set) var method = ProbeMethod.head
    public private(set) var retries = 0
    /// The request URLs visited, the first one first.
    public private(set) var chain: [String]
    private var permanent = false
    private var reached = false

    public init(url: ExternalURL, retryPolicy: RetryPolicy = RetryPolicy(), maxRedirects: Int = 10, followsToPrivateHosts: Bool = false) {
        self.url = url
        self.retryPolicy = retryPolicy
        self.maxRedirects = maxRedirects
        self.followsToPrivateHosts = followsToPrivateHosts
        current = url
        chain = [url.requestURL]
    }

    /// The first request.
    public func start() -> Step { .request(url, .head, delay: 0) }

    /// The step after `response`; `now` (Unix seconds) reads a `Retry-After` date.
    public mutating func next(after response: ProbeResponse, now: Double) -> Step {
        switch response {
        case .failure(let failure):
            if !failure.neverReachedHost { reached = true }
            if failure.isRetryable, let delay = retryPolicy.delay(beforeRetry: retries + 1, retryAfter: nil) {
                retries += 1
                return .request(current, method, delay: delay)
            }
            return .finished(LinkCheckOutcome(
                verdict: .dead, finalURL: redirectedTo, reason: failure.detail + attemptsNote + whereNote,
                failure: failure, reachedServer: reached))
        case .status(let code, let location, let retryAfter):
            reached = true
            return step(code: code, location: location, retryAfter: retryAfter, now: now)
        }
    }

    private mutating func step(code: Int, location: String?, retryAfter: String?, now: Double) -> Step {
        if method == .head, code == 403 || code == 405 || code == 501 {
            method = .get
            return .request(current, .get, delay: 0)
        }
        if RetryPolicy.isRetryable(.status(code)) {
            let asked = retryAfter.flatMap { RetryAfter.seconds($0, now: now) }
            if let delay = retryPolicy.delay(beforeRetry: retries + 1, retryAfter: asked) {
                retries += 1
                return .request(current, method, delay: delay)
            }
            var reason = HTTPStatus.text(code) + attemptsNote
            if let asked, asked > retryPolicy.longestWait, retries < retryPolicy.maxRetries {
                reason += " (the server asks to wait \(Int(asked.rounded())) s; netkb waits at most \(Int(retryPolicy.longestWait)) s)"
            }
            return .finished(LinkCheckOutcome(
                verdict: code == 429 ? .unverified : .dead, status: code, finalURL: redirectedTo, reason: reason + whereNote))
        }
        if [301, 302, 303, 307, 308].contains(code) || (code == 300 && location != nil) {
            return redirect(code: code, location: location)
        }
        if (200...299).contains(code) || code == 304 {
            guard let final = redirectedTo else { return .finished(LinkCheckOutcome(verdict: .alive, status: code)) }
            if permanent {
                return .finished(LinkCheckOutcome(
                    verdict: .moved, status: code, finalURL: final, reason: "permanently redirected to '\(final)'"))
            }
            return .finished(LinkCheckOutcome(verdict: .redirected, status: code, finalURL: final))
        }
        return .finished(LinkCheckOutcome(verdict: .dead, status: code, finalURL: redirectedTo, reason: HTTPStatus.text(code) + whereNote))
    }

    private mutating func redirect(code: Int, location: String?) -> Step {
        func problem(_ reason: String) -> Step {
            var outcome = LinkCheckOutcome(verdict: .dead, status: code, finalURL: redirectedTo, reason: reason)
            outcome.isRedirectProblem = true
            return .finished(outcome)
        }
        guard let location, !location.trimmingSurroundingWhitespace().isEmpty else {
            return problem("\(HTTPStatus.text(code)) without a Location header")
        }
        guard chain.count <= maxRedirects else {
            return problem("more than \(maxRedirects) redirects")
        }
        switch current.resolving(location) {
        case .otherScheme(let scheme):
            return problem("redirected (\(code)) to '\(location)', a \(scheme): URL; only http and https are followed")
        case .invalid(let message):
            return problem("redirected (\(code)) to '\(location)', which is \(message)")
        case .url(let next):
            let target = next.requestURL
            if chain.contains(target) {
                return problem("redirect loop: " + (chain + [target]).joined(separator: " → "))
            }
            if !followsToPrivateHosts, let why = PrivateHosts.reasonToSkip(next.host) {
                // Never sent from a public page into the user's own network.
                return .finished(LinkCheckOutcome(
                    verdict: .unverified, status: code, finalURL: target,
                    reason: "redirected (\(code)) to '\(target)', \(why): not followed (--include-private follows it)"))
            }
            chain.append(target)
            if code == 301 || code == 308 { permanent = true }
            current = next
            method = .head
            return .request(next, .head, delay: 0)
        }
    }

    /// The last URL of the chain, when redirects were followed.
    private var redirectedTo: String? { chain.count > 1 ? chain.last : nil }

    /// ` (tried 4 times)` after retries.
    private var attemptsNote: String { retries > 0 ? " (tried \(retries + 1) times)" : "" }

    /// ` at 'URL'` when the answer came from where redirects led.
    private var whereNote: String { redirectedTo.map { " at '\($0)'" } ?? "" }
}
