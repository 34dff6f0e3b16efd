import ArgumentParser
import Foundation
@testable import NetKBCLI
import Testing

/// `search`'s plain forms are read without ArgumentParser (see ``QuickSearchArguments``): what
/// they read must be what ArgumentParser reads, and everything else must be left to it.
@Suite("search arguments read without ArgumentParser")
struct QuickSearchArgumentsTests {
    /// What a search command was asked for, comparable.
    struct Reading: Equatable {
        var notes, index: String
        var repoURL: String?
        var format: String, color: String
        var words: [String]
        var limit: Int
        var path, tag: String?
        var layers, concepts: [String]
        var exact, noRefresh: Bool

        init(_ command: SearchCommand) {
            notes = command.options.notes
            index = command.options.index
            repoURL = command.options.repoURL
            format = command.options.format.rawValue
            color = command.options.color.rawValue
            words = command.words
            limit = command.limit
            path = command.path
            tag = command.tag
            layers = command.sectionFilter.layers
            concepts = command.sectionFilter.concepts
            exact = command.exact
            noRefresh = command.noRefresh
        }
    }

    static func full(_ arguments: [String]) throws -> Reading {
        let command = try NetKBCommand.parseAsRoot(arguments)
        return Reading(try #require(command as? SearchCommand))
    }

    @Test(arguments: [
        ["search", "소켓"],
        ["search", "혼잡", "제어", "--limit", "3"],
        ["search", "TCP", "--limit=3", "--format", "json"],
        ["search", "--limit", "2", "TCP", "-UDP", "-"],
        ["search", "TCP", "--exact", "--no-refresh", "--color", "never"],
        ["search", "TCP", "--layer", "4", "--layer", "transport", "--concept", "tcp"],
        ["search", "--path", "net/*", "--tag", "network", "라우터"],
        ["search", "--notes", "n", "--index=i.sqlite", "--repo-url", "https://github.com/o/r", "x"],
        ["search", "--format=json", "--color=always", "OR", "a", "OR", "b"],
    ])
    func plainFormsAreReadAsArgumentParserReadsThem(_ arguments: [String]) throws {
        let quick = try #require(QuickSearchArguments.command(arguments), "\(arguments) should take the quick path")
        #expect(Reading(quick) == (try Self.full(arguments)))
    }

    @Test(arguments: [
        ["search", "--help"], ["search", "-h"], ["search", "TCP", "-hx"], ["search", "--version"],
        ["search", "--", "-x"], ["search", "TCP", "--limt", "5"], ["search", "TCP", "--limit", "0"],
        ["search", "TCP", "--limit", "x"], ["search", "TCP", "--limit", "-3"], ["search", "TCP", "--limit", "3", "--limit", "4"],
        ["search", "TCP", "--exact", "--exact"], ["search", "TCP", "--no-refresh=yes"], ["search", "TCP", "--notes"],
        ["search", "TCP", "--format", "markdown"], ["search", "TCP", "--format", "yaml"], ["search", "TCP", "--layer", "9"],
        ["search", "TCP", "--notes", ""], ["search", "TCP", "--notes", "--index", "i"],
        ["index"], ["refs", "TCP"], [], ["--notes", "n", "search", "TCP"],
    ])
    func everythingElseIsLeftToArgumentParser(_ arguments: [String]) {
        #expect(QuickSearchArguments.command(arguments) == nil)
    }

    @Test(arguments: [
        ["search", "소켓"],
        ["search", "혼잡", "제어", "--limit", "2", "--format", "json"],
        ["search", "TCP", "-UDP", "--exact"],
        ["search", "nothing-matches-this"],
        ["search", "TCP", "--limit", "0"],
        ["search", "TCP", "--limt", "5"],
    ])
    func theBinaryAnswersAlikeEitherWay(_ arguments: [String]) throws {
        // The notes and index come from the environment, as both parsers read it.
        let vault = try Vault(copying: NetKBBinary.packageRoot.appendingPathComponent("Tests/Fixtures/user-notes"))
        let environment = ["NETKB_NOTES": vault.notes.path, "NETKB_INDEX": vault.index.path]
        #expect(try NetKBBinary.run(["index"], environment: environment).status == 0)
        let quick = try NetKBBinary.run(arguments, environment: environment)
        let full = try NetKBBinary.run(arguments, environment: environment.merging(["NETKB_NO_QUICK_ARGUMENTS": "1"]) { $1 })
        #expect(quick.status == full.status)
        #expect(quick.stdout == full.stdout)
        #expect(quick.stderr == full.stderr)
    }
}
