/// Tells a snippet's scan when reading on can no longer change the snippet, so that a long
/// section is read only up to a little past its first window holding every word of the query.
///
/// The best window is the first that holds the most distinct words (see
/// ``SnippetCutter/bestWindow(_:tokens:)``). Once some window holds every word the query can
/// match, no later window is better. The scan may stop when no match still to be reported can
/// start inside that window, inside the snippet's token positions, or within the bytes its
/// ends move to reach a word boundary: ``margin`` positions past them.
struct SettledWindow {
    /// Positions past the snippet's last before the scan stops: the longest pattern, plus more
    /// positions than the bytes a snippet's end moves (``SnippetCutter/wordReach``) and one
    /// syllable of overlap, since each position starts at least one byte after the one before.
    let margin: Int
    let window: Int
    let tokens: Int
    /// The words a match can stand for, and the start of the latest match of each (-1: none yet).
    let words: [Int]
    var latestStart: [Int]
    /// The start of a window found to hold every word.
    var complete: Int?

    init(matcher: QueryMatcher, window: Int, tokens: Int) {
        self.window = window
        self.tokens = tokens
        words = matcher.matchableWords
        latestStart = Array(repeating: -1, count: (words.last ?? -1) + 1)
        margin = matcher.longestPattern + SnippetCutter.wordReach + 16
    }

    /// Notes a match reported by the scan.
    mutating func add(_ match: QueryMatcher.Match) {
        guard complete == nil, !words.isEmpty else { return }
        for word in match.words where word < latestStart.count {
            latestStart[word] = max(latestStart[word], match.positions.lowerBound)
        }
        var lowest = Int.max
        var highest = -1
        for word in words {
            let start = latestStart[word]
            guard start >= 0 else { return }
            lowest = min(lowest, start)
            highest = max(highest, start)
        }
        if highest < lowest + window { complete = lowest }
    }

    /// Whether position `index` is past all that can change the snippet.
    func isSettled(at index: Int) -> Bool {
        guard let complete else { return false }
        return index > complete + tokens + margin
    }
}
