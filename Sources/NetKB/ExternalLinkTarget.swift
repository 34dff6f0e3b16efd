import NetKBStore

/// One distinct URL of the notes, the citations of it, and what the check found.
public struct ExternalLinkTarget: Hashable, Sendable {
    /// The URL as requested, or the text as written when it is no valid URL.
    public var key: String
    /// Nil when the text is no URL the check can request (its ``outcome`` says why).
    public var url: ExternalURL?
    /// Every place that cites it, in path, line and column order.
    public var citations: [ExternalCitation]
    /// What was found; nil until checked.
    public var outcome: LinkCheckOutcome?
    /// Whether ``outcome`` came from the cache.
    public var fromCache = false
    /// When ``outcome`` was found, in Unix seconds.
    public var checkedAt: Double?

    public init(key: String, url: ExternalURL?, citations: [ExternalCitation]) {
        self.key = key
        self.url = url
        self.citations = citations
    }
}
