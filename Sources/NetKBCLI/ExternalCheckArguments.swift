import ArgumentParser
import NetKB

/// The options of `check --external`.
struct ExternalCheckArguments: ParsableArguments {
    @Flag(help: "Also check every http(s) link over the network.")
    var external = false

    @Flag(help: "Check only the http(s) links, not the internal ones (implies --external).")
    var onlyExternal = false

    @Option(parsing: .unconditional, help: ArgumentHelp("How long a cached verdict is trusted: 1d, 12h, 30m, 0 (default 1d).", valueName: "duration"))
    var cacheAge: String?

    @Flag(help: "Check every URL anew, whatever the cache holds (the results are still cached).")
    var noCache = false

    @Flag(help: "Do not warn about permanent redirects (301, 308).")
    var allowRedirects = false

    @Flag(help: "Check localhost, loopback and private addresses and reserved names (example.com, .test, .local) too.")
    var includePrivate = false

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp("Skip URLs this regular expression matches (repeatable; also exclude: in .netkb/config.yml).", valueName: "regex"))
    var exclude: [String] = []

    @Option(parsing: .unconditional, help: ArgumentHelp("Time to wait for a connection (default 5s).", valueName: "duration"))
    var connectTimeout: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Time for a whole request (default 20s).", valueName: "duration"))
    var timeout: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Requests in flight at once (default 32).", valueName: "n"))
    var maxConcurrency: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Requests in flight at once to one host (default 4).", valueName: "n"))
    var maxPerHost: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Retries on 429, 5xx and timeouts (default 3).", valueName: "n"))
    var retries: Int?

    /// Whether the external check runs.
    var checksExternal: Bool { external || onlyExternal }

    func validate() throws {
        _ = try resolved()
        if !checksExternal, let option = givenExternalOption {
            throw ValidationError("\(option) is an option of the external check: add --external")
        }
    }

    /// The first external-only option given, for the error when --external is not.
    private var givenExternalOption: String? {
        let given: [(Bool, String)] = [
            (cacheAge != nil, "--cache-age"), (noCache, "--no-cache"), (allowRedirects, "--allow-redirects"),
            (includePrivate, "--include-private"), (!exclude.isEmpty, "--exclude"), (connectTimeout != nil, "--connect-timeout"),
            (timeout != nil, "--timeout"), (maxConcurrency != nil, "--max-concurrency"), (maxPerHost != nil, "--max-per-host"),
            (retries != nil, "--retries"),
        ]
        return given.first { $0.0 }?.1
    }

    /// The options as the use case takes them; a ``ValidationError`` for a value out of range.
    func resolved() throws -> ExternalCheckOptions {
        var options = ExternalCheckOptions()
        options.includePrivate = includePrivate
        options.usesCache = !noCache
        if let cacheAge { options.cacheAge = try Self.duration(cacheAge, option: "--cache-age", allowsZero: true) }
        if let connectTimeout { options.connectTimeout = try Self.duration(connectTimeout, option: "--connect-timeout", allowsZero: false) }
        if let timeout { options.requestTimeout = try Self.duration(timeout, option: "--timeout", allowsZero: false) }
        if let maxConcurrency { options.maxConcurrency = try Self.count(maxConcurrency, option: "--max-concurrency", in: 1...1024) }
        if let maxPerHost { options.maxPerHost = try Self.count(maxPerHost, option: "--max-per-host", in: 1...64) }
        if let retries { options.retries = try Self.count(retries, option: "--retries", in: 0...10) }
        if exclude.contains(where: \.isEmpty) {
            throw ValidationError("--exclude: an empty pattern would match every URL")
        }
        do {
            _ = try URLExclusions(exclude.map { ($0, "--exclude") })
        } catch {
            throw ValidationError(TerminalText.escaped(error.description))
        }
        options.excludePatterns = exclude
        return options
    }

    static func duration(_ text: String, option: String, allowsZero: Bool) throws -> Double {
        guard let seconds = TimeSpan.seconds(parsing: text) else {
            throw ValidationError("\(option) '\(TerminalText.escaped(text))' is not a duration: write it like 1d, 12h, 30m, 20s or 500ms")
        }
        guard allowsZero || seconds > 0 else { throw ValidationError("\(option) must be longer than 0") }
        guard seconds <= (allowsZero ? 3_650 * 86_400 : 3_600) else {
            throw ValidationError("\(option) '\(TerminalText.escaped(text))' is too long (at most \(allowsZero ? "3650d" : "1h"))")
        }
        return seconds
    }

    static func count(_ value: Int, option: String, in range: ClosedRange<Int>) throws -> Int {
        guard range.contains(value) else {
            throw ValidationError("\(option) must be from \(range.lowerBound) to \(range.upperBound) (got \(value))")
        }
        return value
    }
}
