import CCurl
import NetKBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One probe's libcurl easy handle, set up for a single exchange as ``WebProbe`` describes, and
/// what its callbacks gather: the final response's headers and how much of the body came.
/// Made, driven and ended on the ``CurlTransferThread`` alone.
final class CurlTransfer {
    let request: CurlRequest
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl's own sentence about a failure (`CURLOPT_ERRORBUFFER`).
    private let errorText: UnsafeMutablePointer<CChar>
    private var headers = ResponseHeaders()
    private var bodyBytes = 0
    /// Whether the write callback stopped the body at ``WebProbe/Settings/maxBodyBytes``, which
    /// makes libcurl end the exchange with `CURLE_WRITE_ERROR`.
    private var stoppedReading = false

    /// A handle for `request`; nil when libcurl cannot make or set one up.
    init?(_ request: CurlRequest) {
        guard let easy = curl_easy_init() else { return nil }
        self.request = request
        self.easy = easy
        errorText = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorText.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        headerList = curl_slist_append(nil, "Accept: */*")
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
            netkb_curl_setopt_string(easy, CURLOPT_URL, request.url.requestURL),
            netkb_curl_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"),
            // Signals stay the program's: no SIGALRM around DNS, no SIGPIPE handler swapped.
            netkb_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1),
            // One exchange: the caller follows redirects.
            netkb_curl_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0),
            // No proxy, not even one from HTTP_PROXY and the like.
            netkb_curl_setopt_string(easy, CURLOPT_PROXY, ""),
            netkb_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(settings.connectTimeout)),
            netkb_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(settings.requestTimeout)),
            netkb_curl_setopt_string(easy, CURLOPT_USERAGENT, settings.userAgent),
            netkb_curl_setopt_list(easy, CURLOPT_HTTPHEADER, headerList),
            netkb_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorText),
            netkb_curl_setopt_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, context in
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                let length = size * count
                transfer.headers.add(line: UnsafeRawBufferPointer(start: data, count: length))
                return length
            },
            netkb_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, context),
            netkb_curl_setopt_callback(easy, CURLOPT_WRITEFUNCTION) { _, size, count, context in
                Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().bodyReceived(size * count)
            },
            netkb_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, context),
        ]
        // HEAD is libcurl's "no body"; a GET is its default.
        if request.method == .head { results.append(netkb_curl_setopt_long(easy, CURLOPT_NOBODY, 1)) }
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
            var status = 0
            _ = netkb_curl_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
            guard status > 0 else {
                return .failure(TransportFailure(.connectionClosed, "the server closed the connection without an answer"))
            }
            return .status(status, location: headers.location, retryAfter: headers.retryAfter)
        }
        var osError = 0
        var connectTime: curl_off_t = 0
        var secureTime: curl_off_t = 0
        var requestSentTime: curl_off_t = 0
        _ = netkb_curl_getinfo_long(easy, CURLINFO_OS_ERRNO, &osError)
        _ = netkb_curl_getinfo_off_t(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
        _ = netkb_curl_getinfo_off_t(easy, CURLINFO_APPCONNECT_TIME_T, &secureTime)
        _ = netkb_curl_getinfo_off_t(easy, CURLINFO_PRETRANSFER_TIME_T, &requestSentTime)
        var message = String(cString: errorText)
        if message.isEmpty { message = String(cString: curl_easy_strerror(code)) }
        // A connection taken from the pool has no connect time of its own, but was ready
        // before the request went out.
        return .failure(NetworkErrorDescription.failure(
            for: code, osError: Int32(truncatingIfNeeded: osError),
            connected: connectTime > 0 || requestSentTime > 0, secured: secureTime > 0 || requestSentTime > 0,
            message: message, url: request.url, settings: request.settings))
    }

    /// Frees the handle and what it points at; call once, after removing it from its multi handle.
    func cleanUp() {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        headerList = nil
        errorText.deallocate()
    }

    /// Seconds as the milliseconds libcurl takes, at least 1 (0 would mean no limit).
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 86_400_000 * 365 }
        return max(1, Int(min(seconds, 86_400 * 365) * 1000))
    }
}
