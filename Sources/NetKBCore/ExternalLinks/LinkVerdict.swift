/// How one external URL fared, as the summary counts it.
public enum LinkVerdict: String, Hashable, Sendable, CaseIterable {
    /// A 2xx answer, no redirect.
    case alive
    /// A 2xx answer after temporary redirects (302, 303, 307) only.
    case redirected
    /// A 2xx answer after a permanent redirect (301, 308): the link should be updated.
    case moved
    /// No page: a 4xx or 5xx answer, a network error, a timeout, a bad redirect.
    case dead
    /// Still rate-limited (429) after every retry: neither alive nor dead.
    case unverified
    /// Not checked: a private or reserved host, or an `--exclude` pattern.
    case skipped

    /// How it is reported: dead links are errors; a permanent redirect is a warning unless
    /// redirects are allowed (`--allow-redirects`); a link that could not be verified is a
    /// warning; the rest are not reported.
    public func severity(allowRedirects: Bool) -> Diagnostic.Severity? {
        switch self {
        case .dead: .error
        case .moved: allowRedirects ? nil : .warning
        case .unverified: .warning
        case .alive, .redirected, .skipped: nil
        }
    }
}
