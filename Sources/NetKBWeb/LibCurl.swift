import CCurl

/// libcurl, opened when the external check first needs it, with the functions netkb uses as
/// methods. netkb does not link libcurl (see `Sources/CCurl/shim.h`): loading it and the
/// libraries it needs costs every command milliseconds at start, for the one that uses it.
///
/// The function table is written once, while loading, and only read afterwards.
final class LibCurl: @unchecked Sendable {
    /// A `CURL *` easy handle: one transfer.
    typealias Easy = UnsafeMutableRawPointer
    /// A `CURLM *` multi handle: transfers run together over a shared connection pool.
    typealias Multi = UnsafeMutableRawPointer

    /// Why libcurl could not be opened.
    struct LoadFailure: Error, Sendable {
        var message: String
    }

    /// libcurl, opened (and `curl_global_init` run) on first use, once per process.
    static let shared: Result<LibCurl, LoadFailure> = {
        let api = UnsafeMutablePointer<netkb_curl_api>.allocate(capacity: 1)
        api.initialize(to: netkb_curl_api())
        if let problem = netkb_curl_load(api) {
            api.deallocate()
            return .failure(LoadFailure(message: "cannot load libcurl: \(String(cString: problem))"))
        }
        return .success(LibCurl(api))
    }()

    private let api: UnsafeMutablePointer<netkb_curl_api>

    private init(_ api: UnsafeMutablePointer<netkb_curl_api>) {
        self.api = api
    }

    // MARK: Easy handles

    func easyInit() -> Easy? { api.pointee.easy_init() }

    func easyCleanup(_ easy: Easy) { api.pointee.easy_cleanup(easy) }

    func set(_ easy: Easy, _ option: CURLoption, _ value: Int) -> CURLcode {
        netkb_curl_setopt_long(api, easy, option, value)
    }

    func set(_ easy: Easy, _ option: CURLoption, _ value: String) -> CURLcode {
        netkb_curl_setopt_string(api, easy, option, value)
    }

    func set(_ easy: Easy, _ option: CURLoption, pointer: UnsafeMutableRawPointer?) -> CURLcode {
        netkb_curl_setopt_pointer(api, easy, option, pointer)
    }

    func set(_ easy: Easy, _ option: CURLoption, callback: netkb_curl_data_callback) -> CURLcode {
        netkb_curl_setopt_callback(api, easy, option, callback)
    }

    /// A `long` the transfer reports (0 when it has none).
    func info(_ easy: Easy, _ info: CURLINFO) -> Int {
        var value = 0
        _ = netkb_curl_getinfo_long(api, easy, info, &value)
        return value
    }

    /// A `curl_off_t` the transfer reports, such as a `…_TIME_T` in microseconds (0 when none).
    func offsetInfo(_ easy: Easy, _ info: CURLINFO) -> Int64 {
        var value: curl_off_t = 0
        _ = netkb_curl_getinfo_off_t(api, easy, info, &value)
        return Int64(value)
    }

    func text(of code: CURLcode) -> String { api.pointee.easy_strerror(code).map { String(cString: $0) } ?? "libcurl error \(code.rawValue)" }

    func append(_ text: String, to list: UnsafeMutablePointer<curl_slist>?) -> UnsafeMutablePointer<curl_slist>? {
        api.pointee.slist_append(list, text)
    }

    func free(_ list: UnsafeMutablePointer<curl_slist>?) { api.pointee.slist_free_all(list) }

    // MARK: Multi handles

    func multiInit() -> Multi? { api.pointee.multi_init() }

    func set(_ multi: Multi, _ option: CURLMoption, _ value: Int) -> CURLMcode {
        netkb_curl_multi_setopt_long(api, multi, option, value)
    }

    func add(_ easy: Easy, to multi: Multi) -> CURLMcode { api.pointee.multi_add_handle(multi, easy) }

    func remove(_ easy: Easy, from multi: Multi) { _ = api.pointee.multi_remove_handle(multi, easy) }

    /// Moves every transfer of `multi` on as far as it can go without waiting.
    func perform(_ multi: Multi) {
        var running: Int32 = 0
        _ = api.pointee.multi_perform(multi, &running)
    }

    /// The next message about a transfer of `multi`, valid until the transfer is removed.
    func nextMessage(_ multi: Multi) -> UnsafeMutablePointer<CURLMsg>? {
        var queued: Int32 = 0
        return api.pointee.multi_info_read(multi, &queued)
    }

    /// Waits for activity on `multi`'s sockets, one of its timers, or ``wakeUp(_:)``, at most
    /// `milliseconds`.
    func poll(_ multi: Multi, milliseconds: Int32) { _ = api.pointee.multi_poll(multi, nil, 0, milliseconds, nil) }

    /// Ends a ``poll(_:milliseconds:)`` at once; callable from any thread.
    func wakeUp(_ multi: Multi) { _ = api.pointee.multi_wakeup(multi) }

    func multiCleanup(_ multi: Multi) { _ = api.pointee.multi_cleanup(multi) }
}
