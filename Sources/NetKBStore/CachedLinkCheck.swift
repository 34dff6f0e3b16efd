import NetKBCore

/// A cached verdict on one URL (see ``LinkCheckOutcome/isCacheable``).
public struct CachedLinkCheck: Hashable, Sendable {
    /// The URL as requested (``ExternalURL/requestURL``).
    public var url: String
    public var outcome: LinkCheckOutcome
    /// When it was checked, in Unix seconds.
    public var checkedAt: Double

    public init(url: String, outcome: LinkCheckOutcome, checkedAt: Double) {
        self.url = url
        self.outcome = outcome
        self.checkedAt = checkedAt
    }
}
