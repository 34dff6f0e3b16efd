import CCurl
import Foundation
import NetKBCore

/// The thread that runs every exchange of one ``WebProbe``: one libcurl multi handle (one
/// connection pool, one DNS cache) driven with `curl_multi_poll`, so that no exchange holds a
/// thread of Swift's concurrency pool. A probe hands its request over under a lock and wakes the
/// poll with `curl_multi_wakeup`; each finished exchange resumes its probe's continuation.
///
/// The multi handle is used by the thread alone, but for `curl_multi_wakeup`, which libcurl
/// allows from any thread and which is called under `lock` only while the thread runs. The
/// thread cleans the handle up as it ends, after ``stop()`` asked it to.
final class CurlTransferThread: @unchecked Sendable {
    private enum State {
        case running
        case stopping
        case stopped
    }

    /// nil when libcurl could not start: every probe then fails at once.
    private let multi: UnsafeMutableRawPointer?
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var state: State
    /// Guarded by `lock`: requests the thread has not taken yet.
    private var incoming: [CurlRequest] = []
    /// Guarded by `lock`: whom to tell when the thread has ended.
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    /// The answer to a probe made after ``stop()``, or that ``stop()`` interrupted.
    static let stopped = ProbeResponse.failure(TransportFailure(.other, "the HTTP client was shut down"))

    /// libcurl's process-wide set-up, done once, before the first handle is made.
    private static let globalSetUp: CURLcode = netkb_curl_global_init()

    /// Makes the multi handle, pool limits from `settings`, and starts the thread.
    init(settings: WebProbe.Settings) {
        if Self.globalSetUp == CURLE_OK, let multi = curl_multi_init() {
            _ = netkb_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, settings.connectionsPerHost))
            self.multi = multi
            state = .running
            let thread = Thread { [self] in run() }
            thread.name = "netkb-http"
            thread.start()
        } else {
            multi = nil
            state = .stopped
        }
    }

    /// Hands `request` to the thread, or answers it at once when the thread has stopped.
    func submit(_ request: CurlRequest) {
        let accepted = lock.withLock {
            guard state == .running, let multi else { return false }
            incoming.append(request)
            curl_multi_wakeup(multi)
            return true
        }
        if !accepted { request.reply.resume(returning: Self.stopped) }
    }

    /// Ends the thread: exchanges in flight and waiting are answered with ``stopped``, every
    /// connection is closed. Returns once the thread is done; later calls return at once.
    func stop() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let ended = lock.withLock {
                switch state {
                case .stopped:
                    return true
                case .running:
                    state = .stopping
                    if let multi { curl_multi_wakeup(multi) }
                    stopWaiters.append(done)
                    return false
                case .stopping:
                    stopWaiters.append(done)
                    return false
                }
            }
            if ended { done.resume() }
        }
    }

    /// The thread's loop: takes new requests, lets libcurl move every transfer on, answers the
    /// finished ones, and sleeps in `curl_multi_poll` until a socket, a timer or a wake-up.
    private func run() {
        guard let multi else { return }
        Self.blockBrokenPipeSignal()
        var transfers: [UnsafeMutableRawPointer: CurlTransfer] = [:]
        while true {
            let (requests, stopping) = lock.withLock {
                defer { incoming.removeAll() }
                return (incoming, state != .running)
            }
            if stopping {
                for request in requests { request.reply.resume(returning: Self.stopped) }
                for transfer in transfers.values {
                    curl_multi_remove_handle(multi, transfer.easy)
                    transfer.cleanUp()
                    transfer.request.reply.resume(returning: Self.stopped)
                }
                break
            }
            for request in requests {
                guard let transfer = CurlTransfer(request), curl_multi_add_handle(multi, transfer.easy) == CURLM_OK else {
                    request.reply.resume(returning: .failure(TransportFailure(.other, "libcurl could not set up the request")))
                    continue
                }
                transfers[transfer.easy] = transfer
            }
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let transfer = transfers.removeValue(forKey: easy) else { continue }
                let response = transfer.response(after: message.pointee.data.result)
                curl_multi_remove_handle(multi, easy)
                transfer.cleanUp()
                transfer.request.reply.resume(returning: response)
            }
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        curl_multi_cleanup(multi)
        let waiters = lock.withLock {
            state = .stopped
            defer { stopWaiters.removeAll() }
            return stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Keeps `SIGPIPE` off this thread (and the resolver threads libcurl starts from it): a
    /// write to a connection the server closed fails with `EPIPE` instead of ending netkb.
    private static func blockBrokenPipeSignal() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}
