import NetKBCore

/// The external check's HTTP client: one exchange per ``probe(_:method:)`` over libcurl, with
/// redirects left to the caller (``LinkCheckSession``), no cookies, no decompression, no proxy,
/// a fixed User-Agent, and a GET's body read only up to ``Settings/maxBodyBytes`` before the
/// transfer is dropped, so a 1 GB page costs 64 KiB.
///
/// ```swift
/// let probe = WebProbe(settings: .init(userAgent: "netkb/0.2.0 (+link checker)"))
/// let response = await probe.probe(try ExternalURL(parsing: "https://ko.wikipedia.org/"), method: .head)
/// await probe.shutdown()
/// ```
///
/// Every exchange runs on one thread of its own (``CurlTransferThread``), never on Swift's
/// concurrency threads. A probe whose task is cancelled still runs to its end, which
/// ``Settings/requestTimeout`` bounds. The only code of netkb that touches libcurl.
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
    private let thread: CurlTransferThread

    public init(settings: Settings) {
        self.settings = settings
        thread = CurlTransferThread(settings: settings)
    }

    /// Closes every connection and ends the thread; call once, after the last probe. A probe
    /// after it fails at once.
    public func shutdown() async {
        await thread.stop()
    }

    public func probe(_ url: ExternalURL, method: ProbeMethod) async -> ProbeResponse {
        let thread = thread
        let settings = settings
        return await withCheckedContinuation { reply in
            thread.submit(CurlRequest(url: url, method: method, settings: settings, reply: reply))
        }
    }
}
