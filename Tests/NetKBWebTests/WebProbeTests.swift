import Foundation
import NetKBCore
import NetKBWeb
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What libcurl's errors become: the kinds the checker's rules depend on.
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
        let port = try LoopbackListener(host: "127.0.0.1").port  // closed again at once
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
        let listener = try LoopbackListener(host: "127.0.0.1")
        let failure = try await Self.failure("http://127.0.0.1:\(listener.port)/")
        #expect(failure?.kind == .timeout)
        #expect(failure?.detail == "no response within 500ms")
        #expect(failure?.neverReachedHost == false)
        // How soon it times out is asserted end to end (ExternalCheckTests), on the binary: here
        // the whole test run's other tests share Swift concurrency's threads with the probe.
    }

    @Test func httpsToAPlainHTTPServerIsATLSFailure() async throws {
        let server = try CannedServer { server, connection in
            server.send(connection, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        }
        let failure = try await Self.failure(server.url(scheme: "https"))
        #expect(failure?.kind == .tls)
        #expect(failure?.detail.hasPrefix("TLS with '127.0.0.1' failed: ") == true, "\(failure?.detail ?? "")")
    }

    @Test func aServerThatClosesWithoutAnAnswer() async throws {
        let server = try CannedServer { server, connection in server.readHead(connection) }
        let failure = try await Self.failure(server.url())
        #expect(failure == TransportFailure(.connectionClosed, "the server closed the connection without an answer"))
    }

    @Test func headersTooLargeToReadAreNamedAsSuch() async throws {
        // One header line of 1 MB (libcurl reads lines up to 100 KB), and headers without end
        // (it reads 300 KB of them): neither is "out of memory" nor "no answer".
        let longLine = try CannedServer { server, connection in
            server.readHead(connection)
            server.send(connection, "HTTP/1.1 301 Moved\r\nLocation: /" + String(repeating: "a", count: 1 << 20) + "\r\nContent-Length: 0\r\n\r\n")
        }
        let long = try await Self.failure(longLine.url())
        #expect(long == TransportFailure(.other, "the server's answer has a header line longer than libcurl reads (100 KB)"))
        let endless = try CannedServer { server, connection in
            server.readHead(connection)
            guard server.send(connection, "HTTP/1.1 200 OK\r\n") else { return }
            for index in 0..<100_000 where !server.send(connection, "X-Header-\(index): value\r\n") { return }
        }
        let many = try await Self.failure(endless.url())
        #expect(many?.kind == .other)
        #expect(many?.detail.hasPrefix("the server's response headers are too large to read (Too large response headers: ") == true, "\(many?.detail ?? "")")
    }

    @Test func anAnswerThatIsNotHTTP() async throws {
        let server = try CannedServer { server, connection in
            server.readHead(connection)
            server.send(connection, "SSH-2.0-OpenSSH_9.2\r\n")
        }
        let failure = try await Self.failure(server.url())
        #expect(failure?.kind == .connectionClosed)
        #expect(failure?.detail.hasPrefix("the server's answer is not HTTP") == true, "\(failure?.detail ?? "")")
    }
}

/// What a probe sends, and what it reads of the answer.
@Suite("WebProbe exchanges")
struct WebProbeExchangeTests {
    static let settings = WebProbe.Settings(connectTimeout: 5, requestTimeout: 10, userAgent: "netkb-test", maxBodyBytes: 64 * 1024)

    static func probe(_ url: String, _ method: ProbeMethod, settings: WebProbe.Settings = settings) async throws -> ProbeResponse {
        let probe = WebProbe(settings: settings)
        let response = await probe.probe(try ExternalURL(parsing: url), method: method)
        await probe.shutdown()
        return response
    }

    @Test func theFinalResponsesStatusAndHeadersAreReported() async throws {
        let server = try CannedServer { server, connection in
            server.readHead(connection)
            server.send(connection, """
                HTTP/1.1 103 Early Hints\r\nLocation: /interim\r\n\r\n\
                HTTP/1.1 301 Moved Permanently\r\nlocation:  /next \r\nRETRY-AFTER: 5\r\nLocation: /second\r\n\
                Set-Cookie: a=1\r\nContent-Length: 0\r\n\r\n
                """)
        }
        let response = try await Self.probe(server.url("/start?q=1"), .head)
        #expect(response == .status(301, location: "/next", retryAfter: "5"))
        let head = server.requests.first ?? ""
        #expect(head.hasPrefix("HEAD /start?q=1 HTTP/1.1\r\n"), "\(head)")
        #expect(head.contains("\r\nUser-Agent: netkb-test\r\n"))
        #expect(head.contains("\r\nAccept: */*\r\n"))
        #expect(!head.lowercased().contains("accept-encoding") && !head.lowercased().contains("cookie"))
    }

    @Test func aGetReadsAtMostMaxBodyBytesOfAHugeBody() async throws {
        let size = 1 << 30
        let server = try CannedServer { server, connection in
            server.readHead(connection)
            guard server.send(connection, "HTTP/1.1 200 OK\r\nContent-Length: \(size)\r\n\r\n") else { return }
            let chunk = String(repeating: "x", count: 16 * 1024)
            while server.bytesSent < size && server.send(connection, chunk) {}
        }
        let response = try await Self.probe(server.url("/huge"), .get)
        #expect(response == .status(200))
        #expect(server.requests.first?.hasPrefix("GET /huge HTTP/1.1\r\n") == true)
        await server.waitUntilFinished(seconds: 10)
        #expect(server.isFinished)
        #expect(server.bytesSent < 64 << 20, "\(server.bytesSent) bytes were sent")
    }

    @Test func theTimeoutBoundsTheBodyToo() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
        let server = try CannedServer { server, connection in
            server.readHead(connection)
            guard server.send(connection, head) else { return }
            for _ in 0..<100 {
                usleep(100_000)
                guard server.send(connection, "x") else { return }
            }
        }
        let settings = WebProbe.Settings(connectTimeout: 5, requestTimeout: 0.5, userAgent: "netkb-test")
        let response = try await Self.probe(server.url("/trickle"), .get, settings: settings)
        #expect(response == .failure(TransportFailure(.timeout, "no response within 500ms")))
        // The body would take 10 s; the probe hung up long before. Measured by the server's
        // own thread: this task may wait for Swift's threads, busy with other tests.
        await server.waitUntilFinished(seconds: 10)
        #expect(server.bytesSent < head.utf8.count + 50, "\(server.bytesSent - head.utf8.count) bytes of the body were sent")
    }

    @Test func aProbeAfterShutdownFailsAtOnce() async throws {
        let probe = WebProbe(settings: Self.settings)
        await probe.shutdown()
        await probe.shutdown()
        let response = await probe.probe(try ExternalURL(parsing: "http://127.0.0.1:9/"), method: .head)
        #expect(response == .failure(TransportFailure(.other, "the HTTP client was shut down")))
    }

    @Test func manyProbesAtOnceAllFinish() async throws {
        let count = 40
        let server = try CannedServer(connections: count) { server, connection in
            server.readHead(connection)
            server.send(connection, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
        }
        let probe = WebProbe(settings: Self.settings)
        let url = try ExternalURL(parsing: server.url("/many"))
        let responses = await withTaskGroup(of: ProbeResponse.self) { group in
            for _ in 0..<count { group.addTask { await probe.probe(url, method: .head) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await probe.shutdown()
        #expect(responses.count == count)
        #expect(responses.allSatisfy { $0 == .status(204) }, "\(Set(responses))")
    }
}
