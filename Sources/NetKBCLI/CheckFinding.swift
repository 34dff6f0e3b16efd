import NetKB

/// One thing `check` reports: a broken internal link or an external link found dead, moved or
/// unverified, as its diagnostic and the fields of its JSON.
struct CheckFinding {
    var diagnostic: Diagnostic
    /// The target as written.
    var target: String
    /// `file`, `anchor`, `wiki`, `ambiguous`, `outside-root` or `external`.
    var kind: String
    var reason: String
    var status: Int?
    var finalURL: String?
    var verdict: LinkVerdict?

    /// A broken internal link: an error, or a warning for an ambiguous wiki link unless `strict`.
    init(_ link: IndexedLink, strict: Bool) {
        let broken = link.broken ?? BrokenLink(kind: .file, reason: "broken")
        let severity: Diagnostic.Severity = broken.kind == .ambiguous && !strict ? .warning : .error
        let noun = broken.kind == .ambiguous ? "ambiguous link" : "broken link"
        diagnostic = Diagnostic(
            path: link.path, line: link.line, column: link.column, severity: severity,
            message: "\(noun) '\(link.target)': \(broken.reason)", suggestion: broken.suggestion)
        target = link.target
        kind = broken.kind.rawValue
        reason = broken.reason
    }

    /// A citation of an external URL whose verdict is reported (see ``LinkVerdict/severity(allowRedirects:)``).
    init(_ citation: ExternalCitation, outcome: LinkCheckOutcome, severity: Diagnostic.Severity) {
        let noun = switch outcome.verdict {
        case .moved: "moved link"
        case .unverified: "unverified link"
        default: "broken link"
        }
        let reason = outcome.reason ?? outcome.status.map(HTTPStatus.text) ?? outcome.verdict.rawValue
        diagnostic = Diagnostic(
            path: citation.path, line: citation.line, column: citation.column, severity: severity,
            message: "\(noun) '\(citation.url)': \(reason)")
        target = citation.url
        kind = BrokenLinkKind.external.rawValue
        self.reason = reason
        status = outcome.status
        finalURL = outcome.finalURL
        verdict = outcome.verdict
    }

    /// Path (in byte order), line and column order.
    static func precedes(_ a: CheckFinding, _ b: CheckFinding) -> Bool {
        let (x, y) = (a.diagnostic, b.diagnostic)
        if x.path != y.path { return x.path.utf8.lexicographicallyPrecedes(y.path.utf8) }
        return (x.line ?? 0, x.column ?? 0) < (y.line ?? 0, y.column ?? 0)
    }
}
