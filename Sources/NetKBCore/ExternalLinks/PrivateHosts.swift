/// Which hosts the external check leaves alone unless told otherwise (`--include-private`):
/// the user's own machine and network, and names that never lead anywhere public.
///
/// ```swift
/// PrivateHosts.reasonToSkip("localhost")        // "localhost"
/// PrivateHosts.reasonToSkip("10.0.0.7")         // "a private address"
/// PrivateHosts.reasonToSkip("www.example.com")  // "a reserved name"
/// PrivateHosts.reasonToSkip("ko.wikipedia.org") // nil: checked
/// ```
///
/// Addresses are read as a resolver reads them (see ``IPAddressLiteral``). A name is judged by
/// how it is written: a public name that happens to resolve to a private address is checked.
public enum PrivateHosts {
    /// Top-level names reserved for tests, documentation, local networks or special resolvers
    /// (RFC 2606, 6761, 6762, 7686, 8375, and ICANN's `.internal`).
    static let reservedSuffixes = ["test", "example", "invalid", "local", "internal", "onion", "home.arpa"]
    /// Second-level names reserved for documentation (RFC 2606).
    static let reservedDomains = ["example.com", "example.net", "example.org"]

    /// Why `host` (canonical: lower-case, NFC, IPv6 in brackets) is skipped, or nil when it is checked.
    public static func reasonToSkip(_ host: String) -> String? {
        if let address = IPAddressLiteral(host) { return reason(for: address) }
        if host == "localhost" || host.hasSuffix(".localhost") { return "localhost" }
        for domain in reservedDomains where host == domain || host.hasSuffix("." + domain) { return "a reserved name" }
        for suffix in reservedSuffixes where host == suffix || host.hasSuffix("." + suffix) { return "a reserved name" }
        if !host.contains(".") && !host.hasPrefix("[") { return "a name without a domain (an intranet host)" }
        return nil
    }

    /// Why an address is skipped, or nil for a public address.
    public static func reason(for address: IPAddressLiteral) -> String? {
        switch address {
        case .v4(let value): return reasonV4(value)
        case .v6(let bytes): return reasonV6(bytes)
        }
    }

    private static func inV4(_ value: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ prefix: UInt32) -> Bool {
        let network = a << 24 | b << 16 | c << 8 | d
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - prefix)
        return value & mask == network & mask
    }

    static func reasonV4(_ value: UInt32) -> String? {
        if inV4(value, 127, 0, 0, 0, 8) { return "a loopback address" }
        let privateRanges: [(UInt32, UInt32, UInt32, UInt32, UInt32)] = [
            (10, 0, 0, 0, 8), (172, 16, 0, 0, 12), (192, 168, 0, 0, 16),
            (100, 64, 0, 0, 10),    // carrier-grade NAT
            (169, 254, 0, 0, 16),   // link-local
        ]
        for (a, b, c, d, prefix) in privateRanges where inV4(value, a, b, c, d, prefix) { return "a private address" }
        let reservedRanges: [(UInt32, UInt32, UInt32, UInt32, UInt32)] = [
            (0, 0, 0, 0, 8), (192, 0, 0, 0, 24), (192, 0, 2, 0, 24), (198, 18, 0, 0, 15), (198, 51, 100, 0, 24),
            (203, 0, 113, 0, 24), (224, 0, 0, 0, 4), (240, 0, 0, 0, 4),
        ]
        for (a, b, c, d, prefix) in reservedRanges where inV4(value, a, b, c, d, prefix) { return "a reserved address" }
        return nil
    }

    static func reasonV6(_ bytes: [UInt8]) -> String? {
        guard bytes.count == 16 else { return "a reserved address" }
        let isZero = { (range: Range<Int>) in bytes[range].allSatisfy { $0 == 0 } }
        if isZero(0..<15) && bytes[15] == 1 { return "a loopback address" }
        if isZero(0..<16) { return "a reserved address" }
        // An IPv4 address inside IPv6 (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d) is judged as IPv4.
        let embedded = UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])
        if isZero(0..<10) && bytes[10] == 0xFF && bytes[11] == 0xFF { return reasonV4(embedded) }
        if isZero(0..<12) { return reasonV4(embedded) }
        if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B && isZero(4..<12) { return reasonV4(embedded) }
        if bytes[0] & 0xFE == 0xFC { return "a private address" }                          // fc00::/7
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "a private address" }      // fe80::/10
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return "a private address" }      // fec0::/10
        if bytes[0] == 0xFF { return "a reserved address" }                                // multicast
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 { return "a reserved address" }
        return nil
    }
}
