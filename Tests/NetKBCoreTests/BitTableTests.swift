import NetKBTestSupport
import Testing
@testable import NetKBCore

@Suite("BitTable")
struct BitTableTests {
    @Test(arguments: [1, 63, 64, 65, 1024, 1 << 16])
    func holdsExactlyTheBitsPutIn(size: Int) {
        var random = SeededGenerator(state: UInt64(size))
        var inserted = Set([0, size - 1])
        for _ in 0..<min(size, 200) { inserted.insert(Int.random(in: 0..<size, using: &random)) }
        var table = BitTable(bits: size)
        for bit in inserted { table.insert(bit) }
        #expect((0..<size).filter(table.contains) == inserted.sorted())
    }
}
