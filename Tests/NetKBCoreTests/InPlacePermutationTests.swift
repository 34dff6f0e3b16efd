import NetKBTestSupport
import Testing
import NetKBCore

@Suite("InPlacePermutation")
struct InPlacePermutationTests {
    @Test(arguments: 0..<4)
    func givesWhatReadingThePositionsInOrderGives(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        for count in [0, 1, 2, 3, 10, 257] {
            let elements = (0..<count).map { "e\($0)" }
            let order = Array(0..<count).shuffled(using: &random)
            var permuted = elements
            InPlacePermutation.apply(order, to: &permuted)
            #expect(permuted == order.map { elements[$0] })
        }
    }
}
