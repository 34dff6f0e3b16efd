import ArgumentParser
import NetKB

/// `netkb search` arguments in their plain forms, read without ArgumentParser.
///
/// ArgumentParser finds a command's options by reflection, and every type it asks about costs
/// the Swift runtime a scan of all the binary's protocol conformances: about two thirds of the
/// instructions of a search that finds nothing. Search is the command people run most, so its
/// common forms (`search WORDS… [--limit N] [--notes DIR] …`) are read here and everything
/// else (help, `--`, a repeated or unknown option, a value that looks like an option, any
/// value ArgumentParser would reject) is left to ArgumentParser, which reports errors and
/// prints help as always. `NETKB_NO_QUICK_ARGUMENTS=1` sends every command to ArgumentParser,
/// so that tests can check that both read the same arguments alike.
enum QuickSearchArguments {
    /// The options that take a value, and the flags, as `search` names them.
    static let valueOptions = Set(SearchCommand.valueOptions)
    static let flags = Set(SearchCommand.flags)
    /// Options that may be given more than once.
    static let repeatable: Set<String> = ["--layer", "--concept"]

    /// The search command that `arguments` (without the program name) ask for, validated, or
    /// nil when they are not a plain search or would fail validation.
    static func command(_ arguments: [String]) -> SearchCommand? {
        guard Environment.value("NETKB_NO_QUICK_ARGUMENTS") != "1", arguments.first == "search" else { return nil }
        var values: [String: [String]] = [:]
        var words: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                words.append(argument)
                continue
            }
            if !argument.hasPrefix("--") {
                // `-word` excludes a word; `-h` (alone or among letters) asks for help.
                guard !argument.dropFirst().contains("h") else { return nil }
                words.append(argument)
                continue
            }
            let name = String(argument.prefix { $0 != "=" })
            let inline = argument.firstIndex(of: "=").map { String(argument[argument.index(after: $0)...]) }
            if flags.contains(name) {
                guard inline == nil, values[name] == nil else { return nil }
                values[name] = []
                continue
            }
            guard valueOptions.contains(name) else { return nil }
            guard repeatable.contains(name) || values[name] == nil else { return nil }
            let value: String
            if let inline {
                value = inline
            } else {
                guard index < arguments.count, !arguments[index].hasPrefix("-") else { return nil }
                value = arguments[index]
                index += 1
            }
            values[name, default: []].append(value)
        }
        return command(words: words, values: values)
    }

    /// The command made of what was read, or nil when a value is not one the option takes.
    private static func command(words: [String], values: [String: [String]]) -> SearchCommand? {
        var options = GlobalOptions()
        options.notes = values["--notes"]?.last ?? GlobalOptions.defaultNotes
        options.index = values["--index"]?.last ?? GlobalOptions.defaultIndex
        options.repoURL = values["--repo-url"]?.last ?? GlobalOptions.defaultRepoURL
        guard let format = values["--format"]?.last.map(OutputFormat.init(rawValue:)) ?? .text,
              let color = values["--color"]?.last.map(ColorChoice.init(rawValue:)) ?? .auto,
              let limit = values["--limit"]?.last.map({ Int($0) }) ?? SearchCommand.defaultLimit
        else { return nil }
        options.format = format
        options.color = color
        var filter = SectionFilterOptions()
        filter.layers = values["--layer"] ?? []
        filter.concepts = values["--concept"] ?? []
        var command = SearchCommand()
        command.options = options
        command.sectionFilter = filter
        command.words = words
        command.limit = limit
        command.path = values["--path"]?.last
        command.tag = values["--tag"]?.last
        command.exact = values["--exact"] != nil
        command.noRefresh = values["--no-refresh"] != nil
        do {
            try options.validate()
            try filter.validate()
            try command.validate()
        } catch {
            return nil
        }
        return command
    }
}
