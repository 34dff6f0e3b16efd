import Testing
@testable import NetKB

/// The `exclude` patterns run on a watched thread: the same answers as ``URLExclusions``, a
/// pattern that does not compile an error, and a search that backtracks for ever stopped.
@Suite("ExclusionMatcher")
struct ExclusionMatcherTests {
    @Test func answersAsURLExclusionsDoes() throws {
        let patterns = [("^https://intranet\\.", "--exclude"), ("example\\.com/private/", ".netkb/config.yml:3")]
        let urls = [["https://a.org/"], ["http://x.org/", "https://intranet.corp/1"], ["https://www.example.com/private/2"]]
        let found = try ExclusionMatcher.matches(patterns: patterns, urls: urls)
        #expect(found == [1: "--exclude '^https://intranet\\.'", 2: ".netkb/config.yml:3 'example\\.com/private/'"])
        #expect(try ExclusionMatcher.matches(patterns: patterns, urls: []).isEmpty)
    }

    @Test func aPatternThatDoesNotCompileIsAnErrorNamingItsPlace() {
        #expect {
            try ExclusionMatcher.matches(patterns: [("fine", "--exclude"), ("(unclosed", ".netkb/config.yml:4")], urls: [["https://a.org/"]])
        } throws: { error in
            "\(error)".hasPrefix(".netkb/config.yml:4: '(unclosed' is not a valid regular expression")
        }
    }

    @Test func aSearchThatBacktracksIsStoppedNamingThePatternAndTheURL() {
        let url = "https://a.org/" + String(repeating: "a", count: 40) + "X"
        #expect {
            try ExclusionMatcher.matches(patterns: [("/(a+)+$", "--exclude")], urls: [["https://b.org/"], [url]], limit: 0.5)
        } throws: { error in
            guard case ExternalCheckError.slowPattern(let source, let pattern, let stopped, _) = error else { return false }
            return source == "--exclude" && pattern == "/(a+)+$" && stopped == url
        }
    }
}
