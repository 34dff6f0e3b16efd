import NetKBCore

/// One probe handed to the ``CurlTransferThread``: what to request, with which limits, and the
/// continuation its answer resumes.
struct CurlRequest: Sendable {
    let url: ExternalURL
    let method: ProbeMethod
    let settings: WebProbe.Settings
    let reply: CheckedContinuation<ProbeResponse, Never>
}
