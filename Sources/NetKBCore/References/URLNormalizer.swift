/// Turns the URL of an external link into the canonical form references are de-duplicated by
/// (see ``NormalizedURL``). Pure Swift, one pass over the text, no network and no Foundation
/// URL parsing.
///
/// ```swift
/// URLNormalizer.normalize("HTTP://WWW.Example.COM:80/a/./b?utm_source=x&b=2&a=1#top")?.normalized
/// // "http://example.com/a/b?a=1&b=2"
/// URLNormalizer.normalize("https://youtu.be/K9L9YZhEjC0?si=abc")?.normalized
/// // "https://youtube.com/watch?v=K9L9YZhEjC0"
/// ```
///
/// The rules, in order:
/// 1. Only `http` and `https` URLs with a host are references; anything else (`mailto:`,
///    `javascript:`, `data:`, `http://`, a non-numeric port) gives nil.
/// 2. The scheme and host are lower-cased, the host percent-decoded and kept in Unicode (see
///    ``HostName``); `www.` and `m.` are folded away (`en.m.wikipedia.org` → `en.wikipedia.org`).
///    The port is dropped when it is the scheme's default (80, 443).
/// 3. Every part gets one canonical percent-encoding (see ``PercentEncoding``): `%7e` is `~`,
///    `%28` is `(`, `%ec%9c%84` is `위`, a space is `%20`; `.` and `..` segments are resolved, and
///    an empty path is `/`.
/// 4. A link to one YouTube video becomes `https://youtube.com/watch?v=ID` (see ``YouTubeVideo``).
/// 5. Tracking parameters are removed (see ``TrackingParameters``) and the rest sorted by name,
///    parameters of the same name keeping their order.
/// 6. The fragment is dropped: it picks a place in the same page, which is not sent to the
///    server, so `page#a` and `page#b` are one reference (the citations keep their URLs as
///    written). Only a fragment that routes a single-page application is kept: one starting with
///    `/` or `!` (`#/docs/intro`, `#!/home`).
/// 7. A Tistory blog's mobile pages (`NAME.tistory.com/m/107`) are its pages (`/107`).
public enum URLNormalizer {
    /// The canonical form of `url`, or nil when it is not an `http(s)` URL with a host.
    public static func normalize(_ url: String) -> NormalizedURL? {
        guard let raw = RawURL(parsing: url), let canonicalHost = HostName.canonical(raw.host) else { return nil }
        let host = HostName.folded(canonicalHost)
        var path = removingDotSegments(PercentEncoding.canonical(raw.path, in: .path))
        let parameters = raw.query.map(QueryParameter.parse) ?? []

        if let video = YouTubeVideo.id(host: host, path: path, parameters: parameters) {
            return NormalizedURL(
                original: url, normalized: "https://youtube.com/watch?v=\(video)", host: "youtube.com", domain: "youtube.com")
        }
        if host.hasSuffix(".tistory.com"), path == "/m" || path.hasPrefix("/m/") {
            path.removeFirst(2)
            if path.isEmpty { path = "/" }
        }

        var normalized = raw.scheme + "://"
        if let userinfo = raw.userinfo {
            normalized += PercentEncoding.canonical(userinfo, in: .userinfo) + "@"
        }
        normalized += host
        if let port = raw.port, port != defaultPort(of: raw.scheme) {
            normalized += ":\(port)"
        }
        normalized += path
        let kept = parameters.enumerated()
            .filter { !TrackingParameters.isTracking($0.element.name, host: host) }
            .sorted { $0.element.name != $1.element.name ? $0.element.name < $1.element.name : $0.offset < $1.offset }
        if !kept.isEmpty {
            normalized += "?" + kept.map(\.element.text).joined(separator: "&")
        }
        if let fragment = raw.fragment, let first = fragment.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "!") {
            normalized += "#" + PercentEncoding.canonical(fragment, in: .fragment)
        }
        return NormalizedURL(original: url, normalized: normalized, host: host, domain: SiteDomain.of(host: host))
    }

    /// Whether `url` is an external reference: an `http` or `https` URL with a host.
    public static func isReference(_ url: String) -> Bool {
        normalize(url) != nil
    }

    private static func defaultPort(of scheme: String) -> Int {
        scheme == "https" ? 443 : 80
    }

    /// `path` with its `.` and `..` segments resolved (RFC 3986, 5.2.4); `..` never climbs above
    /// the root. Empty becomes `/`.
    static func removingDotSegments(_ path: String) -> String {
        if path.utf8.first == UInt8(ascii: "/") && !PathSegments(path).hasDotSegment { return path }
        return resolvingDotSegments(path)
    }

    /// ``removingDotSegments(_:)`` segment by segment.
    static func resolvingDotSegments(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: ".")) else { return path.isEmpty ? "/" : path }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        var kept: [Substring] = []
        kept.reserveCapacity(segments.count)
        for (offset, segment) in segments.enumerated() {
            let isLast = offset == segments.count - 1
            if segment == "." || segment == ".." {
                if segment == "..", !kept.isEmpty { kept.removeLast() }
                if isLast { kept.append("") }
            } else {
                kept.append(segment)
            }
        }
        return "/" + kept.joined(separator: "/")
    }
}
