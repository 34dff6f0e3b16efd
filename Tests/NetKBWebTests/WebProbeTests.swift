import Foundation
import NetKBCore
import NetKBWeb
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A listening TCP socket on a loopback address that never accepts: connections complete in
/// its backlog and get no answer. Closed when the test ends.
private final class Listener {
    let descriptor: Int32
    let port: Int

    init(host: String) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        inet_pton(AF_INET, host, &address.sin_addr)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            close(descriptor)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}

/// What AsyncHTTPClient's errors become: the kinds the checker's rules depend on.
@Suite("WebProbe failures")
struct WebProbeTests {
    static let settings = WebProbe.Settings(connectTimeout: 1, requestTimeout: 0.5, userAgent: "netkb-test")

    static func failure(_ url: String) async throws -> TransportFailure? {
        let probe = WebProbe(settings: settings)
        let response = await probe.probe(try ExternalURL(parsing: url), method: .head)
        await probe.shutdown()
        guard case .failure(let failure) = response else { return nil }
        return failure
    }

    @Test func aClosedPortIsRefused() async throws {
        let port = try Listener(host: "127.0.0.1").port  // closed again at once
        let failure = try await Self.failure("http://127.0.0.1:\(port)/")
        #expect(failure?.kind == .connectionRefused)
        #expect(failure?.neverReachedHost == true)
    }

    @Test func anUnknownNameFailsResolution() async throws {
        let failure = try await Self.failure("http://no-such-host.invalid/")
        #expect(failure?.kind == .nameResolution)
        #expect(failure?.detail.hasPrefix("cannot resolve host 'no-such-host.invalid'") == true)
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let listener = try Listener(host: "127.0.0.1")
        let failure = try await Self.failure("http://127.0.0.1:\(listener.port)/")
        #expect(failure?.kind == .timeout)
        #expect(failure?.detail == "no response within 500ms")
        #expect(failure?.neverReachedHost == false)
        // How soon it times out is asserted end to end (ExternalCheckTests), on the binary: here
        // the whole test run's other tests share Swift concurrency's threads with the probe.
    }
}
