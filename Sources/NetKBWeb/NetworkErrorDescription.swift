import CCurl
import NetKBCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns how libcurl ended a failed exchange into a ``TransportFailure``: its kind (for retries
/// and the no-network judgement) and one sentence a user can read.
enum NetworkErrorDescription {
    /// The failure of an exchange that libcurl ended with `code`. `osError` is the `errno` of
    /// the last socket call (`CURLINFO_OS_ERRNO`), `connected` whether a connection was made,
    /// `secured` whether its TLS handshake was done, `message` libcurl's own sentence.
    static func failure(
        for code: CURLcode, osError: Int32, connected: Bool, secured: Bool, message: String,
        url: ExternalURL, settings: WebProbe.Settings
    ) -> TransportFailure {
        let host = url.asciiHost
        // The connection phase ends at whichever limit comes first.
        let connectLimit = TimeSpan.text(min(settings.connectTimeout, settings.requestTimeout))
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return TransportFailure(.nameResolution, "cannot resolve host '\(host)'")
        case CURLE_COULDNT_CONNECT:
            return connectFailure(osError, host: host)
        case CURLE_OPERATION_TIMEDOUT:
            if !connected {
                return TransportFailure(.connectTimeout, "no connection to '\(host)' within \(connectLimit)")
            }
            if url.scheme == "https" && !secured {
                return TransportFailure(.timeout, "TLS handshake with '\(host)' took longer than \(connectLimit)")
            }
            return TransportFailure(.timeout, "no response within \(TimeSpan.text(settings.requestTimeout))")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return TransportFailure(.tls, "TLS with '\(host)' failed: \(message)")
        case CURLE_GOT_NOTHING:
            return TransportFailure(.connectionClosed, "the server closed the connection without an answer")
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            if osError == ECONNRESET || osError == EPIPE {
                return TransportFailure(.connectionClosed, "the connection to '\(host)' was reset")
            }
            if message.hasPrefix("Too large response headers") {
                // libcurl reads at most 300 KB of headers: its sentence names the byte counts.
                return TransportFailure(.other, "the server's response headers are too large to read (\(message))")
            }
            return TransportFailure(.connectionClosed, "the server closed the connection without an answer")
        case CURLE_OUT_OF_MEMORY where connected:
            // libcurl refuses a single header line over 100 KB (a 1 MB Location, say) with this
            // code; a real shortage of memory would have stopped far earlier than an answer.
            return TransportFailure(.other, "the server's answer has a header line longer than libcurl reads (100 KB)")
        case CURLE_PARTIAL_FILE:
            return TransportFailure(.connectionClosed, "the server closed the connection before the end of its answer")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL:
            return TransportFailure(.connectionClosed, "the server's answer is not HTTP (\(message))")
        case CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return TransportFailure(.connectionClosed, "the HTTP/2 exchange with '\(host)' failed: \(message)")
        default:
            return TransportFailure(.other, message)
        }
    }

    /// A connection that could not be made, told apart by the `errno` of the attempt.
    static func connectFailure(_ osError: Int32, host: String) -> TransportFailure {
        guard osError != 0 else { return TransportFailure(.connect, "cannot connect to '\(host)'") }
        let reason = String(cString: strerror(osError))
        switch osError {
        case ECONNREFUSED: return TransportFailure(.connectionRefused, "connection refused by '\(host)'")
        case ENETUNREACH, EHOSTUNREACH: return TransportFailure(.networkUnreachable, "cannot connect to '\(host)': \(reason)")
        case ETIMEDOUT: return TransportFailure(.connectTimeout, "cannot connect to '\(host)': \(reason)")
        case ECONNRESET, EPIPE: return TransportFailure(.connectionClosed, "the connection to '\(host)' was reset")
        default: return TransportFailure(.connect, "cannot connect to '\(host)': \(reason)")
        }
    }
}
