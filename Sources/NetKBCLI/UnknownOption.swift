import NetKB

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
        let scored = known.compactMap { option in EditDistance.between(name, option, limit: 2).map { (option, $0) } }
        if let (option, _) = scored.min(by: { $0.1 < $1.1 }) { return option }
        return known.first { $0.hasPrefix(name) }
    }
}
