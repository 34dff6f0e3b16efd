import Testing
import NetKBTestSupport
import NetKBCore

/// The kilobyte-at-a-time scan finds a wanted byte wherever it stands: at either end, on either
/// side of a kilobyte's edge, among Hangul and ASCII; and finds nothing in text without one.
@Suite("ByteScan")
struct ByteScanTests {
    let filler = Array("소켓 socket 패킷 ".utf8)

    func plain(_ length: Int) -> [UInt8] { (0..<length).map { filler[$0 % filler.count] } }

    @Test func aWantedByteIsFoundAnywhere() {
        var random = SeededGenerator(state: 0x6279_7465)
        let wanted = SIMD4<UInt8>(0x2A, 0x5F, 0x7E, 0x3A)
        for length in [1, 2, 1023, 1024, 1025, 2048, 5000] {
            var places = [0, length - 1, min(length - 1, 1023), min(length - 1, 1024)]
            places += (0..<20).map { _ in Int.random(in: 0..<length, using: &random) }
            for place in places {
                for byte in [wanted[0], wanted[1], wanted[2], wanted[3]] {
                    var bytes = plain(length)
                    bytes[place] = byte
                    let found = bytes.withUnsafeBufferPointer { ByteScan.containsAny(of: wanted, in: $0) }
                    #expect(found, "byte \(byte) at \(place) of \(length)")
                }
            }
        }
    }

    @Test func textWithoutThemHasNone() {
        for length in [0, 1, 1024, 1025, 5000] {
            let found = plain(length).withUnsafeBufferPointer { ByteScan.containsAny(of: SIMD4(0x2A, 0x5F, 0x7E, 0x3A), in: $0) }
            #expect(!found)
        }
        // The lead and continuation bytes of Hangul never match an ASCII byte.
        let hangul = Array(String(repeating: "가나다라마바사아자차카타파하", count: 200).utf8)
        #expect(!hangul.withUnsafeBufferPointer { ByteScan.containsAny(of: SIMD4(0x02, 0x03, 0x02, 0x03), in: $0) })
    }

    /// Markers in a note's text are replaced, found by the scan however long the text is.
    @Test func markersInLongTextAreReplaced() {
        let text = String(decoding: plain(3000), as: UTF8.self)
        let marked = text + "\u{02}"
        #expect(HighlightedText.withoutMarkers(text).unicodeScalars.elementsEqual(text.unicodeScalars))
        #expect(HighlightedText.withoutMarkers(marked).unicodeScalars.last?.value == 0xFFFD)
    }
}
