import CCurl
import NetKBCore

/// One probe's libcurl easy handle, set up for a single exchange as ``WebProbe`` describes, and
/// what its callbacks gather: the final response's headers and how much of the body came.
/// Made, driven and ended on the ``CurlTransferThread`` alone.
final class CurlTransfer {
    let request: CurlRequest
    let easy: LibCurl.Easy
    private let curl: LibCurl
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl's own sentence about a failure (`CURLOPT_ERRORBUFFER`).
    private let errorText: UnsafeMutablePointer<CChar>
    private var headers = ResponseHeaders()
    private var bodyBytes = 0
    /// Whether the write callback stopped the body at ``WebProbe/Settings/maxBodyBytes``, which
    /// makes libcurl end the exchange with `CURLE_WRITE_ERROR`.
    private var stoppedReading = false

    /// A handle for `request`; nil when libcurl cannot make or set one up.
    init?(_ request: CurlRequest, curl: LibCurl) {
        guard let easy = curl.easyInit() else { return nil }
        self.request = request
        self.easy = easy
        self.curl = curl
        errorText = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        headerList = curl.append("Accept: */*", to: nil)
        guard configure() else {
            cleanUp()
            return nil
        }
    }

    /// Sets every option; false when libcurl refuses one.
    private func configure() -> Bool {
        let settings = request.settings
        let context = Unmanaged.passUnretained(self).toOpaque()
        var results = [
            curl.set(easy, CURLOPT_URL, request.url.requestURL),
            curl.set(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
            // Signals stay the program's: no SIGALRM around DNS, no SIGPIPE handler swapped.
            curl.set(easy, CURLOPT_NOSIGNAL, 1),
            // One exchange: the caller follows redirects.
            curl.set(easy, CURLOPT_FOLLOWLOCATION, 0),
            // No proxy, not even one from HTTP_PROXY and the like.
            curl.set(easy, CURLOPT_PROXY, ""),
            curl.set(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout)),
            curl.set(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.requestTimeout)),
            curl.set(easy, CURLOPT_USERAGENT, settings.userAgent),
            curl.set(easy, CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList)),
            curl.set(easy, CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorText)),
            curl.set(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                let length = size * count
                transfer.headers.add(line: UnsafeRawBufferPointer(start: data, count: length))
                return length
            },
            curl.set(easy, CURLOPT_HEADERDATA, pointer: context),
            curl.set(easy, CURLOPT_WRITEFUNCTION) { _, size, count, context in
                Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().bodyReceived(size * count)
            },
            curl.set(easy, CURLOPT_WRITEDATA, pointer: context),
        ]
        // HEAD is libcurl's "no body"; a GET is its default.
        if request.method == .head { results.append(curl.set(easy, CURLOPT_NOBODY, 1)) }
        return results.allSatisfy { $0 == CURLE_OK }
    }

    /// Takes `length` bytes of the body, or stops the exchange once enough has come: a small
    /// page is read whole (its connection can serve the next probe), a large one dropped.
    private func bodyReceived(_ length: Int) -> Int {
        bodyBytes += length
        guard bodyBytes >= request.settings.maxBodyBytes else { return length }
        stoppedReading = true
        return 0
    }

    /// What the exchange came to, once libcurl ended it with `code`.
    func response(after code: CURLcode) -> ProbeResponse {
        if code == CURLE_OK || (code == CURLE_WRITE_ERROR && stoppedReading) {
            let status = curl.info(easy, CURLINFO_RESPONSE_CODE)
            guard status > 0 else {
                return .failure(TransportFailure(.connectionClosed, "the server closed the connection without an answer"))
            }
            return .status(status, location: headers.location, retryAfter: headers.retryAfter)
        }
        // A connection taken from the pool has no connect time of its own, but was ready
        // before the request went out.
        let requestSent = curl.offsetInfo(easy, CURLINFO_PRETRANSFER_TIME_T) > 0
        var message = String(cString: errorText)
        if message.isEmpty { message = curl.text(of: code) }
        return .failure(NetworkErrorDescription.failure(
            for: code, osError: Int32(truncatingIfNeeded: curl.info(easy, CURLINFO_OS_ERRNO)),
            connected: requestSent || curl.offsetInfo(easy, CURLINFO_CONNECT_TIME_T) > 0,
            secured: requestSent || curl.offsetInfo(easy, CURLINFO_APPCONNECT_TIME_T) > 0,
            message: message, url: request.url, settings: request.settings))
    }

    /// Frees the handle and what it points at; call once, after removing it from its multi handle.
    func cleanUp() {
        curl.easyCleanup(easy)
        curl.free(headerList)
        headerList = nil
        errorText.deallocate()
    }

    /// Seconds as the milliseconds libcurl takes, at least 1 (0 would mean no limit).
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 86_400_000 * 365 }
        return max(1, Int(min(seconds, 86_400 * 365) * 1000))
    }
}
