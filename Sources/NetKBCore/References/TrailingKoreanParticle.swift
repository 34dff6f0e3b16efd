/// A Korean particle written straight after a bare URL: `https://example.com/에서 받는다`.
///
/// Korean attaches particles to the word before them, URLs included, and GFM's autolink
/// extension (like GitHub) takes them into the URL (`https://example.com/에서`), a page that does
/// not exist. A bare URL whose last characters are Hangul that follow an ASCII character, and
/// that form exactly one of the particles below, ends before them. Hangul that is more than a
/// particle (`/wiki/전송_계층`, `/wiki/TCP와_UDP`) stays in the URL, and so does anything in
/// `<…>` or `[…](…)`, whose end the writer marked.
///
/// ```swift
/// TrailingKoreanParticle.split("https://travis-ci.org/에서")  // ("https://travis-ci.org/", "에서")
/// TrailingKoreanParticle.split("https://ko.wikipedia.org/wiki/라우터")  // nil
/// ```
public enum TrailingKoreanParticle {
    /// Case particles, auxiliary particles and the copula's common forms, as written after a noun.
    static let particles: Set<String> = [
        "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "께", "와", "과", "로", "으로",
        "도", "만", "까지", "부터", "처럼", "보다", "이나", "나", "이랑", "랑", "하고", "에는", "에서는",
        "으로는", "로는", "에도", "에서도", "와의", "과의", "로의", "으로의", "에서의", "에서만",
        "이라는", "라는", "이라고", "라고", "이다", "입니다", "이고", "이며", "이에요", "예요", "인",
        "로부터", "으로부터", "에서부터",
    ]

    /// The URL without its trailing particle, and the particle; nil when it ends in none.
    public static func split(_ url: String) -> (url: String, particle: String)? {
        let scalars = url.unicodeScalars
        var start = scalars.endIndex
        while start > scalars.startIndex {
            let before = scalars.index(before: start)
            guard isHangulSyllable(scalars[before]) else { break }
            start = before
        }
        guard start != scalars.endIndex, start > scalars.startIndex,
              scalars[scalars.index(before: start)].isASCII else { return nil }
        let particle = String(scalars[start...])
        guard particles.contains(particle) else { return nil }
        let kept = String(scalars[..<start])
        // Nothing left but a scheme (`https://에서`) is no URL to keep.
        guard !kept.hasSuffix("://") else { return nil }
        return (kept, particle)
    }

    private static func isHangulSyllable(_ scalar: Unicode.Scalar) -> Bool {
        (0xAC00...0xD7A3).contains(scalar.value)
    }
}
