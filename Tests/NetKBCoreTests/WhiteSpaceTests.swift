import Testing
import NetKBCore

@Suite("WhiteSpace")
struct WhiteSpaceTests {
    @Test func theTableIsUnicodesWhiteSpaceProperty() {
        var differing: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if WhiteSpace.contains(value) != scalar.properties.isWhitespace { differing.append(value) }
        }
        #expect(differing.isEmpty)
    }
}
