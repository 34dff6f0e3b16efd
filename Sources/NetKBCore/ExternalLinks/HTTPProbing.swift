/// The port the external check needs from the network: one HTTP exchange, redirects not
/// followed, the body (of a GET) read only as far as the adapter allows, and every error
/// turned into a ``TransportFailure``. `NetKBWeb` implements it over libcurl.
public protocol HTTPProbing: Sendable {
    /// Requests `url` with `method` and answers with what came back; never throws.
    func probe(_ url: ExternalURL, method: ProbeMethod) async -> ProbeResponse
}
