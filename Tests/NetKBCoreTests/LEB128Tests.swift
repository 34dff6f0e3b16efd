import NetKBTestSupport
import Testing
@testable import NetKBCore

/// LEB128 varints: the bytes of known values, round trips, and input cut short.
@Suite struct LEB128Tests {
    @Test(arguments: [
        (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
        (16_384, [0x80, 0x80, 0x01]), (-5, [0x00]),
    ] as [(Int, [UInt8])])
    func writesTheKnownBytes(_ value: Int, _ bytes: [UInt8]) {
        var written: [UInt8] = []
        LEB128.append(value, to: &written)
        #expect(written == bytes, "\(value)")
    }

    @Test(arguments: [(0, 0), (-1, 1), (1, 2), (-2, 3), (2, 4), (-64, 127), (64, 128)])
    func zigZagsSignedValues(_ value: Int, _ unsigned: Int) {
        var signed: [UInt8] = [], plain: [UInt8] = []
        LEB128.appendSigned(value, to: &signed)
        LEB128.append(unsigned, to: &plain)
        #expect(signed == plain, "\(value)")
        var index = 0
        #expect(LEB128.readSigned(signed, at: &index) == value && index == signed.count)
    }

    @Test(arguments: 0..<4)
    func readsBackWhatItWrites(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var values: [Int] = []
        var bytes: [UInt8] = []
        for _ in 0..<2_000 {
            let value = Int.random(in: -(1 << 40)...(1 << 40), using: &random) >> Int.random(in: 0...40, using: &random)
            values.append(value)
            LEB128.appendSigned(value, to: &bytes)
            if value >= 0 { LEB128.append(value, to: &bytes) }
        }
        var index = 0
        for value in values {
            #expect(LEB128.readSigned(bytes, at: &index) == value)
            if value >= 0 { #expect(LEB128.read(bytes, at: &index) == value) }
        }
        #expect(index == bytes.count)
    }

    @Test func inputCutShortReadsNothing() {
        var index = 0
        #expect(LEB128.read([0x80, 0x80], at: &index) == nil)
        index = 0
        #expect(LEB128.read([], at: &index) == nil)
        index = 0
        #expect(LEB128.read([UInt8](repeating: 0xFF, count: 20), at: &index) == nil, "longer than 63 bits")
    }
}
