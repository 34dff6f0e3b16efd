import Foundation
import NetKBStore
import NetKBWeb

extension Workspace {
    /// The distinct URLs of `citations`, each with its outcome already when it needs no
    /// request: not a valid URL (dead), skipped (a private or reserved host, an `exclude`
    /// pattern), or fresh in the cache of `store`. Throws when a pattern or the config is bad.
    ///
    /// ```swift
    /// let targets = try workspace.planExternalCheck(try store.externalCitations(), store: store, options: options)
    /// ```
    public func planExternalCheck(
        _ citations: [ExternalCitation], store: NoteStore, options: ExternalCheckOptions,
        now: Double = Date().timeIntervalSince1970
    ) throws -> [ExternalLinkTarget] {
        let patterns = try config().exclude.map { ($0.pattern, ".netkb/config.yml:\($0.line)") }
            + options.excludePatterns.map { ($0, "--exclude") }
        var targets: [ExternalLinkTarget] = []
        var position: [String: Int] = [:]
        for citation in citations {
            let target: (key: String, url: ExternalURL?, problem: String?)
            do {
                let url = try ExternalURL(parsing: citation.url)
                target = (url.requestURL, url, nil)
            } catch {
                target = (citation.url, nil, error.message)
            }
            if let index = position[target.key] {
                targets[index].citations.append(citation)
                continue
            }
            position[target.key] = targets.count
            var entry = ExternalLinkTarget(key: target.key, url: target.url, citations: [citation])
            if let problem = target.problem {
                entry.outcome = LinkCheckOutcome(verdict: .dead, reason: problem, reachedServer: false)
            }
            targets.append(entry)
        }
        let candidates = targets.indices.filter { targets[$0].outcome == nil && targets[$0].url != nil }
        let excluded = patterns.isEmpty ? [:] : try ExclusionMatcher.matches(
            patterns: patterns, urls: candidates.map { targets[$0].citations.map(\.url) + [targets[$0].key] })
        for (position, index) in candidates.enumerated() {
            guard let url = targets[index].url else { continue }
            if let pattern = excluded[position] {
                targets[index].outcome = .skipped("excluded by \(pattern)")
            } else if !options.includePrivate, let why = PrivateHosts.reasonToSkip(url.host) {
                targets[index].outcome = .skipped("\(why) (--include-private checks it)")
            }
        }
        guard options.usesCache else { return targets }
        let pending = Set(targets.filter { $0.outcome == nil }.map(\.key))
        guard !pending.isEmpty else { return targets }
        let cached = try store.cachedLinkChecks(for: pending)
        for index in targets.indices where targets[index].outcome == nil {
            guard let check = cached[targets[index].key] else { continue }
            // A verdict from the future (the clock was set back) is not trusted.
            guard check.checkedAt <= now + 60, now - check.checkedAt <= options.cacheAge else { continue }
            targets[index].outcome = check.outcome
            targets[index].fromCache = true
            targets[index].checkedAt = check.checkedAt
        }
        return targets
    }

    /// Checks every target without an outcome over HTTP, then records the cacheable results
    /// in the index. `progress` gets (done, total) after each URL. Throws
    /// ``ExternalCheckError/networkUnreachable(hosts:example:)`` (and caches nothing) when no
    /// host could be reached at all.
    public func checkExternalLinks(
        _ planned: [ExternalLinkTarget], options: ExternalCheckOptions, progress: (Int, Int) -> Void = { _, _ in }
    ) async throws -> ExternalCheckReport {
        var targets = planned
        let pending = targets.indices.filter { targets[$0].outcome == nil && targets[$0].url != nil }
        // All answered without the network (cache, skips): no client, no HTTP thread.
        guard !pending.isEmpty else { return ExternalCheckReport(targets: targets) }
        let probe = WebProbe(settings: WebProbe.Settings(
            connectTimeout: options.connectTimeout, requestTimeout: options.requestTimeout,
            userAgent: ExternalCheckOptions.userAgent, connectionsPerHost: options.maxPerHost))
        let checker = ExternalLinkChecker(probe: probe, options: options)
        let total = pending.count
        progress(0, total)
        let outcomes = await checker.check(pending.map { targets[$0].url! }) { progress($0, total) }
        let now = Date().timeIntervalSince1970
        for (index, outcome) in zip(pending, outcomes) {
            targets[index].outcome = outcome
            targets[index].checkedAt = now
        }

        let attempts = pending.map { NetworkReachability.Attempt(host: targets[$0].url!.hostKey, outcome: targets[$0].outcome!) }
        var unreachable = NetworkReachability.isUnreachable(attempts)
        if unreachable {
            // Only what failed last time was checked again (the rest came from the cache), so
            // the failures alone may be dead hosts: a few cached live URLs tell.
            let canaries = NetworkReachability.canaries(
                among: targets.compactMap { target in target.fromCache ? target.url.map { ($0, target.outcome!) } : nil })
            for url in canaries {
                let answer = await probe.probe(url, method: .head)
                if case .failure(let failure) = answer, failure.neverReachedHost { continue }
                unreachable = false
                break
            }
        }
        await probe.shutdown()
        if unreachable {
            let example = attempts.first?.outcome.reason ?? "no answer"
            throw ExternalCheckError.networkUnreachable(hosts: Set(attempts.map(\.host)).count, example: example)
        }
        var report = ExternalCheckReport(targets: targets)
        let fresh = pending.compactMap { index -> CachedLinkCheck? in
            guard let outcome = targets[index].outcome, outcome.isCacheable else { return nil }
            return CachedLinkCheck(url: targets[index].key, outcome: outcome, checkedAt: now)
        }
        do {
            try saveLinkChecks(fresh, keepingOnly: Set(targets.compactMap { $0.url == nil ? nil : $0.key }))
        } catch {
            report.cacheWarning = "the results were not cached: \(error)"
        }
        return report
    }

    /// Writes `checks` into the index under its lock (waiting for another writer), and drops
    /// cached URLs no longer cited. Nothing happens when there is no current index to write.
    func saveLinkChecks(_ checks: [CachedLinkCheck], keepingOnly cited: Set<String>) throws {
        guard try NoteStore.ownership(of: indexPath) else { return }
        guard let lock = try IndexLock.acquire(forIndex: indexPath, wait: true) else { return }
        defer { lock.release() }
        guard case .current(let store) = try NoteStore.openForWriting(at: indexPath) else { return }
        try store.saveLinkChecks(checks, keepingOnly: cited)
    }
}
