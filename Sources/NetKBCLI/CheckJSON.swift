import NetKB

/// `check --format json`: `{"checkedLinks", "broken": [{"path", "line", "column", "target", "kind", "reason"}]}`,
/// and with `--external` each external finding's `status` and `finalUrl`, and the counts under `external`.
struct CheckJSON: Encodable {
    struct Broken: Encodable {
        var path: String
        var line: Int
        var column: Int
        var target: String
        var kind: String
        var reason: String
        var suggestion: String?
        var severity: String
        /// External links: the last HTTP status, if one came.
        var status: Int?
        /// External links: where redirects led.
        var finalUrl: String?
        /// External links: the verdict (`dead`, `moved`, `unverified`).
        var verdict: String?
    }

    /// The counts of `--external`, per distinct URL.
    struct External: Encodable {
        var urls, alive, dead, redirected, moved, unverified, skipped, cached: Int
    }

    var checkedLinks: Int
    var broken: [Broken]
    var errors: Int
    var warnings: Int
    var external: External?

    init(checkedLinks: Int, findings: [CheckFinding], external report: ExternalCheckReport?) {
        self.checkedLinks = checkedLinks
        broken = findings.map { finding in
            Broken(
                path: finding.diagnostic.path, line: finding.diagnostic.line ?? 0, column: finding.diagnostic.column ?? 0,
                target: finding.target, kind: finding.kind, reason: finding.reason, suggestion: finding.diagnostic.suggestion,
                severity: finding.diagnostic.severity.rawValue, status: finding.status, finalUrl: finding.finalURL,
                verdict: finding.verdict?.rawValue)
        }
        errors = findings.filter { $0.diagnostic.severity == .error }.count
        warnings = findings.count - errors
        external = report.map { report in
            External(
                urls: report.targets.count, alive: report.count(.alive), dead: report.count(.dead),
                redirected: report.count(.redirected) + report.count(.moved), moved: report.count(.moved),
                unverified: report.count(.unverified), skipped: report.count(.skipped), cached: report.cached)
        }
    }
}
