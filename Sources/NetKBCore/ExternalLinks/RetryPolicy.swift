/// When to try a URL again: on 429, on 5xx (but 501, which says the method will never work),
/// and on timeouts; at most ``maxRetries`` times, waiting ``baseDelay`` × 2ⁿ (0.5 s, 1 s, 2 s)
/// or what `Retry-After` asks, if that is no longer than ``longestWait``.
///
/// ```swift
/// let policy = RetryPolicy()
/// policy.delay(beforeRetry: 1, retryAfter: nil)   // 0.5
/// policy.delay(beforeRetry: 3, retryAfter: 1)     // 1
/// policy.delay(beforeRetry: 4, retryAfter: nil)   // nil: three retries are all
/// ```
public struct RetryPolicy: Hashable, Sendable {
    /// Retries after the first attempt (`--retries`, default 3).
    public var maxRetries: Int
    /// The wait before the first retry, in seconds; doubled for each next one.
    public var baseDelay: Double
    /// The longest `Retry-After` honoured, in seconds: a server that asks for more is not
    /// waited for, and its answer stands.
    public var longestWait: Double

    public init(maxRetries: Int = 3, baseDelay: Double = 0.5, longestWait: Double = 60) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.longestWait = longestWait
    }

    /// Whether a response is worth another try.
    public static func isRetryable(_ response: ProbeResponse) -> Bool {
        switch response {
        case .status(let code, _, _): code == 429 || ((500...599).contains(code) && code != 501)
        case .failure(let failure): failure.isRetryable
        }
    }

    /// Seconds to wait before retry number `retry` (1-based), given the seconds a `Retry-After`
    /// asked for; nil when no retry is left or the server asks for too long a wait.
    public func delay(beforeRetry retry: Int, retryAfter: Double?) -> Double? {
        guard retry >= 1, retry <= maxRetries else { return nil }
        if let retryAfter {
            guard retryAfter <= longestWait else { return nil }
            return max(0, retryAfter)
        }
        return min(longestWait, baseDelay * Double(1 << min(retry - 1, 30)))
    }
}
