/// A word that looks like a long option but is none of a command's: `--limt`, `--fromat`.
///
/// Commands whose words take `-word` exclusions collect unrecognised arguments as words;
/// this tells a mistyped option from a word, so that `search TCP --limt 5` is an error with a
/// suggestion rather than a search for `--limt` and `5`. Words after a lone `--` are words.
struct UnknownOption: Equatable {
    var option: String
    var suggestion: String?

    var message: String {
        var text = "unknown option '\(TerminalText.escaped(option))'"
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }

    /// The first unknown long option among `words` (unrecognised arguments, in order) that
    /// stands before a lone `--`.
    static func first(in words: [String], known: [String]) -> UnknownOption? {
        for word in words.prefix(while: { $0 != "--" }) where word.hasPrefix("--") {
            let name = String(word.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            return UnknownOption(option: name, suggestion: closest(to: name, in: known))
        }
        return nil
    }

    /// The known option nearest to `name`, if it is a plausible typo (at most 2 edits, or a prefix).
    static func closest(to name: String, in known: [String]) -> String? {
        let scored = known.map { ($0, EditDistance.between(name, $0)) }.min { $0.1 < $1.1 }
        if let (option, distance) = scored, distance <= 2 { return option }
        return known.first { $0.hasPrefix(name) }
    }
}

/// Levenshtein distance between two short strings.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
