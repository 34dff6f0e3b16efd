extension LinkTarget {
    /// Parses a link's stored target according to its kind.
    public init(_ link: Link) {
        switch link.kind {
        case .wiki, .embed: self.init(wiki: link.target)
        case .markdown, .image, .autolink, .html: self.init(markdown: link.target)
        }
    }

    /// Parses the destination of a Markdown link or image as written: `<angle brackets>` are
    /// stripped, a scheme makes it external, otherwise `#fragment` and `?query` are split off and
    /// the path and fragment percent-decoded.
    public init(markdown written: String) {
        if let reason = Self.controlCharacterReason(written) {
            self = .invalid(reason: reason)
            return
        }
        var target = written.trimmingSurroundingWhitespace()[...]
        if target.hasPrefix("<"), target.hasSuffix(">"), target.count >= 2 {
            target = target.dropFirst().dropLast()
        }
        guard !target.isEmpty else {
            self = .invalid(reason: "empty link target")
            return
        }
        if Self.hasScheme(target) || target.hasPrefix("//") {
            self = .external(String(target))
            return
        }
        // `#` and `?` are found by byte: a search by Character walks the target a grapheme at a
        // time, which cost about half of reading a link.
        var fragment: String?
        if let hash = target.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = PercentDecoding.decode(String(target[target.utf8.index(after: hash)...]))
            target = target[..<hash]
        }
        if let question = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            target = target[..<question]
        }
        let path = PercentDecoding.decode(String(target))
        if let reason = Self.controlCharacterReason(path) ?? fragment.flatMap(Self.controlCharacterReason) {
            self = .invalid(reason: reason + " once percent-decoded")
            return
        }
        self = path.isEmpty ? .anchor(fragment ?? "") : .path(path, anchor: fragment)
    }

    /// Parses what stands inside `[[…]]`: a name or path, `#heading` components, a `#^block`
    /// id. An `|alias` still attached (also as `\|`, the form tables need) is dropped, and so is
    /// the `\` the parser leaves when it split at the `|` of a `\|`. Wiki links are not
    /// percent-decoded, as in Obsidian.
    public init(wiki written: String) {
        if let reason = Self.controlCharacterReason(written) {
            self = .invalid(reason: reason)
            return
        }
        var target = written[...]
        if let bar = target.utf8.firstIndex(of: UInt8(ascii: "|")) { target = target[..<bar] }
        if target.utf8.last == UInt8(ascii: "\\") { target = target[..<target.utf8.index(before: target.endIndex)] }
        let text = NFC.normalize(String(target))
        var parts = text.utf8.split(separator: UInt8(ascii: "#"), omittingEmptySubsequences: false).map { Substring($0) }
        let name = String(parts.removeFirst()).trimmingSurroundingWhitespace()
        var headings = parts.map { String($0).trimmingSurroundingWhitespace() }.filter { !$0.isEmpty }
        var blockID: String?
        if let last = headings.last, last.hasPrefix("^") {
            headings.removeLast()
            let id = String(last.dropFirst()).trimmingSurroundingWhitespace()
            if id.isEmpty {
                self = .invalid(reason: "empty block reference '#^'")
                return
            }
            blockID = id
        }
        guard !name.isEmpty || !headings.isEmpty || blockID != nil else {
            self = .invalid(reason: text.contains("#") ? "empty wiki link: '#' names no heading" : "empty wiki link")
            return
        }
        self = .wiki(WikiTarget(name: name, headings: headings, blockID: blockID))
    }

    /// Whether the text starts with a URL scheme: a letter, then letters, digits, `+`, `-` or
    /// `.`, then `:`; one letter alone (`C:`) is not a scheme.
    static func hasScheme(_ text: Substring) -> Bool {
        var length = 0
        for scalar in text.unicodeScalars {
            if scalar == ":" { return length > 1 }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (length > 0 && isOther) else { return false }
            length += 1
        }
        return false
    }

    /// Why a target with a control character (C0, DEL, C1) cannot be followed, or nil.
    static func controlCharacterReason(_ text: String) -> String? {
        guard let control = text.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        else { return nil }
        let hex = String(control.value, radix: 16, uppercase: true)
        return "the target contains the control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex)"
    }
}
