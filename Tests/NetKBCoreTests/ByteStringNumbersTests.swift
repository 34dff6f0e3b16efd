import NetKBTestSupport
import Testing
@testable import NetKBCore

/// Numbering byte strings by a hash of their bytes must agree with a dictionary keyed by the
/// bytes themselves.
@Suite struct ByteStringNumbersTests {
    @Test(arguments: 0..<6)
    func numbersAgreeWithADictionaryOfTheBytes(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var numbers = ByteStringNumbers()
        var plain: [[UInt8]: Int] = [:]
        // Few letters and short lengths, so that strings repeat, share prefixes and differ in
        // one byte; some longer than eight bytes, some empty.
        let alphabet: [UInt8] = [0x00, 0x61, 0x62, 0xEA, 0xFF]
        var strings: [[UInt8]] = []
        for _ in 0..<5_000 {
            let text: [UInt8]
            if !strings.isEmpty, Bool.random(using: &random) {
                text = strings.randomElement(using: &random)!
            } else {
                text = (0..<Int.random(in: 0...20, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                strings.append(text)
            }
            let (number, isNew) = text.withUnsafeBufferPointer { numbers.number(of: $0) }
            let expected = plain[text] ?? plain.count
            #expect(number == expected && isNew == (plain[text] == nil), "\(text)")
            plain[text] = expected
        }
        #expect(numbers.count == plain.count)
    }

    @Test func theHashIsTheBytesOnly() {
        let long = Array("https://youtube.com/watch?v=XFYRbeqGEtg".utf8)
        let copy = long
        func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 { bytes.withUnsafeBufferPointer { ByteStringNumbers.hash($0, seed: seed) } }
        #expect(hash(long) == hash(copy))
        #expect(hash(long) != hash(Array(long.dropLast())))
        #expect(hash(long, seed: 1) != hash(long, seed: 2), "the seed changes every hash")
    }

    /// Each table draws its own seed; the numbers it gives depend only on the order texts come in.
    @Test func twoTablesNumberTheSameTextsAlike() {
        let texts = (0..<5_000).map { Array("https://example.com/\($0 % 1_700)".utf8) }
        var first = ByteStringNumbers(), second = ByteStringNumbers()
        for text in texts {
            let a = text.withUnsafeBufferPointer { first.number(of: $0) }
            let b = text.withUnsafeBufferPointer { second.number(of: $0) }
            #expect(a == b)
        }
        #expect(first.count == 1_700)
    }
}
