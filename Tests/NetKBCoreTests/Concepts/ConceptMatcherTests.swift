import Testing
@testable import NetKBCore

@Suite("ConceptMatcher")
struct ConceptMatcherTests {
    let matcher: ConceptMatcher

    init() throws {
        matcher = ConceptMatcher(taxonomy: try ConceptFixtures.taxonomy())
    }

    /// The ids found, in order of first mention.
    func ids(_ text: String) -> [String] {
        matcher.matches(in: text).map(\.conceptID)
    }

    // MARK: Latin abbreviations

    @Test(arguments: ["zip", "skip", "zip 파일", "ship", "clip", "Zip"])
    func ipIsNotInsideWords(_ text: String) {
        #expect(ids(text).isEmpty)
    }

    @Test func ipAsAWholeWord() {
        #expect(ids("IP") == ["ip"])
        #expect(ids("IP와 TCP") == ["ip", "tcp"])
        #expect(ids("(IP)") == ["ip"])
        #expect(ids("IPs") == ["ip"])
        #expect(ids("IPv4") == ["ip"])
    }

    @Test func abbreviationsInsideLongerNamesCountToo() {
        #expect(Set(ids("IP 주소")) == ["ip-address", "ip"])
        #expect(Set(ids("IPv4 주소")) == ["ip-address", "ip"])
        #expect(Set(ids("TCP/IP")) == ["tcp-ip-model", "tcp", "ip"])
        #expect(Set(ids("TCP/IP 모델은 4계층")) == ["tcp-ip-model", "tcp", "ip"])
        // Only related concepts: CA, a certificate authority, is not in CSMA/CA.
        #expect(ids("CSMA/CA") == ["csma-ca"])
        #expect(ids("CA") == ["ca"])
        // A name of the same concept counts once.
        let mac = matcher.matches(in: "MAC 주소")
        #expect(mac == [ConceptMention(conceptID: "mac-address", count: 1, firstLine: 0, firstOffset: 0)])
    }

    @Test func abbreviationsKeepTheirCase() {
        #expect(ids("ip 주소").contains("ip-address"))  // Korean names match in any case…
        #expect(!ids("ip 주소").contains("ip"))  // …but the abbreviation IP needs its capitals.
        #expect(ids("udp") == [])
        #expect(ids("tcp") == ["tcp"])  // The taxonomy lists tcp in lower case too.
        #expect(ids("Tcp") == [])
        #expect(ids("nat 설정") == [])
        #expect(ids("Mac에서") == [])
    }

    @Test func capitalsRunningIntoLowercase() {
        #expect(ids("SYNchronize(동기화)") == ["syn"])
        #expect(ids("ACKnowledgement(승인)") == ["ack"])
        #expect(ids("SYNC") == [])
        #expect(ids("ACKs와 SYNs") == ["ack", "syn"])
        // Two-letter abbreviations do not: `IPhone` is not IP.
        #expect(ids("IPhone") == [])
    }

    @Test func englishNamesInAnyCaseWithPlurals() {
        #expect(ids("a Router") == ["router"])
        #expect(ids("routers and switches") == ["router", "switch"])
        #expect(ids("switchboard") == [])
        #expect(ids("Flow Control") == ["flow-control"])
        #expect(ids("framework") == [])
    }

    // MARK: Korean names

    @Test func koreanNamesTakeParticles() {
        #expect(ids("라우터는") == ["router"])
        #expect(ids("소켓을") == ["socket"])
        #expect(ids("세션은") == ["session"])
        #expect(ids("스위치와 라우터") == ["switch", "router"])
        #expect(ids("TCP의 포트를") == ["tcp", "port"])
    }

    @Test(arguments: ["리포트", "서포트", "임포트", "트랜스포트", "포트폴리오", "프레임워크", "프레임워크를", "웹소켓", "깃세션"])
    func koreanNamesNotInsideOtherWords(_ text: String) {
        #expect(ids(text).isEmpty)
    }

    @Test func spacingVariants() {
        #expect(ids("흐름 제어") == ["flow-control"])
        #expect(ids("흐름제어") == ["flow-control"])
        #expect(ids("흐름  제어를") == ["flow-control"])
        #expect(ids("쓰리웨이 핸드셰이크") == ["three-way-handshake"])
        #expect(ids("쓰리웨이핸드쉐이크") == ["three-way-handshake"])
        #expect(ids("3 Way Handshake") == ["three-way-handshake"])
        #expect(ids("3-way 핸드셰이크") == ["three-way-handshake"])
        #expect(ids("TIME_WAIT 상태") == ["time-wait"])
        #expect(ids("time-wait") == ["time-wait"])
        #expect(ids("포트 번호") == ["port"])
        #expect(ids("포트번호") == ["port"])
    }

    @Test func namesDoNotSpanLines() {
        #expect(ids("흐름\n제어") == [])
    }

    @Test func latinTouchingHangul() {
        #expect(ids("TCP는") == ["tcp"])
        #expect(ids("의TCP") == ["tcp"])
        #expect(ids("TCP포트") == ["tcp", "port"])
    }

    // MARK: URLs and code

    @Test func urlsDoNotCount() {
        #expect(ids("https://example.com/tcp/IP/router") == [])
        #expect(ids("see www.tcp.com/IP now") == [])
        #expect(ids("https://a.b/TCP 라우터") == ["router"])
        #expect(ids("TCP: 연결") == ["tcp"])
    }

    @Test func excludedRangesDoNotCount() {
        let text = "TCP 설명\nlet ip = IP()\n라우터"
        let codeStart = Array("TCP 설명\n".utf8).count
        let codeEnd = codeStart + Array("let ip = IP()".utf8).count
        let found = matcher.matches(in: text, excluding: [codeStart..<codeEnd])
        #expect(found.map(\.conceptID) == ["tcp", "router"])
        #expect(found.map(\.firstLine) == [0, 2])
    }

    @Test func aNameEndingAtAnExcludedRangeStillMatches() {
        let text = "TCP`x`"
        #expect(matcher.matches(in: text, excluding: [3..<6]).map(\.conceptID) == ["tcp"])
    }

    // MARK: Counts and lines

    @Test func countsAndFirstLines() {
        let text = "제목\nTCP와 UDP\n\nTCP 연결, 라우터\nTCP"
        let found = matcher.matches(in: text)
        #expect(found == [
            ConceptMention(conceptID: "tcp", count: 3, firstLine: 1, firstOffset: 7),
            ConceptMention(conceptID: "udp", count: 1, firstLine: 1, firstOffset: 14),
            ConceptMention(conceptID: "router", count: 1, firstLine: 3, firstOffset: 31),
        ])
    }

    @Test func emptyAndOddText() {
        #expect(ids("") == [])
        #expect(ids("   \n\n") == [])
        #expect(ids("\u{FFFD}TCP\u{1F600}") == ["tcp"])
        // NFD Hangul is not matched; the indexer normalises text to NFC first.
        #expect(ids("라우터".decomposedStringWithCanonicalMapping) == [])
    }
}
