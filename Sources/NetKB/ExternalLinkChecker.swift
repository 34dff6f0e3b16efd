import Foundation

/// Checks distinct URLs over an ``HTTPProbing`` port: each URL's ``LinkCheckSession`` driven to
/// its outcome (sleeping where it says), as many at once as ``HostScheduler`` allows, and none
/// more to a server that ``HostHealth`` gave up on.
public struct ExternalLinkChecker: Sendable {
    public let probe: any HTTPProbing
    public let options: ExternalCheckOptions

    public init(probe: any HTTPProbing, options: ExternalCheckOptions) {
        self.probe = probe
        self.options = options
    }

    /// The outcome of each of `urls`, in order. `progress` is called with the number done,
    /// after each URL, on the caller's task.
    public func check(_ urls: [ExternalURL], progress: (Int) -> Void = { _ in }) async -> [LinkCheckOutcome] {
        var scheduler = HostScheduler<Int>(maxInFlight: options.maxConcurrency, maxPerHost: options.maxPerHost)
        for (index, url) in urls.enumerated() { scheduler.add(index, host: url.hostKey) }
        var outcomes = [LinkCheckOutcome?](repeating: nil, count: urls.count)
        var health = HostHealth()
        await withTaskGroup(of: (Int, LinkCheckOutcome).self) { group in
            var done = 0
            while true {
                while let (index, host) = scheduler.nextToStart(allowing: { health.mayStart(host: $0, inFlight: $1) }) {
                    if let given = health.verdict(forServer: urls[index].serverKey, host: host) {
                        // The server failed its last URLs without answering: the rest are not sent.
                        outcomes[index] = given
                        scheduler.finished(host: host)
                        done += 1
                        progress(done)
                        continue
                    }
                    let url = urls[index]
                    group.addTask { (index, await self.check(url)) }
                }
                guard let (index, outcome) = await group.next() else { break }
                outcomes[index] = outcome
                health.record(outcome, server: urls[index].serverKey, host: urls[index].hostKey)
                scheduler.finished(host: urls[index].hostKey)
                done += 1
                progress(done)
            }
        }
        return outcomes.map { $0 ?? LinkCheckOutcome(verdict: .dead, reason: "not checked") }
    }

    /// One URL, from its first request to its outcome.
    public func check(_ url: ExternalURL) async -> LinkCheckOutcome {
        var session = LinkCheckSession(
            url: url, retryPolicy: RetryPolicy(maxRetries: options.retries), maxRedirects: options.maxRedirects,
            followsToPrivateHosts: options.includePrivate)
        var step = session.start()
        while true {
            switch step {
            case .finished(let outcome):
                return outcome
            case .request(let next, let method, let delay):
                if delay > 0 { try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000)) }
                let response = await probe.probe(next, method: method)
                step = session.next(after: response, now: Date().timeIntervalSince1970)
            }
        }
    }
}
