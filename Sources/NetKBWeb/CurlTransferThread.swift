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
/// thread cleans the handle up as it ends, after ``stop()`` asked it to. When libcurl cannot be
/// loaded there is no thread, and every probe fails at once saying why.
final class CurlTransferThread: @unchecked Sendable {
    private enum State {
        case running
        case stopping
        case stopped
    }

    private let curl: LibCurl?
    /// nil when libcurl could not be loaded or started.
    private let multi: LibCurl.Multi?
    /// The answer to every probe when there is no thread.
    private let unavailable: ProbeResponse
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var state: State
    /// Guarded by `lock`: requests the thread has not taken yet.
    private var incoming: [CurlRequest] = []
    /// Guarded by `lock`: whom to tell when the thread has ended.
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    /// The answer to a probe made after ``stop()``, or that ``stop()`` interrupted.
    static let stopped = ProbeResponse.failure(TransportFailure(.other, "the HTTP client was shut down"))

    /// Loads libcurl if needed, makes the multi handle with pool limits from `settings`, and
    /// starts the thread.
    init(settings: WebProbe.Settings) {
        switch LibCurl.shared {
        case .success(let curl):
            self.curl = curl
            multi = curl.multiInit()
            unavailable = .failure(TransportFailure(.other, "libcurl could not make a multi handle"))
        case .failure(let failure):
            curl = nil
            multi = nil
            unavailable = .failure(TransportFailure(.other, failure.message))
        }
        guard let curl, let multi else {
            state = .stopped
            return
        }
        _ = curl.set(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, settings.connectionsPerHost))
        state = .running
        let thread = Thread { [self] in run() }
        thread.name = "netkb-http"
        thread.start()
    }

    /// Hands `request` to the thread, or answers it at once when the thread has stopped.
    func submit(_ request: CurlRequest) {
        let accepted = lock.withLock {
            guard state == .running, let curl, let multi else { return false }
            incoming.append(request)
            curl.wakeUp(multi)
            return true
        }
        if !accepted { request.reply.resume(returning: multi == nil ? unavailable : Self.stopped) }
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
                    if let curl, let multi { curl.wakeUp(multi) }
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
        guard let curl, let multi else { return }
        Self.blockBrokenPipeSignal()
        var transfers: [LibCurl.Easy: CurlTransfer] = [:]
        while true {
            let (requests, stopping) = lock.withLock {
                defer { incoming.removeAll() }
                return (incoming, state != .running)
            }
            if stopping {
                for request in requests { request.reply.resume(returning: Self.stopped) }
                for transfer in transfers.values {
                    curl.remove(transfer.easy, from: multi)
                    transfer.cleanUp()
                    transfer.request.reply.resume(returning: Self.stopped)
                }
                break
            }
            for request in requests {
                guard let transfer = CurlTransfer(request, curl: curl) else {
                    request.reply.resume(returning: .failure(TransportFailure(.other, "libcurl could not set up the request")))
                    continue
                }
                guard curl.add(transfer.easy, to: multi) == CURLM_OK else {
                    transfer.cleanUp()
                    request.reply.resume(returning: .failure(TransportFailure(.other, "libcurl could not set up the request")))
                    continue
                }
                transfers[transfer.easy] = transfer
            }
            curl.perform(multi)
            while let message = curl.nextMessage(multi) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                      let transfer = transfers.removeValue(forKey: easy) else { continue }
                let response = transfer.response(after: message.pointee.data.result)
                curl.remove(easy, from: multi)
                transfer.cleanUp()
                transfer.request.reply.resume(returning: response)
            }
            curl.poll(multi, milliseconds: 1000)
        }
        curl.multiCleanup(multi)
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
