import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that serves a fixed number of connections, one after the other, on
/// a thread of its own, each by `answer`: it reads the request head (``readHead(_:)``) or not,
/// and writes with ``send(_:_:)``, so that writing to a closed connection fails instead of
/// raising `SIGPIPE`. The connection is closed when `answer` returns.
final class CannedServer: @unchecked Sendable {
    let port: Int
    private let listener: LoopbackListener
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var heads: [String] = []
    /// Guarded by `lock`.
    private var sent = 0
    /// Guarded by `lock`.
    private var finished = false

    /// The request heads read so far.
    var requests: [String] { lock.withLock { heads } }
    /// Bytes written by `answer`s through ``send(_:_:)``.
    var bytesSent: Int { lock.withLock { sent } }
    /// Whether every connection has been served.
    var isFinished: Bool { lock.withLock { finished } }

    init(connections: Int = 1, answer: @escaping @Sendable (CannedServer, Int32) -> Void) throws {
        let listener = try LoopbackListener(host: "127.0.0.1")
        self.listener = listener
        port = listener.port
        let descriptor = listener.descriptor
        let thread = Thread { [self] in
            for _ in 0..<connections {
                let connection = accept(descriptor, nil, nil)
                guard connection >= 0 else { break }
                answer(self, connection)
                close(connection)
            }
            lock.withLock { finished = true }
        }
        thread.start()
    }

    /// `http://127.0.0.1:port/path`.
    func url(_ path: String = "/", scheme: String = "http") -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// Writes all of `text`; false once the peer is gone.
    @discardableResult
    func send(_ connection: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(connection, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return false }
            offset += written
            lock.withLock { sent += written }
        }
        return true
    }

    /// Reads a request head, up to its blank line, into ``requests``.
    func readHead(_ connection: Int32) {
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual("\r\n\r\n".utf8) && head.count < 65_536 && recv(connection, &byte, 1, 0) == 1 {
            head.append(byte)
        }
        lock.withLock { heads.append(String(decoding: head, as: UTF8.self)) }
    }

    /// Waits up to `seconds` for every connection to have been served.
    func waitUntilFinished(seconds: Double) async {
        let end = Date().addingTimeInterval(seconds)
        while !isFinished && Date() < end { try? await Task.sleep(nanoseconds: 10_000_000) }
    }
}
