import NetKBCore

/// Markup that cmark leaves in text nodes but a reader never sees, removed from a note's
/// indexed text:
///
/// - emphasis whose delimiters cmark could not pair because of the flanking rules, which fail
///   when punctuation stands inside the delimiters and a Korean particle right after them:
///   `**'해시 테이블'**을` is shown by GitHub's renderer as `'해시 테이블'을` in bold, and read by
///   cmark as text with four asterisks in it;
/// - GitHub emoji shortcodes (`:arrow_double_up:`), which GitHub shows as a picture.
///
/// ```swift
/// LeftoverMarkup.visible(Array("**'해시 테이블'**을 쓴다 :rocket:".utf8))   // "'해시 테이블'을 쓴다"
/// ```
///
/// Only pairs are removed: an opening run of `*` (one to three), `__`, `___` or `~~` followed
/// by a non-space, and a closing run of the same characters after a non-space. Lone delimiters
/// (`a * b`, `*.md`, `2**10`) stay, as do `snake_case` names and `key:value:` text.
enum LeftoverMarkup {
    /// The text without leftover markup, or nil when there is none (the common case, which
    /// allocates nothing).
    static func visible(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        // Most text has no delimiter and no colon at all: seen at a glance.
        guard ByteScan.containsAny(of: SIMD4(UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":")), in: text) else {
            return nil
        }
        var removed: [Range<Int>] = []
        findEmphasisPairs(text, into: &removed)
        findEmojiShortcodes(text, into: &removed)
        guard !removed.isEmpty else { return nil }
        removed.sort { $0.lowerBound < $1.lowerBound }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var position = 0
        for range in removed where range.lowerBound >= position {
            result.append(contentsOf: text[position..<range.lowerBound])
            position = range.upperBound
            // A shortcode between two spaces leaves one; at the start, none.
            if result.isEmpty || result.last == 0x20, position < text.count, text[position] == 0x20 { position += 1 }
        }
        result.append(contentsOf: text[position...])
        return result
    }

    static func visible(_ text: [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { visible($0) } ?? text
    }

    // MARK: Emphasis

    private static func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Pairs runs of the same delimiter and length: the later run closes the earlier.
    private static func findEmphasisPairs(_ text: UnsafeBufferPointer<UInt8>, into removed: inout [Range<Int>]) {
        // The opener waiting for its closer, by delimiter kind (`*`, `_`, `~`) and run length.
        var openers: [Range<Int>?] = Array(repeating: nil, count: 9)
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            guard isDelimiter(byte) else { index += 1; continue }
            var end = index + 1
            while end < count, text[end] == byte { end += 1 }
            let length = end - index
            let allowed: Bool
            switch byte {
            case UInt8(ascii: "*"): allowed = length <= 3
            case UInt8(ascii: "_"): allowed = length == 2 || length == 3
            default: allowed = length == 2
            }
            if allowed {
                let slot = (byte == UInt8(ascii: "*") ? 0 : byte == UInt8(ascii: "_") ? 3 : 6) + length - 1
                let canClose = index > 0 && !isSpace(text[index - 1])
                let canOpen = end < count && !isSpace(text[end])
                if canClose, let opener = openers[slot] {
                    removed.append(opener)
                    removed.append(index..<end)
                    openers[slot] = nil
                } else if canOpen {
                    openers[slot] = index..<end
                }
            }
            index = end
        }
    }

    // MARK: Emoji shortcodes

    private static func isShortcodeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: ":"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// `:name:` with a lower-case letter in its name (or `:+1:`, `:-1:`), standing apart from
    /// other letters, digits, colons and slashes (`std::map`, `a:b:c`, `http://` are not shortcodes).
    private static func findEmojiShortcodes(_ text: UnsafeBufferPointer<UInt8>, into removed: inout [Range<Int>]) {
        let colon = UInt8(ascii: ":")
        var index = 0
        let count = text.count
        while index < count {
            guard text[index] == colon else { index += 1; continue }
            if index > 0, isWordByte(text[index - 1]) { index += 1; continue }
            var end = index + 1
            var hasLetter = false
            while end < count, isShortcodeByte(text[end]) {
                if text[end] >= UInt8(ascii: "a") && text[end] <= UInt8(ascii: "z") { hasLetter = true }
                end += 1
            }
            let nameLength = end - index - 1
            guard end < count, text[end] == colon, nameLength >= 2 else { index = max(end, index + 1); continue }
            let name = text[(index + 1)..<end]
            let isThumb = nameLength == 2 && (name.elementsEqual("+1".utf8) || name.elementsEqual("-1".utf8))
            if (hasLetter || isThumb) && (end + 1 >= count || !isWordByte(text[end + 1])) {
                removed.append(index..<(end + 1))
                index = end + 1
            } else {
                index = end
            }
        }
    }
}
