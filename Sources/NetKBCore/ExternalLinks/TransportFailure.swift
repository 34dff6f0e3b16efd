/// Why an HTTP exchange got no response: the network error, in a form the checker can judge
/// (retry it? does it show the network is down?) and a sentence for the report.
public struct TransportFailure: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// DNS found no address for the host (`Name or service not known`).
        case nameResolution
        /// The host answered the connection attempt with a refusal (nothing listens on the port).
        case connectionRefused
        /// The kernel has no route to the network (`ENETUNREACH`, `EHOSTUNREACH`).
        case networkUnreachable
        /// Another failure to connect.
        case connect
        /// No connection within the connect timeout.
        case connectTimeout
        /// Connected, but no complete response within the request timeout.
        case timeout
        /// The TLS handshake failed (a bad or expired certificate, no common protocol).
        case tls
        /// The server closed the connection or sent something that is not HTTP.
        case connectionClosed
        case other
    }

    public var kind: Kind
    /// What the network library said, for the report.
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// Whether the host was never reached, so that nothing shows the network works: DNS or
    /// connection failures. Many of these and nothing else mean the network is unreachable.
    public var neverReachedHost: Bool {
        switch kind {
        case .nameResolution, .connectionRefused, .networkUnreachable, .connect, .connectTimeout: true
        case .timeout, .tls, .connectionClosed, .other: false
        }
    }

    /// Whether the exchange is worth trying again: timeouts (the rule: 429, 5xx and timeouts).
    public var isRetryable: Bool { kind == .timeout || kind == .connectTimeout }

    public var description: String { detail }
}
