import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NetKBCore

/// The external check's HTTP client: one exchange per ``probe(_:method:)`` over
/// AsyncHTTPClient, with redirects left to the caller (``LinkCheckSession``), no cookies, no
/// decompression, a fixed User-Agent, and a GET's body read only up to ``Settings/maxBodyBytes``
/// before the connection is dropped, so a 1 GB page costs 64 KiB.
///
/// ```swift
/// let probe = WebProbe(settings: .init(userAgent: "netkb/0.2.0 (+link checker)"))
/// let response = await probe.probe(try ExternalURL(parsing: "https://ko.wikipedia.org/"), method: .head)
/// await probe.shutdown()
/// ```
///
/// The only code of netkb that touches AsyncHTTPClient and SwiftNIO.
public struct WebProbe: HTTPProbing {
    /// Limits and headers.
    public struct Settings: Hashable, Sendable {
        /// Seconds to wait for a connection (DNS and TCP; TLS too).
        public var connectTimeout: Double
        /// Seconds for a whole exchange: connection, response head and the body read.
        public var requestTimeout: Double
        public var userAgent: String
        /// The most of a GET's body read; the connection is dropped after it.
        public var maxBodyBytes: Int
        /// Connections kept per host (the caller limits requests; this only sizes the pool).
        public var connectionsPerHost: Int

        public init(
            connectTimeout: Double = 5, requestTimeout: Double = 20, userAgent: String,
            maxBodyBytes: Int = 64 * 1024, connectionsPerHost: Int = 4
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.userAgent = userAgent
            self.maxBodyBytes = maxBodyBytes
            self.connectionsPerHost = connectionsPerHost
        }
    }

    public let settings: Settings
    private let client: HTTPClient

    public init(settings: Settings) {
        self.settings = settings
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(
            connect: Self.amount(settings.connectTimeout), read: Self.amount(settings.requestTimeout))
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, settings.connectionsPerHost))
        // A refused or unresolvable host fails at once, instead of being tried again until the
        // connect timeout: the checker has its own retry rules.
        pool.retryConnectionEstablishment = false
        configuration.connectionPool = pool
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }

    /// Closes every connection; call once, after the last probe.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func probe(_ url: ExternalURL, method: ProbeMethod) async -> ProbeResponse {
        var request = HTTPClientRequest(url: url.requestURL)
        request.method = method == .head ? .HEAD : .GET
        request.headers.add(name: "User-Agent", value: settings.userAgent)
        request.headers.add(name: "Accept", value: "*/*")
        let client = client
        let settings = settings
        let prepared = request
        do {
            return try await Self.withTimeLimit(settings.requestTimeout) {
                let response = try await client.execute(prepared, deadline: .now() + Self.amount(settings.requestTimeout))
                let status = Int(response.status.code)
                let location = response.headers.first(name: "Location")
                let retryAfter = response.headers.first(name: "Retry-After")
                if method == .get {
                    // Read a little of the page (a small one whole, so that its connection can be
                    // used again), then drop it: ending the iteration cancels the download.
                    var read = 0
                    for try await chunk in response.body {
                        read += chunk.readableBytes
                        if read >= settings.maxBodyBytes { break }
                    }
                }
                return .status(status, location: location, retryAfter: retryAfter)
            }
        } catch {
            return .failure(NetworkErrorDescription.failure(for: error, url: url, settings: settings))
        }
    }

    /// Seconds as NIO's time amount.
    static func amount(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64(min(seconds, 86_400 * 365) * 1_000_000_000))
    }

    /// Runs `work`, cancelling it after `seconds`: a bound on the whole exchange, body
    /// included, which AsyncHTTPClient's deadline (response head only) does not give.
    static func withTimeLimit(
        _ seconds: Double, _ work: @escaping @Sendable () async throws -> ProbeResponse
    ) async throws -> ProbeResponse {
        try await withThrowingTaskGroup(of: ProbeResponse?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400 * 365) * 1_000_000_000))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else { throw HTTPClientError.deadlineExceeded }
            return response
        }
    }
}
