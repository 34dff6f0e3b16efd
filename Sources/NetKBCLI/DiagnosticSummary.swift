import NetKB

/// The one place that turns what was reported into a summary line and an exit status, as a
/// compiler's frontend does.
enum DiagnosticSummary {
    /// 1 when any diagnostic is an error, else 0.
    static func exitStatus(_ diagnostics: [Diagnostic]) -> Int32 {
        diagnostics.contains { $0.severity == .error } ? 1 : 0
    }

    static func line(_ diagnostics: [Diagnostic], checked: Int) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let files = Set(diagnostics.map(\.path)).count
        return "checked \(count(checked, "link")): \(count(errors, "broken link")), \(count(warnings, "warning"))"
            + (diagnostics.isEmpty ? "" : " in \(count(files, "file"))")
    }

    /// `external links: 40 URLs: 35 alive, 2 dead, 3 redirected, 0 skipped, 30 cached`.
    static func externalLine(_ report: ExternalCheckReport) -> String {
        var parts = [
            "\(report.count(.alive)) alive", "\(report.count(.dead)) dead",
            "\(report.count(.redirected) + report.count(.moved)) redirected",
        ]
        if report.count(.unverified) > 0 { parts.append("\(report.count(.unverified)) unverified") }
        parts += ["\(report.count(.skipped)) skipped", "\(report.cached) cached"]
        return "external links: \(count(report.targets.count, "URL")): " + parts.joined(separator: ", ")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
