import Testing
import NetKBCore

@Suite("UTF8Decoding")
struct UTF8DecodingTests {
    func decode(_ bytes: [UInt8], at index: Int = 0) -> (UInt32, Int) {
        bytes.withUnsafeBufferPointer { UTF8Decoding.scalar(at: index, in: $0) }
    }

    @Test(arguments: [
        ([0x41], 0x41, 1), ([0xC3, 0xA9], 0xE9, 2), ([0xEC, 0x86, 0x8C], 0xC18C, 3), ([0xF0, 0x9F, 0x9A, 0x80], 0x1F680, 4),
        ([0xEF, 0xBF, 0xBD], 0xFFFD, 3),
    ] as [([UInt8], UInt32, Int)])
    func validSequences(bytes: [UInt8], value: UInt32, length: Int) {
        let (decoded, count) = decode(bytes)
        #expect(decoded == value && count == length)
    }

    @Test(arguments: [
        [0xFF], [0x80], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xEC, 0x86], [0xF4, 0x90, 0x80, 0x80], [0xC3, 0x41],
    ] as [[UInt8]])
    func invalidBytesReadAsReplacementOfLengthOne(bytes: [UInt8]) {
        let (decoded, count) = decode(bytes)
        #expect(decoded == 0xFFFD && count == 1)
    }

    @Test func scalarBeforeAnIndex() {
        let bytes = Array("a소b".utf8)
        let value = bytes.withUnsafeBufferPointer { UTF8Decoding.scalar(before: 4, in: $0) }
        #expect(value == 0xC18C)
    }
}
