/// Text with the parts that matched a query marked.
public struct HighlightedText: Hashable, Sendable {
    public var text: String
    /// The matched parts, as offsets in Unicode scalars into ``text``, in order and not overlapping.
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// The marker that opens a highlight in text produced by the store.
    public static let openMarker: Unicode.Scalar = "\u{02}"
    /// The marker that closes a highlight in text produced by the store.
    public static let closeMarker: Unicode.Scalar = "\u{03}"

    /// Reads text whose highlights are wrapped in ``openMarker`` and ``closeMarker``; runs of
    /// white space (newlines between blocks included) become one space.
    public init(marked: String) {
        var marked = marked
        self = marked.withUTF8 { Self.reading(marked: $0) }
    }

    /// ``init(marked:)`` over the text's UTF-8 bytes: a snippet's text is read once, byte by
    /// byte, without looking up each scalar's properties.
    static func reading(marked utf8: UnsafeBufferPointer<UInt8>) -> HighlightedText {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var highlights: [Range<Int>] = []
        var count = 0
        var openedAt: Int?
        var lastWasSpace = true
        var index = 0
        while index < utf8.count {
            let (value, length) = UTF8Decoding.scalar(at: index, in: utf8)
            defer { index += length }
            switch value {
            case Self.openMarker.value:
                if openedAt == nil { openedAt = count }
            case Self.closeMarker.value:
                if let start = openedAt {
                    if let last = highlights.last, last.upperBound == start {
                        highlights[highlights.count - 1] = last.lowerBound..<count
                    } else if count > start {
                        highlights.append(start..<count)
                    }
                    openedAt = nil
                }
            default:
                let isSpace = WhiteSpace.contains(value)
                if isSpace && lastWasSpace { continue }
                if isSpace {
                    bytes.append(0x20)
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<(index + length)]))
                }
                count += 1
                lastWasSpace = isSpace
            }
        }
        if bytes.last == 0x20 {
            bytes.removeLast()
            count -= 1
            highlights = highlights.compactMap { range in
                let clamped = range.clamped(to: 0..<count)
                return clamped.isEmpty ? nil : clamped
            }
        }
        return HighlightedText(text: String(decoding: bytes, as: UTF8.self), highlights: highlights)
    }

    /// The text with each highlight wrapped in `open` and `close`.
    public func rendered(open: String, close: String) -> String {
        var result = ""
        let scalars = Array(text.unicodeScalars)
        var position = 0
        for range in highlights {
            result.unicodeScalars.append(contentsOf: scalars[position..<range.lowerBound])
            result += open
            result.unicodeScalars.append(contentsOf: scalars[range])
            result += close
            position = range.upperBound
        }
        result.unicodeScalars.append(contentsOf: scalars[position...])
        return result
    }

    /// The highlighted parts' text.
    public var highlightedParts: [String] {
        let scalars = Array(text.unicodeScalars)
        return highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
    }
}

extension HighlightedText {
    /// `text` with the marker characters replaced by U+FFFD, so that a note holding them can
    /// never produce a highlight of its own.
    public static func withoutMarkers(_ text: String) -> String {
        // The markers are ASCII control characters: their bytes are found without decoding.
        let markerBytes = (UInt8(openMarker.value), UInt8(closeMarker.value))
        var bytes = text
        guard bytes.withUTF8({ ByteScan.containsAny(of: SIMD4(markerBytes.0, markerBytes.1, markerBytes.0, markerBytes.1), in: $0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar == openMarker || scalar == closeMarker ? "\u{FFFD}" : scalar)
        }
        return String(result)
    }
}
