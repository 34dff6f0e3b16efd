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
        #expect(texts("소켓", .query) == ["소켓"])
        #expect(texts("소켓은", .query) == ["소켓", "소 켓", "켓은", "켓 은"])
        #expect(texts("값", .query) == ["값"])
    }

    @Test func oneSyllableRunIsOneToken() {
        let tokens = tokenizer.tokens(in: "TCP와", mode: .document)
        #expect(tokens.map(\.text) == ["tcp", "와"])
        #expect(tokens.map(\.range) == [0..<3, 3..<6])
        #expect(tokens.allSatisfy { !$0.colocated })
    }

    @Test func aSingleSpaceBetweenHangulRunsGivesASpanningToken() {
        // Documents: the bigram across the space is written with the space, at its own position.
        let tokens = tokenizer.tokens(in: "혼잡 제어", mode: .document)
        #expect(tokens.map(\.text) == ["혼잡", "잡", "잡 제", "제어", "어"])
        #expect(tokens.map(\.colocated) == [false, true, false, false, true])
        #expect(tokens[2].range == 3..<10)
        // Queries: across a space, the plain bigram with the spanning one as its alternative.
        #expect(texts("혼잡 제어", .query) == ["혼잡", "잡제", "잡 제", "제어"])
        #expect(tokenizer.tokens(in: "혼잡 제어", mode: .query).map(\.colocated) == [false, false, true, false])
    }

    @Test func queryRunsOfThreeOrMoreSyllablesMayBeSpacedAnywhere() {
        #expect(texts("가상메모리", .query) == ["가상", "가 상", "상메", "상 메", "메모", "메 모", "모리", "모 리"])
        #expect(tokenizer.tokens(in: "가상메모리", mode: .query).map(\.colocated) == [false, true, false, true, false, true, false, true])
        #expect(texts("웹서버", .query) == ["웹서", "웹 서", "서버", "서 버"])
        // Two syllables: inside words only.
        #expect(texts("해시", .query) == ["해시"])
        #expect(texts("해시 테이블", .query) == ["해시", "시테", "시 테", "테이", "테 이", "이블", "이 블"])
        #expect(texts("TCP와", .query) == ["tcp", "와"])
    }

    @Test func onlyASingleSpaceIsBridged() {
        #expect(texts("혼잡  제어", .query) == ["혼잡", "제어"])
        #expect(texts("혼잡, 제어", .query) == ["혼잡", "제어"])
        #expect(texts("혼잡\n제어", .query) == ["혼잡", "제어"])
        #expect(texts("혼잡\t제어") == ["혼잡", "잡", "제어", "어"])
    }

    /// Whether `query` matches `text` as FTS5 matches a phrase: the query's positions (each a
    /// set of alternatives) stand at consecutive positions of the text's tokens.
    func matches(_ query: String, _ text: String) -> Bool {
        func positions(_ string: String, _ mode: TokenizationMode) -> [Set<String>] {
            var result: [Set<String>] = []
            for token in tokenizer.tokens(in: string, mode: mode) {
                if token.colocated, !result.isEmpty { result[result.count - 1].insert(token.text) } else { result.append([token.text]) }
            }
            return result
        }
        let wanted = positions(query, .query)
        let found = positions(text, .document)
        guard !wanted.isEmpty, wanted.count <= found.count else { return false }
        return (0...(found.count - wanted.count)).contains { start in
            wanted.indices.allSatisfy { !wanted[$0].isDisjoint(with: found[start + $0]) }
        }
    }

    /// Issue 9: a two-syllable word matches inside words only; a compound of three or more
    /// syllables matches with or without one space anywhere in it.
    @Test(arguments: [
        // The cases of the issue.
        ("해시", "위해 시행", false), ("해시", "활용해 시간복잡도", false), ("해시", "해시 테이블", true), ("해시", "해시를", true),
        ("조인", "칠면조 인터페이스", false), ("조인", "조인 연산", true), ("조인", "셀프조인은", true),
        ("인증", "지속적인 증가", false), ("인증", "인증서", true),
        ("서버", "저장소에서 버그", false), ("서버", "웹서버", true), ("서버", "서버 측", true),
        ("인자", "온라인 자산", false), ("인자", "함수 인자", true),
        // The same shape in text of our own.
        ("가설", "추가 설명", false), ("설명", "추가 설명", true),
        ("정보", "인정 보상", false), ("정보", "개인정보", true),
        ("시간", "도시 간선", false), ("시간", "시간복잡도", true),
        ("스택", "버스 택시", false), ("스택", "콜스택", true),
        // Compounds: spaced or not, anywhere.
        ("로드밸런싱", "로드 밸런싱", true), ("로드밸런싱", "로드밸런싱은", true), ("로드밸런싱", "로드  밸런싱", false),
        ("가상메모리", "가상 메모리", true), ("가상메모리", "가상메모리", true),
        ("페이지교체", "페이지 교체", true), ("페이지교체", "페이지교체 알고리즘", true),
        ("운영체제", "운영 체제", true), ("운영체제", "운영체제는", true), ("운영체제", "운영 방침 체제", false),
        ("웹서버", "웹 서버", true), ("네트워크계층", "네트워크 계층", true),
        // A phrase with a space still finds the unspaced form, and the other way round.
        ("혼잡 제어", "혼잡제어", true), ("혼잡 제어", "혼잡 제어", true), ("혼잡제어", "혼잡 제어", true),
    ])
    func twoSyllablesMatchInsideWordsOnly(query: String, text: String, expected: Bool) {
        #expect(matches(query, text) == expected, "\(query) in \(text)")
    }

    @Test func latinWordsAreLowerCasedAndFolded() {
        #expect(texts("TCP/IP Handshake") == ["tcp", "ip", "handshake"])
        #expect(texts("Café Ångström naïve") == ["cafe", "angstrom", "naive"])
        #expect(texts("ISP(Internet service provider)") == ["isp", "internet", "service", "provider"])
        #expect(texts("3 Way") == ["3", "way"])
    }

    @Test func mixedRunsSplitAtTheScriptBoundary() {
        #expect(texts("OSI 7계층", .query) == ["osi", "7", "계층"])
        #expect(texts("Data를 보냄", .query) == ["data", "를", "를보", "를 보", "보냄"])
    }

    @Test func nfdHangulIsComposedAndKeepsItsOwnOffsets() {
        let nfd = "소켓".decomposedStringWithCanonicalMapping
        #expect(nfd.utf8.count > 6)
        let tokens = tokenizer.tokens(in: nfd, mode: .query)
        // Scalars: String == would hold for the NFD text too.
        #expect(tokens.map { Array($0.text.unicodeScalars) } == [Array("소켓".unicodeScalars)])
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

    /// `overlongWords(in:)` names exactly the words tokenizing skips: at the limit a word is a
    /// token, one byte past it (ASCII, or a two-byte letter) it is not and is named.
    @Test(arguments: [
        (String(repeating: "a", count: 128), false),
        (String(repeating: "a", count: 129), true),
        (String(repeating: "é", count: 64), false),
        (String(repeating: "a", count: 127) + "é", true),
        (String(repeating: "7", count: 200), true),
        (String(repeating: "소켓", count: 200), false),
    ])
    func overlongWordsAreThoseTokenizingSkips(_ word: String, overlong: Bool) {
        let text = "TCP \(word)와 UDP"
        #expect(KoreanAwareTokenizer.overlongWords(in: text) == (overlong ? [word] : []))
        let tokens = tokenizer.tokens(in: text, mode: .query)
        let covered = tokens.contains { $0.range.lowerBound == 4 }
        #expect(covered == !overlong, "a token starts where the word does")
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
