import NetKBCore
import Testing
@testable import NetKBMarkdown

@Suite struct NotesConfigReaderTests {
    static let file = ".netkb/config.yml"

    static func read(_ yaml: String) throws(NotesConfigError) -> NotesConfig {
        try NotesConfigReader.read(yaml, file: file)
    }

    @Test func readsEverySetting() throws {
        let config = try Self.read("""
        # netkb settings
        repo-url: https://github.com/kim/net-notes
        exclude:
          - ^https?://localhost
          - 'example\\.com/private/'
          - "[0-9]+\\\\.pdf$"
        """)
        #expect(config.repoURL == "https://github.com/kim/net-notes")
        #expect(config.exclude.map(\.pattern) == [#"^https?://localhost"#, #"example\.com/private/"#, #"[0-9]+\.pdf$"#])
        // Each pattern keeps its line, for a message about it (a pattern that backtracks).
        #expect(config.exclude.map(\.line) == [4, 5, 6])
    }

    @Test(arguments: ["", "\n\n", "# nothing yet\n", "---\n", "~\n", "repo-url:\nexclude:\n", "exclude: []\n"])
    func emptyFilesAndEmptyValuesAreAnEmptyConfig(yaml: String) throws {
        #expect(try Self.read(yaml) == .empty)
    }

    @Test func onePatternMayStandAlone() throws {
        #expect(try Self.read("exclude: ^mailto\n").exclude == [NotesConfig.Exclusion(pattern: "^mailto", line: 1)])
    }

    @Test(arguments: [
        "https://github.com/kim/net-notes/", "https://github.com/kim/net-notes.git", "http://github.com/Kim/Net-Notes",
        "https://www.github.com/kim/net-notes",
    ])
    func repositoryURLsGitHubAccepts(url: String) throws {
        #expect(try Self.read("repo-url: \(url)\n").repoURL == url)
    }

    @Test func bytesWithAByteOrderMark() throws {
        let config = try NotesConfigReader.read([0xEF, 0xBB, 0xBF] + Array("repo-url: https://github.com/a/b\n".utf8), file: Self.file)
        #expect(config.repoURL == "https://github.com/a/b")
    }

    @Test func errorsReadLikeACompilersDiagnostics() {
        let error = NotesConfigError(file: ".netkb/config.yml", line: 3, message: "unknown key 'x'")
        #expect(error.description == ".netkb/config.yml:3: unknown key 'x'")
    }

    /// A bad file, the line its error names, and how the message starts.
    struct BadFile: CustomTestStringConvertible, Sendable {
        var yaml: String
        var line: Int
        var message: String
        var testDescription: String { message }
    }

    static let badFiles: [BadFile] = [
        // Not YAML.
        BadFile(yaml: "repo-url: [a\n", line: 2, message: "invalid YAML: "),
        BadFile(yaml: "exclude:\n  - a\n b: c\n", line: 3, message: "invalid YAML: "),
        BadFile(yaml: "repo-url: \"open\n\n", line: 3, message: "invalid YAML: "),
        BadFile(yaml: "exclude: []\n# again\nexclude: [a]\n", line: 3, message: "invalid YAML: duplicated key 'exclude'"),
        BadFile(yaml: "exclude: []\n---\nexclude: []\n", line: 2, message: "invalid YAML: expected a single document"),
        BadFile(yaml: "exclude: []\nrepo-url: a\u{07}b\n", line: 2, message: "invalid YAML: control characters are not allowed"),
        BadFile(yaml: "exclude: []\nrepo-url: " + String(repeating: "[", count: 10_000) + "\n", line: 2,
                message: "invalid YAML: collections nested more than 1000 levels deep"),
        // Not a mapping.
        BadFile(yaml: "- repo-url\n", line: 1, message: "a config file is a mapping of settings"),
        BadFile(yaml: "# settings\njust text\n", line: 2, message: "a config file is a mapping of settings"),
        // Keys.
        BadFile(yaml: "? [a]\n: b\n", line: 1, message: "a key must be a plain name"),
        BadFile(yaml: "repo-url: https://github.com/a/b\nexlude: []\n", line: 2, message: "unknown key 'exlude' (did you mean 'exclude'?)"),
        BadFile(yaml: "repo_url: https://github.com/a/b\n", line: 1, message: "unknown key 'repo_url' (did you mean 'repo-url'?)"),
        BadFile(yaml: "Repo-URL: https://github.com/a/b\n", line: 1, message: "unknown key 'Repo-URL' (did you mean 'repo-url'?)"),
        BadFile(yaml: "# c\n\ncolour: auto\n", line: 3, message: "unknown key 'colour' (known keys: repo-url, exclude)"),
        // Wrong shapes.
        BadFile(yaml: "repo-url: [a]\n", line: 1, message: "'repo-url' must be a single URL"),
        BadFile(yaml: "repo-url:\n  url: https://github.com/a/b\n", line: 2, message: "'repo-url' must be a single URL"),
        BadFile(yaml: "exclude: {a: b}\n", line: 1, message: "'exclude' must be a list of regular expressions"),
        BadFile(yaml: "exclude:\n  - ok\n  - [a, b]\n", line: 3, message: "each 'exclude' entry must be one regular expression"),
        BadFile(yaml: "exclude:\n  - ok\n  -\n", line: 3, message: "each 'exclude' entry must be one regular expression"),
        BadFile(yaml: "exclude:\n  - {a: b}\n", line: 2, message: "each 'exclude' entry must be one regular expression"),
        // repo-url that is not a GitHub repository.
        BadFile(yaml: "repo-url: https://gitlab.com/kim/net-notes\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "repo-url: github.com/kim/net-notes\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "repo-url: https://github.com/kim\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "repo-url: https://github.com/kim/net-notes/tree/main\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "repo-url: ftp://github.com/kim/net-notes\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "\nrepo-url: ''\n", line: 2, message: "'repo-url' must be a GitHub repository URL"),
        BadFile(yaml: "repo-url: 42\n", line: 1, message: "'repo-url' must be a GitHub repository URL"),
        // Patterns that are not regular expressions.
        BadFile(yaml: "exclude:\n  - ^ok$\n  - '(unclosed'\n", line: 3, message: "'exclude' pattern '(unclosed' is not a valid regular expression: "),
        BadFile(yaml: "exclude: '[z-a]'\n", line: 1, message: "'exclude' pattern '[z-a]' is not a valid regular expression: "),
        BadFile(yaml: "exclude:\n  - ''\n", line: 2, message: "an 'exclude' pattern is empty"),
        // Anchors and aliases.
        BadFile(yaml: "exclude: &patterns [a]\n", line: 1, message: "YAML anchors and aliases (&name, *name) are not allowed"),
        BadFile(yaml: "exclude:\n  - a\nrepo-url: *url\n", line: 3, message: "YAML anchors and aliases (&name, *name) are not allowed"),
    ]

    @Test(arguments: badFiles)
    func badFilesAreErrorsNamingTheirLine(bad: BadFile) {
        #expect {
            try Self.read(bad.yaml)
        } throws: { error in
            guard let error = error as? NotesConfigError else { return false }
            #expect(error.file == Self.file)
            #expect(error.line == bad.line, "\(error)")
            #expect(error.message.hasPrefix(bad.message), "\(error)")
            return true
        }
    }

    @Test func filesOverTheLimit() throws {
        let line = "# " + String(repeating: "가", count: 30) + "\n"
        let yaml = String(repeating: line, count: NotesConfigReader.maximumBytes / line.utf8.count + 1)
        #expect(yaml.utf8.count > NotesConfigReader.maximumBytes)
        let tooLarge = NotesConfigError(file: Self.file, line: 1, message: "the file is larger than 64 KiB")
        #expect(throws: tooLarge) { try Self.read(yaml) }
        #expect(throws: tooLarge) { try NotesConfigReader.read(Array(yaml.utf8), file: Self.file) }
        // Just under the limit is read.
        let fits = String(yaml.utf8.prefix(NotesConfigReader.maximumBytes - 1 - (NotesConfigReader.maximumBytes - 1) % line.utf8.count))!
        #expect(try Self.read(fits) == .empty)
    }

    @Test func bytesThatAreNotUTF8() {
        #expect(throws: NotesConfigError(file: Self.file, line: 2, message: "the file is not UTF-8 text")) {
            try NotesConfigReader.read(Array("exclude: []\nrepo-url: ".utf8) + [0xFF, 0x0A], file: Self.file)
        }
    }

    @Test func aPatternMayLookLikeAnAliasWhenQuoted() throws {
        #expect(try Self.read("exclude:\n  - '&x'\n  - \"&y\"\n  - a*b\n  - a&b\n").exclude.map(\.pattern) == ["&x", "&y", "a*b", "a&b"])
    }
}
