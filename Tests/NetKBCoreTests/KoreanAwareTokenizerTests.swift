import Testing
@testable import NetKBCore

@Suite("KoreanAwareTokenizer")
struct KoreanAwareTokenizerTests {
    let tokenizer = KoreanAwareTokenizer()

    func texts(_ string: String, _ mode: TokenizationMode = .document) -> [String] {
        tokenizer.tokens(in: string, mode: mode).map(\.text)
    }

    @Test func hangulRunsBecomeOverlappingBigramsWithTheLastSyllable() {
        let tokens = tokenizer.tokens(in: "소켓은", mode: .document)
        #expect(tokens.map(\.text) == ["소켓", "켓은", "은"])
        #expect(tokens.map(\.colocated) == [false, false, true])
        // Byte offsets point at the user's own text: each syllable is three bytes.
        #expect(tokens.map(\.range) == [0..<6, 3..<9, 6..<9])
    }

    @Test func queriesDoNotGetTheTrailingSyllable() {
        #expect(texts("소켓은", .query) == ["소켓", "켓은"])
        #expect(texts("값", .query) == ["값"])
    }

    @Test func oneSyllableRunIsOneToken() {
        let tokens = tokenizer.tokens(in: "TCP와", mode: .document)
        #expect(tokens.map(\.text) == ["tcp", "와"])
        #expect(tokens.map(\.range) == [0..<3, 3..<6])
        #expect(tokens.allSatisfy { !$0.colocated })
    }

    @Test func spacingBetweenHangulRunsDoesNotMatter() {
        // The bigram across a single space makes both spellings share 혼잡, 잡제, 제어 in order.
        let spaced = tokenizer.tokens(in: "혼잡 제어", mode: .query).map(\.text)
        let joined = tokenizer.tokens(in: "혼잡제어", mode: .query).map(\.text)
        #expect(spaced == ["혼잡", "잡제", "제어"])
        #expect(joined == spaced)
        let span = tokenizer.tokens(in: "혼잡 제어", mode: .query)[1]
        #expect(span.range == 3..<10)
    }

    @Test func onlyASingleSpaceIsBridged() {
        #expect(texts("혼잡  제어", .query) == ["혼잡", "제어"])
        #expect(texts("혼잡, 제어", .query) == ["혼잡", "제어"])
        #expect(texts("혼잡\n제어", .query) == ["혼잡", "제어"])
    }

    @Test func latinWordsAreLowerCasedAndFolded() {
        #expect(texts("TCP/IP Handshake") == ["tcp", "ip", "handshake"])
        #expect(texts("Café Ångström naïve") == ["cafe", "angstrom", "naive"])
        #expect(texts("ISP(Internet service provider)") == ["isp", "internet", "service", "provider"])
        #expect(texts("3 Way") == ["3", "way"])
    }

    @Test func mixedRunsSplitAtTheScriptBoundary() {
        #expect(texts("OSI 7계층", .query) == ["osi", "7", "계층"])
        #expect(texts("Data를 보냄", .query) == ["data", "를", "를보", "보냄"])
    }

    @Test func nfdHangulIsComposedAndKeepsItsOwnOffsets() {
        let nfd = "소켓".decomposedStringWithCanonicalMapping
        #expect(nfd.utf8.count > 6)
        let tokens = tokenizer.tokens(in: nfd, mode: .query)
        #expect(tokens.map(\.text) == ["소켓"])
        #expect(tokens[0].range == 0..<nfd.utf8.count)
        let nfdLatin = "Café".decomposedStringWithCanonicalMapping
        #expect(texts(nfdLatin) == ["cafe"])
    }

    @Test func punctuationAndSymbolsAreNotTokens() {
        #expect(texts("* - ( ) \"").isEmpty)
        #expect(texts("→ 🚀 ...").isEmpty)
    }

    @Test func invalidUTF8SeparatesWords() {
        var bytes = Array("abc".utf8) + [0xFF, 0xC3] + Array("def".utf8)
        var result: [String] = []
        bytes.withUnsafeMutableBufferPointer { buffer in
            tokenizer.tokenize(UnsafeBufferPointer(buffer), mode: .document) { token, _, _ in
                result.append(String(decoding: token, as: UTF8.self))
                return true
            }
        }
        #expect(result == ["abc", "def"])
    }

    @Test func overlongWordsAreSkipped() {
        let long = String(repeating: "a", count: KoreanAwareTokenizer.maximumWordBytes + 1)
        #expect(texts("x \(long) y") == ["x", "y"])
    }

    @Test func stopsWhenTheSinkSaysSo() {
        var count = 0
        var bytes = Array("하나 둘 셋 넷".utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            tokenizer.tokenize(UnsafeBufferPointer(buffer), mode: .document) { _, _, _ in
                count += 1
                return count < 2
            }
        }
        #expect(count == 2)
    }
}
