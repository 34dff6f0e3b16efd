import Testing
import NetKBCore

@Suite("Retry-After and the retry policy")
struct RetryTests {
    @Test(arguments: [
        ("1", 1.0), ("120", 120), ("  3 ", 3), ("0", 0),
        ("Wed, 21 Oct 2015 07:28:10 GMT", 10), ("Wednesday, 21-Oct-15 07:28:10 GMT", 10), ("Wed Oct 21 07:28:10 2015", 10),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0),
    ])
    func retryAfter(header: String, seconds: Double) {
        // 2015-10-21 07:28:00 UTC
        #expect(RetryAfter.seconds(header, now: 1_445_412_480) == seconds)
    }

    @Test(arguments: ["", "soon", "-1", "1.5", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Foo 2015 07:28:00 GMT"])
    func unreadableRetryAfter(header: String) {
        #expect(RetryAfter.seconds(header, now: 0) == nil)
    }

    @Test func hugeNumbersAreHugeNotWrong() {
        #expect(RetryAfter.seconds("99999999999999999999", now: 0)! > 1_000_000)
    }

    @Test(arguments: [
        (1, nil as Double?, 0.5 as Double?), (2, nil, 1), (3, nil, 2), (4, nil, nil), (0, nil, nil),
        (1, 1, 1), (3, 10, 10), (1, 61, nil), (1, 60, 60), (4, 1, nil),
    ])
    func schedule(retry: Int, retryAfter: Double?, expected: Double?) {
        #expect(RetryPolicy().delay(beforeRetry: retry, retryAfter: retryAfter) == expected)
    }

    @Test(arguments: [
        (ProbeResponse.status(429), true), (.status(500), true), (.status(503), true), (.status(599), true),
        (.status(501), false), (.status(404), false), (.status(200), false), (.status(301), false),
        (.failure(TransportFailure(.timeout, "t")), true), (.failure(TransportFailure(.connectTimeout, "t")), true),
        (.failure(TransportFailure(.connectionRefused, "r")), false), (.failure(TransportFailure(.nameResolution, "d")), false),
    ])
    func whatIsRetried(response: ProbeResponse, retried: Bool) {
        #expect(RetryPolicy.isRetryable(response) == retried)
    }
}

@Suite("TimeSpan")
struct TimeSpanTests {
    @Test(arguments: [
        ("1d", 86_400.0), ("12h", 43_200), ("30m", 1_800), ("20s", 20), ("500ms", 0.5), ("1w", 604_800),
        ("1h30m", 5_400), ("20", 20), ("0.5", 0.5), ("0", 0), (" 2D ", 172_800),
    ])
    func parsing(text: String, seconds: Double) {
        #expect(TimeSpan.seconds(parsing: text) == seconds)
    }

    @Test(arguments: ["", "1x", "d", "-1", "+5", "1d-", "abc", "nan", "inf"])
    func refused(text: String) {
        #expect(TimeSpan.seconds(parsing: text) == nil)
    }

    @Test(arguments: [(86_400.0, "1d"), (5_400, "1h30m"), (0.5, "500ms"), (20, "20s"), (0, "0s")])
    func text(seconds: Double, text: String) {
        #expect(TimeSpan.text(seconds) == text)
    }
}
