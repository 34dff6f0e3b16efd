/// What `check --external` found: every distinct URL with its verdict, and the counts the
/// summary prints.
public struct ExternalCheckReport: Sendable {
    /// Every distinct URL, in the order first cited (path, line, column).
    public var targets: [ExternalLinkTarget]
    /// Why fresh results could not be recorded, when they could not (a read-only index).
    public var cacheWarning: String?

    public init(targets: [ExternalLinkTarget], cacheWarning: String? = nil) {
        self.targets = targets
        self.cacheWarning = cacheWarning
    }

    /// How many distinct URLs got `verdict`.
    public func count(_ verdict: LinkVerdict) -> Int {
        targets.reduce(0) { $0 + ($1.outcome?.verdict == verdict ? 1 : 0) }
    }

    /// How many distinct URLs were answered from the cache.
    public var cached: Int { targets.reduce(0) { $0 + ($1.fromCache ? 1 : 0) } }

    /// How many citations were checked (not skipped).
    public var checkedCitations: Int {
        targets.reduce(0) { $0 + ($1.outcome?.verdict == .skipped ? 0 : $1.citations.count) }
    }
}
