/// What one HTTP exchange got: a status line with the headers the checker reads, or a network
/// failure. Redirects are not followed by the exchange; the checker follows them.
public enum ProbeResponse: Hashable, Sendable {
    /// A response: its status, and its `Location` and `Retry-After` headers as sent.
    case status(Int, location: String? = nil, retryAfter: String? = nil)
    case failure(TransportFailure)
}
