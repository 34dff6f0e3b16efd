#if canImport(Glibc)
import Glibc
#endif
import NetKBCore
import NetKBTestSupport
import Testing
@testable import NetKBMarkdown

@Suite struct TextDecodingTests {
    @Test func byteOrderMarkIsDropped() {
        let parsed = MarkdownParser().parse([0xEF, 0xBB, 0xBF] + Array("---\ntitle: 제목\n---\n[[X]]\n".utf8), path: "bom.md")
        #expect(parsed.warnings.isEmpty)
        #expect(parsed.note.title == "제목")
        #expect(parsed.note.links.first?.location == SourceLocation(line: 4, column: 1))
    }

    static let koreanNote = "---\ntitle: 전송 계층\n---\n# 소켓\n\n소켓은 끝점이다 [[TCP]] #네트워크\r\n끝\n"

    /// `text` as UTF-16 with its byte-order mark, as Windows Notepad saves "Unicode".
    static func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
        let units = Array(text.utf16)
        return (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) + units.flatMap { unit in
            littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
    }

    /// The parts of a parsed note that decoding decides, scalar by scalar.
    static func essence(_ parsed: ParsedNote) -> [String] {
        [parsed.note.title] + parsed.note.sections.map { $0.heading + "|" + $0.text }
            + parsed.note.links.map { "\($0.target)@\($0.location.line):\($0.location.column)" }
            + parsed.note.tags.map(\.name)
    }

    @Test(arguments: [true, false])
    func utf16WithAByteOrderMarkReadsAsUTF8Does(littleEndian: Bool) {
        let expected = Self.essence(MarkdownParser().parse(Array(Self.koreanNote.utf8), path: "a.md"))
        let parsed = MarkdownParser().parse(Self.utf16(Self.koreanNote, littleEndian: littleEndian), path: "a.md")
        #expect(parsed.warnings.isEmpty)
        #expect(Self.essence(parsed).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        #expect(parsed.note.links.first?.location == SourceLocation(line: 6, column: 10))
    }

    @Test func utf16WithAnOddLastByteEndsInAReplacement() {
        let bytes = Self.utf16("# 소켓\n끝", littleEndian: true) + [0x41]
        let parsed = MarkdownParser().parse(bytes, path: "odd.md")
        #expect(parsed.note.sections.first?.text.unicodeScalars.last == "\u{FFFD}")
    }

    /// Bytes of `text` in CP949, made by iconv as the system's own converter would.
    static func cp949(_ text: String) throws -> [UInt8] {
        let converter = iconv_open("CP949", "UTF-8")
        try #require(converter != iconv_t(bitPattern: -1), "no CP949 converter on this system")
        defer { iconv_close(converter) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 4)
        let written: Int = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress, outPointer = target.baseAddress
                var inLeft = source.count, outLeft = target.count
                _ = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return target.count - outLeft
            }
        }
        return output[0..<written].map { UInt8(bitPattern: $0) }
    }

    @Test func cp949IsReadWithOneWarning() throws {
        let bytes = try Self.cp949(Self.koreanNote)
        #expect(UTF8Scan.validate(bytes.withUnsafeBufferPointer { $0 }).firstInvalidOffset != nil)
        let expected = Self.essence(MarkdownParser().parse(Array(Self.koreanNote.utf8), path: "old.md"))
        let parsed = MarkdownParser().parse(bytes, path: "old.md")
        #expect(parsed.warnings.map(\.description) == ["old.md: warning: not UTF-8: read as CP949 (EUC-KR), the Korean Windows encoding; saved as UTF-8, it would be read as it is"])
        #expect(Self.essence(parsed).map { Array($0.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
    }

    /// Text in another encoding is not taken for CP949: Latin-1 mostly does not decode, and
    /// what does is not Hangul; a CP949 file cut in the middle of a character does not decode.
    @Test(arguments: [
        Array("# Café\n\nà la carte, naïve\n".unicodeScalars.map { UInt8($0.value) }),
        Array("# Ééèè\n".unicodeScalars.map { UInt8($0.value) }),
    ])
    func otherEncodingsAreNotTakenForCP949(bytes: [UInt8]) {
        let parsed = MarkdownParser().parse(bytes, path: "latin.md")
        #expect(parsed.warnings.map(\.message) == ["invalid UTF-8 replaced (first at line 1)"])
    }

    @Test func aCP949FileCutInACharacterIsInvalidUTF8() throws {
        let bytes = try Self.cp949("# 소켓\n끝") .dropLast()
        let parsed = MarkdownParser().parse(Array(bytes), path: "cut.md")
        #expect(parsed.warnings.map(\.message) == ["invalid UTF-8 replaced (first at line 1)"])
    }

    @Test func invalidUTF8IsReplacedWithOneWarning() throws {
        let bytes = Array("# 제목\n괜찮음\n깨짐 ".utf8) + [0xFF, 0xC3] + Array(" 또\n".utf8) + [0xE0, 0x80] + Array("\n한국어 [[X]]\n".utf8)
        let parsed = MarkdownParser().parse(bytes, path: "bad.md")
        #expect(parsed.warnings.count == 1)
        let warning = try #require(parsed.warnings.first)
        #expect(warning.line == 3)
        #expect(warning.message == "invalid UTF-8 replaced (first at line 3)")
        #expect(warning.description == "bad.md:3: warning: invalid UTF-8 replaced (first at line 3)")
        #expect(parsed.note.sections[0].text.contains("깨짐 \u{FFFD}"))
        #expect(parsed.note.links.first?.location == SourceLocation(line: 5, column: 5))
    }

    @Test func nulBytesAreReplacedWithOneWarning() throws {
        let bytes = Array("첫 줄\r\n둘째 ".utf8) + [0] + Array(" 줄 ".utf8) + [0] + Array("\n[[X]]".utf8)
        let parsed = MarkdownParser().parse(bytes, path: "nul.md")
        #expect(parsed.warnings.map(\.message) == ["NUL bytes replaced (first at line 2)"])
        #expect(parsed.warnings.first?.line == 2)
        #expect(parsed.note.sections[0].text.contains("둘째 \u{FFFD} 줄 \u{FFFD}"))
        #expect(parsed.note.links.first?.location.line == 3)
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndings(_ newline: String) throws {
        let text = ["---", "title: 제목", "---", "# 하나", "한국어 https://a.com", "", "둘째", "===", "끝 [[W]] #태그", ""]
            .joined(separator: newline)
        let parsed = TestSupport.parse(text)
        #expect(parsed.warnings.isEmpty)
        let note = parsed.note
        #expect(note.title == "제목")
        #expect(note.sections.map(\.startLine) == [4, 7])
        #expect(note.sections.map(\.endLine) == [5, 9])
        #expect(note.sections.map(\.headingPath) == [["하나"], ["둘째"]])
        #expect(note.links.map(\.location) == [SourceLocation(line: 5, column: 5), SourceLocation(line: 9, column: 3)])
        #expect(note.tags == [Tag(name: "태그", line: 9)])
        #expect(!note.sections.contains { $0.text.contains("\r") })
    }

    @Test func textIsNormalisedToNFC() {
        // "Café" with a combining accent and 가 from conjoining jamo.
        let note = TestSupport.parse("# Cafe\u{301}\n\u{1100}\u{1161}나 [[Cafe\u{301}]]\n").note
        #expect(note.title == "Caf\u{E9}")
        #expect(note.title.unicodeScalars.count == 4)
        #expect(note.sections[0].text.unicodeScalars.elementsEqual("Caf\u{E9}\n가나 Caf\u{E9}".unicodeScalars))
        #expect(note.links.first?.target.unicodeScalars.count == 4)
        // Columns count the scalars of the normalised line.
        #expect(note.links.first?.location == SourceLocation(line: 2, column: 4))
    }

    @Test func emptyAndBlankFiles() {
        for text in ["", "\n\n", "   \n\t\n"] {
            let parsed = TestSupport.parse(text, path: "empty.md")
            #expect(parsed.warnings.isEmpty)
            #expect(parsed.note.sections.isEmpty)
            #expect(parsed.note.title == "empty")
        }
    }

    @Test func unsafeRawBufferOverloadMatchesArray() {
        let bytes = Array("# 제목\n본문 [[X]]\n".utf8)
        let fromBuffer = bytes.withUnsafeBytes { MarkdownParser().parse($0, path: "a.md") }
        #expect(fromBuffer.note == MarkdownParser().parse(bytes, path: "a.md").note)
    }

    @Test func warningDescriptionWithoutLine() {
        #expect(NoteWarning(path: "a/b.md", line: nil, message: "oops").description == "a/b.md: warning: oops")
        #expect(NoteWarning(path: "a/b.md", line: 7, message: "oops").description == "a/b.md:7: warning: oops")
    }
}

@Suite struct UTF8ScanTests {
    @Test(arguments: [
        ([0x61, 0x62], nil),
        ([0xED, 0x95, 0x9C], nil),  // 한
        ([0xF0, 0x9F, 0x98, 0x80], nil),  // An emoji.
        ([0x61, 0xC0, 0x80], 1),  // Overlong.
        ([0xE0, 0x80, 0x80], 0),  // Overlong.
        ([0xED, 0xA0, 0x80], 0),  // A surrogate.
        ([0xF4, 0x90, 0x80, 0x80], 0),  // Above U+10FFFF.
        ([0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0xED, 0x95], 9),  // Truncated after the fast path.
        ([0xFF], 0),
    ] as [([UInt8], Int?)])
    func firstInvalidOffset(bytes: [UInt8], expected: Int?) {
        #expect(bytes.withUnsafeBufferPointer { UTF8Scan.validate($0).firstInvalidOffset } == expected)
    }

    /// One pass finds what the two checks it replaced find: the first invalid byte (as
    /// decoding with the standard library finds it) and, for valid bytes, whether NFC's own
    /// check calls them surely normalised.
    @Test func oneValidationPassAnswersAsBothChecks() {
        var generator = SeededGenerator(state: 0x5554_4638)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("소켓은 ".utf8), Array("e\u{301}".utf8), Array("\u{1100}\u{1161}".utf8),
            Array("😀".utf8), Array("\u{2000}".utf8), Array("\n\r".utf8), [0x00], [0xED, 0x95], [0xFF], [0xC0, 0x80],
        ]
        var invalid = 0, notNFC = 0
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
            let validation = bytes.withUnsafeBufferPointer { UTF8Scan.validate($0) }
            var expectedInvalid: Int?
            var offset = 0
            var decoder = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            loop: while true {
                switch decoder.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .error(let length): expectedInvalid = offset; _ = length; break loop
                case .emptyInput: break loop
                }
            }
            #expect(validation.firstInvalidOffset == expectedInvalid, "\(bytes)")
            let expectedNFC = expectedInvalid == nil && bytes.withUnsafeBufferPointer { NFC.isSurelyNormalized($0) }
            #expect(validation.isSurelyNFC == expectedNFC, "\(bytes)")
            if expectedInvalid != nil { invalid += 1 } else if !expectedNFC { notNFC += 1 }
        }
        #expect(invalid > 200 && notNFC > 200)
    }
}
