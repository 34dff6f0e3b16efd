/// An external link's URL in the form used to tell two citations of the same page apart from
/// citations of different pages (see ``URLNormalizer``).
///
/// Two values are equal when their ``normalized`` forms are: `https://youtu.be/K9L9YZhEjC0` and
/// `https://www.youtube.com/watch?v=K9L9YZhEjC0&list=PL…&index=26` are one reference.
public struct NormalizedURL: Hashable, Sendable {
    /// The URL as written in the note. Use it to open or fetch the page.
    public let original: String
    /// The canonical form, the key references are de-duplicated by.
    public let normalized: String
    /// The host of ``normalized``: lower-case, without `www.` or `m.`, Unicode kept as Unicode.
    public let host: String
    /// The site the page belongs to, for grouping: the registrable domain (`en.wikipedia.org` →
    /// `wikipedia.org`), or the host under a shared hosting suffix (`evan-moon.github.io`).
    public let domain: String

    public init(original: String, normalized: String, host: String, domain: String) {
        self.original = original
        self.normalized = normalized
        self.host = host
        self.domain = domain
    }

    public static func == (lhs: NormalizedURL, rhs: NormalizedURL) -> Bool {
        lhs.normalized == rhs.normalized
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(normalized)
    }
}
