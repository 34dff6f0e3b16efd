import Testing
import NetKBTestSupport
@testable import NetKBCore

/// Tokens recorded on one thread and replayed on another are the tokenizer's own.
@Suite("Token streams")
struct TokenStreamTests {
    @Test func recordedStreamsReplayWhatTheTokenizerEmits() throws {
        let text = "TCP와 소켓은 혼잡 제어 handshakes 😀 naïve"
        let direct = KoreanAwareTokenizer().tokens(in: text, mode: .document)
        let stream = try #require(TokenStream(recording: text))
        var replayed: [String] = []
        stream.replay { token, range, colocated in
            replayed.append("\(String(decoding: token, as: UTF8.self)) \(range) \(colocated)")
            return true
        }
        #expect(replayed == direct.map { "\($0.text) \($0.range) \($0.colocated)" })
        #expect(stream.count == direct.count)
        var first: [String] = []
        stream.replay { token, _, _ in first.append(String(decoding: token, as: UTF8.self)); return false }
        #expect(first.count == 1)
        var other = Array("TCP와 소켓은 혼잡 제어 handshakes 😀 naive".utf8)
        #expect(other.withUnsafeMutableBufferPointer { stream.isSource(of: UnsafeBufferPointer($0)) } == false)
        var same = Array(text.utf8)
        #expect(same.withUnsafeMutableBufferPointer { stream.isSource(of: UnsafeBufferPointer($0)) })
    }

    /// Tokens that are their source's bytes are replayed from the source, the others from
    /// their own: seeded texts of both kinds, in both modes, replay as the tokenizer emits.
    @Test func seededTextsReplayAsTheTokenizerEmits() throws {
        var random = SeededGenerator(state: 0x746f_6b65)
        let pieces = ["소켓", "은", "혼잡", " ", "  ", "\t", "제어", "TCP", "tcp", "Café", "NAÏVE", "ß",
                      "\u{1100}\u{1161}\u{11AB}", "한\u{302}", "😀", "3-way", "e\u{301}", "x_y", "\n", "가나다라마"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for mode in [TokenizationMode.document, .query] {
                let direct = KoreanAwareTokenizer().tokens(in: text, mode: mode)
                let stream = try #require(TokenStream(recording: text, mode: mode))
                var replayed: [KoreanAwareTokenizer.Token] = []
                stream.replay { token, range, colocated in
                    replayed.append(.init(text: String(decoding: token, as: UTF8.self), range: range, colocated: colocated))
                    return true
                }
                #expect(replayed.map(\.text.utf8).map(Array.init) == direct.map(\.text.utf8).map(Array.init), "\(text.debugDescription)")
                #expect(replayed.map(\.range) == direct.map(\.range) && replayed.map(\.colocated) == direct.map(\.colocated))
            }
        }
    }

    @Test func theSourceIsComparedByteForByte() throws {
        let text = "소켓은 TCP 위에서 동작한다"
        let stream = try #require(TokenStream(recording: text))
        func isSource(_ candidate: [UInt8]) -> Bool {
            var bytes = candidate
            return bytes.withUnsafeMutableBufferPointer { stream.isSource(of: UnsafeBufferPointer($0)) }
        }
        let bytes = Array(text.utf8)
        #expect(isSource(bytes))
        for position in [0, bytes.count / 2, bytes.count - 1] {
            var changed = bytes
            changed[position] ^= 0x01
            #expect(!isSource(changed), "byte \(position) differs")
        }
        #expect(!isSource(Array(bytes.dropLast())))
        #expect(!isSource([]))
        let empty = try #require(TokenStream(recording: ""))
        var none: [UInt8] = []
        #expect(none.withUnsafeMutableBufferPointer { empty.isSource(of: UnsafeBufferPointer($0)) })
    }

    @Test func hugeTextsAreLeftToTheWriter() {
        let huge = String(repeating: "소켓 통신 ", count: TokenStream.maximumSourceBytes / 14 + 1)
        #expect(huge.utf8.count > TokenStream.maximumSourceBytes)
        #expect(TokenStream(recording: huge) == nil)
        #expect(TokenStream(recording: String(huge.prefix(1000))) != nil)
    }
}
