import NetKBTestSupport
import Testing
@testable import NetKBCore

@Suite("HashFilter")
struct HashFilterTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyHashPutInIsKeptAndMostOthersAreRuledOut(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let kept = (0..<24).map { _ in UInt64.random(in: .min ... .max, using: &random) }
        let filter = HashFilter(kept)
        #expect(kept.allSatisfy(filter.mayContain))
        let others = (0..<10_000).map { _ in UInt64.random(in: .min ... .max, using: &random) }
        let passed = others.filter(filter.mayContain).count
        // 24 of 1,024 bits set: about 2.3% of other hashes pass.
        #expect(passed < 600, "\(passed) of 10,000 other hashes passed")
    }

    @Test func anEmptyFilterRulesOutEverything() {
        let filter = HashFilter([])
        #expect(![0, 1, .max, 0xCBF2_9CE4_8422_2325].contains(where: filter.mayContain))
    }

    @Test func theQueryMatchersHashesOfTokensSpreadOverTheFilter() {
        // The filter reads a hash's top bits: FNV-1a's must differ between short tokens.
        let tokens = ["tcp", "udp", "ip", "소켓", "켓은", "혼잡", "잡 제", "제어", "s", "a"]
        let bits = Set(tokens.map { QueryMatcher.hash(Array($0.utf8)) >> 54 })
        #expect(bits.count >= tokens.count - 1)
    }
}
