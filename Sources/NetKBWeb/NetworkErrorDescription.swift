import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix
import NetKBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns what AsyncHTTPClient and SwiftNIO throw into a ``TransportFailure``: its kind (for
/// retries and the no-network judgement) and one sentence a user can read.
enum NetworkErrorDescription {
    static func failure(for error: any Error, url: ExternalURL, settings: WebProbe.Settings) -> TransportFailure {
        let seconds = { (value: Double) in TimeSpan.text(value) }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout:
                return TransportFailure(.connectTimeout, "no connection to '\(url.asciiHost)' within \(seconds(settings.connectTimeout))")
            case .deadlineExceeded, .readTimeout, .cancelled:
                return TransportFailure(.timeout, "no response within \(seconds(settings.requestTimeout))")
            case .tlsHandshakeTimeout:
                return TransportFailure(.timeout, "TLS handshake with '\(url.asciiHost)' took longer than \(seconds(settings.connectTimeout))")
            case .remoteConnectionClosed:
                return TransportFailure(.connectionClosed, "the server closed the connection without an answer")
            default:
                return TransportFailure(.other, "\(error)")
            }
        }
        if error is CancellationError {
            return TransportFailure(.timeout, "no response within \(seconds(settings.requestTimeout))")
        }
        if let error = error as? NIOConnectionError {
            if let dns = error.dnsAError ?? error.dnsAAAAError {
                return dnsFailure(dns, host: url.asciiHost)
            }
            for attempt in error.connectionErrors {
                return connectFailure(attempt.error, host: url.asciiHost)
            }
            return TransportFailure(.connect, "cannot connect to '\(url.asciiHost)'")
        }
        if error is SocketAddressError.UnknownHost || error is SocketAddressError {
            return dnsFailure(error, host: url.asciiHost)
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout:
                return TransportFailure(.connectTimeout, "no connection to '\(url.asciiHost)' within \(seconds(settings.connectTimeout))")
            case .eof, .ioOnClosedChannel, .alreadyClosed, .outputClosed, .inputClosed:
                return TransportFailure(.connectionClosed, "the server closed the connection without an answer")
            default:
                return TransportFailure(.other, "\(error)")
            }
        }
        if let error = error as? IOError {
            return connectFailure(error, host: url.asciiHost)
        }
        if error is HTTPParserError {
            return TransportFailure(.connectionClosed, "the server's answer is not HTTP (\(error))")
        }
        // TLS errors come from NIOSSL, which netkb does not import: told apart by their type's module.
        let typeName = String(reflecting: type(of: error))
        if typeName.hasPrefix("NIOSSL.") || typeName.contains("BoringSSL") {
            return TransportFailure(.tls, "TLS with '\(url.asciiHost)' failed: \(error)")
        }
        return TransportFailure(.other, "\(error)")
    }

    static func dnsFailure(_ error: any Error, host: String) -> TransportFailure {
        if let unknown = error as? SocketAddressError.UnknownHost {
            return TransportFailure(.nameResolution, "cannot resolve host '\(host)': \(unknown.errorDescription)")
        }
        return TransportFailure(.nameResolution, "cannot resolve host '\(host)'")
    }

    static func connectFailure(_ error: any Error, host: String) -> TransportFailure {
        guard let error = error as? IOError else {
            if let channel = error as? ChannelError, case .connectTimeout = channel {
                return TransportFailure(.connectTimeout, "no connection to '\(host)' in time")
            }
            return TransportFailure(.connect, "cannot connect to '\(host)': \(error)")
        }
        let reason = String(cString: strerror(error.errnoCode))
        switch error.errnoCode {
        case ECONNREFUSED: return TransportFailure(.connectionRefused, "connection refused by '\(host)'")
        case ENETUNREACH: return TransportFailure(.networkUnreachable, "cannot connect to '\(host)': \(reason)")
        case ETIMEDOUT: return TransportFailure(.connectTimeout, "cannot connect to '\(host)': \(reason)")
        case ECONNRESET, EPIPE: return TransportFailure(.connectionClosed, "the connection to '\(host)' was reset")
        default: return TransportFailure(.connect, "cannot connect to '\(host)': \(reason)")
        }
    }
}
