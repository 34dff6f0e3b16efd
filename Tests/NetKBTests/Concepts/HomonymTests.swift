import NetKB
import Testing

/// Words that name a networking concept in a network note and something else in notes on
/// operating systems, data structures, security or front-end code (found tagging a Korean CS
/// interview collection): the shipped taxonomy's `excludes` and longer names keep them apart.
@Suite struct HomonymTests {
    static let matcher = Result { ConceptMatcher(taxonomy: try ShippedTaxonomy.taxonomy()) }

    func concepts(in text: String) throws -> Set<String> {
        Set(try Self.matcher.get().matches(in: text).map(\.conceptID))
    }

    /// (text, a concept it must not be tagged with)
    @Test(arguments: [
        ("문맥 교환이라고도 하는 컨텍스트 스위칭은 PCB를 저장한다", "switching"),
        ("#### Context Switching 비용", "switching"),
        ("Context Switch가 일어나면", "switch"),
        ("MMU는 논리 주소를 물리 주소로 변환한다", "mac-address"),
        ("MAC (Mandatory Access Control) 정책", "mac-address"),
        ("메세지 인증 코드(MAC)로 무결성을 확인한다", "mac-address"),
        ("MAC(Message Authentication Code)를 붙인다", "mac-address"),
        ("페이징은 외부 단편화를 없애지만 내부 단편화가 생긴다", "ip-fragmentation"),
        ("### vue-router 활용하기", "router"),
        ("구간 합은 세그먼트 트리로 푼다", "segment"),
        ("코드 세그먼트와 데이터 세그먼트, 스택 세그먼트", "segment"),
        ("모바일 AP(Mobile Application Processor) 시장", "access-point"),
        ("중간자가 위변조할 수 있다", "modulation"),
        ("폰 노이만 병목현상을 줄이려고 캐시를 둔다", "congestion"),
        ("SQL의 DELETE 문과 DELETE FROM 절", "http-method"),
        ("인증서버에 토큰을 요청한다", "certificate"),
        ("빈 프레임이 없으면 페이지 교체", "frame"),
        ("L1 캐시와 L2 캐시, L3 캐시", "physical-layer"),
        ("L1, L2, L3 캐시 메모리", "data-link-layer"),
        ("L1 캐시와 L2 캐시, L3 캐시", "network-layer"),
    ])
    func notTheNetworkingConcept(text: String, concept: String) throws {
        #expect(try !concepts(in: text).contains(concept), "\(text)")
    }

    /// The same words where they do mean the networking concept.
    @Test(arguments: [
        ("L2 스위칭은 MAC 주소로 프레임을 전달한다", ["switching", "mac-address", "frame"]),
        ("스위치가 MAC 주소 테이블을 본다", ["switch"]),
        ("MTU보다 큰 패킷은 단편화된다", ["ip-fragmentation"]),
        ("라우터가 패킷을 다음 홉으로 보낸다", ["router"]),
        ("TCP 세그먼트의 헤더", ["segment"]),
        ("무선 AP에 접속한다", ["access-point"]),
        ("디지털 변조 방식인 QAM", ["modulation"]),
        ("네트워크 병목이 생기면 큐가 찬다", ["congestion"]),
        ("HTTP DELETE 요청", ["http-method"]),
        ("서버가 인증서를 보낸다", ["certificate"]),
        ("메시지 인증 코드(MAC)를 계산한다", ["hash-mac"]),
        ("L2 계층과 L3 계층", ["data-link-layer", "network-layer"]),
    ])
    func theNetworkingConcept(text: String, expected: [String]) throws {
        let found = try concepts(in: text)
        for concept in expected { #expect(found.contains(concept), "\(text): \(found.sorted())") }
    }
}
