/// How `check --external` checks: its limits, what it skips, how it uses the cache. The
/// defaults are the documented ones.
public struct ExternalCheckOptions: Hashable, Sendable {
    /// Check private and loopback addresses and reserved names too (`--include-private`).
    public var includePrivate = false
    /// `--exclude` patterns (Swift `Regex`), on top of `exclude:` in `.netkb/config.yml`.
    public var excludePatterns: [String] = []
    /// Use cached verdicts younger than ``cacheAge`` (`--no-cache` turns this off; fresh
    /// results are recorded either way).
    public var usesCache = true
    /// Seconds a cached verdict is trusted (`--cache-age`, default one day).
    public var cacheAge: Double = 86_400
    /// Seconds to wait for a connection (`--connect-timeout`).
    public var connectTimeout: Double = 5
    /// Seconds for a whole exchange (`--timeout`).
    public var requestTimeout: Double = 20
    /// Requests in flight at once (`--max-concurrency`).
    public var maxConcurrency = 32
    /// Requests in flight at once to one host (`--max-per-host`).
    public var maxPerHost = 4
    /// Retries on 429, 5xx and timeouts (`--retries`).
    public var retries = 3
    /// Redirects followed before giving up.
    public var maxRedirects = 10

    public init() {}

    /// The User-Agent every request carries: netkb, its version, and what it is doing.
    public static var userAgent: String { "netkb/\(NetKBVersion.current) (+link checker)" }
}
