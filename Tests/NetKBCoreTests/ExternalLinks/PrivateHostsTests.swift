import Testing
import NetKBCore

@Suite("PrivateHosts and IP address literals")
struct PrivateHostsTests {
    @Test(arguments: [
        ("localhost", "localhost"), ("app.localhost", "localhost"),
        ("127.0.0.1", "a loopback address"), ("127.9.9.9", "a loopback address"), ("[::1]", "a loopback address"),
        ("[::ffff:127.0.0.1]", "a loopback address"), ("[::ffff:7f00:1]", "a loopback address"),
        ("10.1.2.3", "a private address"), ("172.16.0.1", "a private address"), ("172.31.255.255", "a private address"),
        ("192.168.1.1", "a private address"), ("169.254.169.254", "a private address"), ("100.64.0.1", "a private address"),
        ("[fd00::2]", "a private address"), ("[fe80::1]", "a private address"),
        ("0.0.0.0", "a reserved address"), ("[::]", "a reserved address"), ("224.0.0.1", "a reserved address"),
        ("255.255.255.255", "a reserved address"), ("192.0.2.2", "a reserved address"), ("[2001:db8::1]", "a reserved address"),
        ("example.com", "a reserved name"), ("www.example.org", "a reserved name"), ("site.test", "a reserved name"),
        ("x.invalid", "a reserved name"), ("printer.local", "a reserved name"), ("router.home.arpa", "a reserved name"),
        ("svc.internal", "a reserved name"),
        ("intranet", "a name without a domain (an intranet host)"),
    ])
    func skipped(host: String, reason: String) {
        #expect(PrivateHosts.reasonToSkip(host) == reason)
    }

    @Test(arguments: ["ko.wikipedia.org", "93.184.216.34", "172.32.0.1", "[2606:4700::1111]", "examples.com", "xn--3e0b707e.kr", "test.com"])
    func checked(host: String) {
        #expect(PrivateHosts.reasonToSkip(host) == nil)
    }

    @Test(arguments: [
        ("127.1", UInt32(0x7F00_0001)), ("2130706433", 0x7F00_0001), ("017700000001", 0x7F00_0001),
        ("0x7f.1", 0x7F00_0001), ("10.0.258", 0x0A00_0102), ("1.2.3.4", 0x0102_0304),
    ])
    func ipv4AsAResolverReadsIt(text: String, value: UInt32) {
        #expect(IPAddressLiteral(text) == .v4(value))
    }

    @Test(arguments: ["1.2.3.4.5", "256.1.1.1", "1.2.3.256", "example.com", "09.1.1.1", "[::1", "[1:2:3:4:5:6:7:8:9]", "[::ffff:1.2.3]"])
    func notIPv4OrBroken(text: String) {
        if case .v4? = IPAddressLiteral(text) { Issue.record("\(text) read as IPv4") }
        if text.hasPrefix("[") { #expect(IPAddressLiteral(text) == nil) }
    }

    @Test func ipv6Forms() {
        #expect(IPAddressLiteral("[1:2:3:4:5:6:7:8]") == .v6([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]))
        #expect(IPAddressLiteral("[::ffff:10.0.0.1]") == .v6([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 10, 0, 0, 1]))
        #expect(IPAddressLiteral("[fe80::]") == .v6([0xFE, 0x80] + Array(repeating: 0, count: 14)))
    }
}
