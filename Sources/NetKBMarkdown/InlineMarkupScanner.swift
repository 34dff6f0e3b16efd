import NetKBCore

/// Finds what cmark leaves as plain text: Obsidian wiki links and embeds (`[[Target|alias]]`,
/// `![[Target]]`) and `#tags`, in the text of consecutive text nodes (never in code).
enum InlineMarkupScanner {
    /// A piece of a text run, in order.
    enum Piece {
        /// Plain text: bytes `range` of the run.
        case text(Range<Int>)
        /// A wiki link or embed; `range` covers `[[…]]` (and the `!` of an embed).
        case wiki(target: String, text: String, isEmbed: Bool, range: Range<Int>)
    }

    /// Splits a run into plain text and wiki links.
    static func pieces(_ run: UnsafeBufferPointer<UInt8>) -> [Piece] {
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        let count = run.count
        while index + 1 < count {
            guard run[index] == UInt8(ascii: "["), run[index + 1] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            guard let close = closingBrackets(run, from: index + 2) else {
                index += 1
                continue
            }
            let inner = UnsafeBufferPointer(rebasing: run[(index + 2)..<close])
            let bar = inner.firstIndex(of: UInt8(ascii: "|"))
            let target = String(decoding: bar.map { UnsafeBufferPointer(rebasing: inner[..<$0]) } ?? inner, as: UTF8.self)
                .trimmingWhitespace()
            guard !target.isEmpty else {
                index += 2
                continue
            }
            let alias = bar.map { String(decoding: UnsafeBufferPointer(rebasing: inner[($0 + 1)...]), as: UTF8.self).trimmingWhitespace() }
            let isEmbed = index > textStart && run[index - 1] == UInt8(ascii: "!")
            let start = isEmbed ? index - 1 : index
            if start > textStart { pieces.append(.text(textStart..<start)) }
            let text = (alias?.isEmpty == false) ? alias! : target
            pieces.append(.wiki(target: target, text: text, isEmbed: isEmbed, range: start..<(close + 2)))
            index = close + 2
            textStart = index
        }
        if textStart < count { pieces.append(.text(textStart..<count)) }
        return pieces
    }

    /// The offset of the `]]` closing a wiki link whose content starts at `from`; content may not
    /// hold brackets.
    private static func closingBrackets(_ run: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while index < run.count {
            let byte = run[index]
            if byte == UInt8(ascii: "]") {
                return index + 1 < run.count && run[index + 1] == UInt8(ascii: "]") && index > from ? index : nil
            }
            if byte == UInt8(ascii: "[") || byte == 0x0A { return nil }
            index += 1
        }
        return nil
    }

    /// The `#tags` in `range` of a run, names without `#`.
    ///
    /// A tag is `#` at the start of the run or after whitespace or punctuation, followed by
    /// letters (any script), digits, `_`, `-` and `/`, with at least one letter.
    static func tags(in run: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String] {
        var tags: [String] = []
        var index = range.lowerBound
        while index < range.upperBound {
            guard run[index] == UInt8(ascii: "#") else {
                index += 1
                continue
            }
            guard index == 0 || isBoundary(before: index, in: run) else {
                index += 1
                continue
            }
            let name = tagName(after: index, in: run, before: range.upperBound)
            if name.hasLetter {
                tags.append(String(decoding: UnsafeBufferPointer(rebasing: run[name.bytes]), as: UTF8.self))
            }
            index = max(name.end, index + 1)
        }
        return tags
    }

    /// The name after the `#` at `hash`, read up to `limit`: `bytes` without trailing `/`, `end`
    /// where the tag characters stop, and whether it holds a letter (a tag needs one).
    static func tagName(
        after hash: Int, in text: UnsafeBufferPointer<UInt8>, before limit: Int
    ) -> (bytes: Range<Int>, end: Int, hasLetter: Bool) {
        var end = hash + 1
        var hasLetter = false
        while end < limit {
            let (value, length) = UTF8Decoding.scalar(at: end, in: text)
            guard let kind = tagCharacterKind(value) else { break }
            if kind == .letter { hasLetter = true }
            end += length
        }
        var nameEnd = end
        while nameEnd > hash + 1, text[nameEnd - 1] == UInt8(ascii: "/") { nameEnd -= 1 }
        return ((hash + 1)..<nameEnd, end, hasLetter)
    }

    private enum TagCharacterKind { case letter, other }

    private static func tagCharacterKind(_ value: UInt32) -> TagCharacterKind? {
        if value < 0x80 {
            switch UInt8(value) {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letter
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "/"): return .other
            default: return nil
            }
        }
        if value >= 0xAC00 && value <= 0xD7A3 { return .letter }  // Hangul syllables, the common case.
        guard let scalar = Unicode.Scalar(value) else { return nil }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return .other
        default: return nil
        }
    }

    /// Whether the character before `index` lets a `#` there open a tag: whitespace or
    /// punctuation, but not what joins URL and path parts (`/ . & ? = % + @ \ _ -`) nor `#`.
    private static func isBoundary(before index: Int, in run: UnsafeBufferPointer<UInt8>) -> Bool {
        let previous = run[index - 1]
        if previous < 0x80 {
            switch previous {
            case 0x20, 0x09, 0x0A,
                 UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ")"), UInt8(ascii: "]"),
                 UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                 UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: "<"),
                 UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "`"):
                return true
            default:
                return false
            }
        }
        guard let scalar = Unicode.Scalar(UTF8Decoding.scalar(before: index, in: run)) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return false
        default:
            return true
        }
    }
}
