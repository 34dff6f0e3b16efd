import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on a loopback address, for the external link check's end-to-end tests.
/// Each loopback address (127.0.0.1, 127.0.0.2, …) is a host of its own to netkb.
///
/// Routes (any method unless said):
/// - `/ok`, and any path under `/ok/`: 200
/// - `/status/N`: status N
/// - `/flaky`: 500 the first time, then 200
/// - `/busy`: 429 with `Retry-After: 1` the first time, then 200
/// - `/chain/1` → 302 `/chain/2` → 307 `/chain/3` → 200
/// - `/moved` → 301 `/ok`
/// - `/loop/a` → 302 `/loop/b` → 302 `/loop/a`
/// - `/ftp` → 302 `ftp://…`
/// - `/evil` → 302 to a Location with a right-to-left override
/// - `/nohead`: HEAD 405, GET 200
/// - `/slow`: 200 after 3 s
/// - `/huge`: HEAD 405; GET 200 with a 1 GiB body, written only as fast as it is read
/// - `/cookie` → sets a cookie and 302 `/ok`
/// - `/hold…`: 200 after 300 ms, counting how many are in flight at once
/// - anything else: 404
final class TestWebServer: Sendable {
    /// What the server saw, for the tests to assert.
    struct Log: Sendable {
        var requests: [String] = []        // "METHOD /path"
        var userAgents: Set<String> = []
        var cookieHeaders = 0
        var firstBusy: Date?
        var secondBusy: Date?
        var hugeBytesSent = 0
        var hugeClosedEarly = false
        var inFlightHold = 0
        var maxInFlightHold = 0
    }

    let host: String
    let port: Int
    let channel: any Channel
    let log: NIOLockedValueBox<Log>

    private init(host: String, port: Int, channel: any Channel, log: NIOLockedValueBox<Log>) {
        self.host = host
        self.port = port
        self.channel = channel
        self.log = log
    }

    /// Starts a server on `host` (a loopback address), on a free port or `port`.
    static func start(host: String = "127.0.0.1", port: Int = 0) async throws -> TestWebServer {
        let log = NIOLockedValueBox(Log())
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(TestWebHandler(log: log))
                }
            }
            .bind(host: host, port: port).get()
        return TestWebServer(host: host, port: channel.localAddress?.port ?? port, channel: channel, log: log)
    }

    /// `http://host:port/path`.
    func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

    var requests: [String] { log.withLockedValue { $0.requests } }

    func stop() async {
        try? await channel.close()
    }
}

/// A server that accepts connections and never answers.
final class SilentServer: Sendable {
    let host: String
    let port: Int
    let channel: any Channel

    private init(host: String, port: Int, channel: any Channel) {
        self.host = host
        self.port = port
        self.channel = channel
    }

    static func start(host: String) async throws -> SilentServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
            .bind(host: host, port: 0).get()
        return SilentServer(host: host, port: channel.localAddress?.port ?? 0, channel: channel)
    }

    func url(_ path: String) -> String { "http://\(host):\(port)\(path)" }

    func stop() async {
        try? await channel.close()
    }
}

/// A port on `host` where nothing listens: bound once to learn a free number, then closed.
func closedPort(on host: String) async throws -> Int {
    let server = try await TestWebServer.start(host: host)
    let port = server.port
    await server.stop()
    return port
}

/// The request handler of ``TestWebServer``.
final class TestWebHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let log: NIOLockedValueBox<Log>
    typealias Log = TestWebServer.Log
    private var head: HTTPRequestHead?
    /// Bytes of the 1 GiB body still to write.
    private var hugeRemaining = 0
    private static let hugeSize = 1 << 30
    private static let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 16 * 1024)

    init(log: NIOLockedValueBox<Log>) {
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body:
            break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, context: context)
        }
    }

    func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri
        let method = head.method
        let seen = log.withLockedValue { log -> Int in
            log.requests.append("\(method.rawValue) \(path)")
            if let agent = head.headers.first(name: "User-Agent") { log.userAgents.insert(agent) }
            if head.headers.contains(name: "Cookie") { log.cookieHeaders += 1 }
            return log.requests.filter { $0.hasSuffix(" " + path) }.count
        }
        let base = "http://\(head.headers.first(name: "Host") ?? "localhost")"
        switch path {
        case _ where path == "/ok" || path.hasPrefix("/ok/"):
            send(.ok, context: context)
        case _ where path.hasPrefix("/status/"):
            send(HTTPResponseStatus(statusCode: Int(path.dropFirst(8)) ?? 500), context: context)
        case "/flaky":
            send(seen == 1 ? .internalServerError : .ok, context: context)
        case "/busy":
            log.withLockedValue { log in
                if seen == 1 { log.firstBusy = Date() } else if seen == 2 { log.secondBusy = Date() }
            }
            send(seen == 1 ? .tooManyRequests : .ok, headers: seen == 1 ? [("Retry-After", "1")] : [], context: context)
        case "/chain/1": send(.found, headers: [("Location", "/chain/2")], context: context)
        case "/chain/2": send(.temporaryRedirect, headers: [("Location", base + "/chain/3")], context: context)
        case "/chain/3": send(.ok, context: context)
        case "/moved": send(.movedPermanently, headers: [("Location", "/ok")], context: context)
        case "/loop/a": send(.found, headers: [("Location", "/loop/b")], context: context)
        case "/loop/b": send(.found, headers: [("Location", base + "/loop/a")], context: context)
        case "/ftp": send(.found, headers: [("Location", "ftp://127.0.0.1/pub/file.txt")], context: context)
        case "/evil": send(.found, headers: [("Location", "gopher://x/\u{202E}evil")], context: context)
        case "/cookie": send(.found, headers: [("Set-Cookie", "session=1; Path=/"), ("Location", "/ok/after-cookie")], context: context)
        case "/nohead":
            send(method == .HEAD ? .methodNotAllowed : .ok, context: context)
        case "/slow":
            context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(3)) {
                self.send(.ok, context: context)
            }
        case _ where path.hasPrefix("/hold"):
            log.withLockedValue { log in
                log.inFlightHold += 1
                log.maxInFlightHold = max(log.maxInFlightHold, log.inFlightHold)
            }
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(300)) {
                self.log.withLockedValue { $0.inFlightHold -= 1 }
                self.send(.ok, context: context)
            }
        case "/huge":
            guard method == .GET else { return send(.methodNotAllowed, context: context) }
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "\(Self.hugeSize)")
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
            hugeRemaining = Self.hugeSize
            pump(context: context)
        default:
            send(.notFound, context: context)
        }
    }

    /// Writes the huge body while the peer reads it.
    func pump(context: ChannelHandlerContext) {
        while hugeRemaining > 0 && context.channel.isWritable {
            let size = min(hugeRemaining, Self.chunk.readableBytes)
            context.write(wrapOutboundOut(.body(.byteBuffer(Self.chunk.getSlice(at: 0, length: size)!))), promise: nil)
            hugeRemaining -= size
            log.withLockedValue { $0.hugeBytesSent += size }
        }
        context.flush()
        if hugeRemaining == 0 && log.withLockedValue({ $0.hugeBytesSent }) >= Self.hugeSize {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if hugeRemaining > 0 { pump(context: context) }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if hugeRemaining > 0 { log.withLockedValue { $0.hugeClosedEarly = true } }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func send(_ status: HTTPResponseStatus, headers extra: [(String, String)] = [], context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders(extra)
        headers.add(name: "Content-Length", value: "0")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
}
