import Foundation
import SimCore
import SimScenario

/// The subcommands and their help.
enum Command {
    static let subcommands = ["run", "validate", "sweep", "merge", "schema", "help"]

    static let mainHelp = """
        simulate \(KompetenVersion.current): test civil-service (ASN) training policies before spending the money

        USAGE: simulate [run] FILES... [options]      compare scenarios (the default command)
               simulate validate FILES...             check scenario files, run nothing
               simulate sweep FILES... --vary PATH=FROM:TO:STEPS   outcome curves over a grid
               simulate merge DIRS... --out DIR       combine the shards of a run (--shard I/N)
               simulate schema                        print the JSON Schema of scenario files

        EXAMPLES:
          simulate scenarios/*.json
          simulate scenarios/baseline.json scenarios/budget-plus-50.json --replications 30 --out results/budget
          simulate validate scenarios/*.json
          simulate scenarios/baseline.json --set regions.sorong.budget.rupiahPerYear=1.5e9

        See 'simulate run --help' for the options. Files ending in .schema.json are skipped.
        """

    static func run(_ words: [String]) throws(CLIError) {
        guard let first = words.first else {
            print(mainHelp)
            return
        }
        switch first {
        case "-h", "--help", "help":
            if words.count > 1, let topic = words.dropFirst().first {
                try help(for: topic)
            } else {
                print(mainHelp)
            }
        case "--version": print(KompetenVersion.current)
        case "run": try RunCommand.run(Array(words.dropFirst()))
        case "validate": try ValidateCommand.run(Array(words.dropFirst()))
        case "sweep": try SweepCommand.run(Array(words.dropFirst()))
        case "merge": try MergeCommand.run(Array(words.dropFirst()))
        case "schema":
            if words.dropFirst().contains(where: { $0 == "-h" || $0 == "--help" }) { print(SchemaCommandHelp.text); return }
            if words.count == 2 && words[1] == "--markdown" {
                print(FormatDocs.markdown(), terminator: "")
                return
            }
            guard words.count == 1 else { throw .usage("'schema' takes no arguments but --markdown") }
            print(JSONSchema.text(), terminator: "")
        default:
            if first.hasSuffix(".json") || first.hasPrefix("-") || first.contains("/") {
                try RunCommand.run(words)
            } else if let suggestion = closest(first, among: subcommands) {
                throw .usage("unknown subcommand '\(first)'; did you mean '\(suggestion)'?")
            } else {
                throw .usage("unknown subcommand '\(first)'; see 'simulate --help'")
            }
        }
    }

    static func help(for topic: String) throws(CLIError) {
        switch topic {
        case "run": print(RunCommand.help)
        case "validate": print(ValidateCommand.help)
        case "sweep": print(SweepCommand.help)
        case "merge": print(MergeCommand.help)
        case "schema": print(SchemaCommandHelp.text)
        default: throw .usage("no help for '\(topic)'; subcommands are \(subcommands.joined(separator: ", "))")
        }
    }

    /// The scenario files among `paths`: `.schema.json` files are skipped with a note.
    static func scenarioFiles(_ paths: [String], command: String) throws(CLIError) -> [String] {
        let files = paths.filter { !$0.hasSuffix(".schema.json") }
        guard !files.isEmpty else { throw .usage("'\(command)' needs at least one scenario file; see 'simulate \(command) --help'") }
        return files
    }
}

enum SchemaCommandHelp {
    static let text = """
        USAGE: simulate schema [--markdown]

        Prints the JSON Schema (draft 2020-12) of scenario files. The repository ships the same text as
        scenarios/scenario.schema.json; point your editor at it to check files as you type.
        --markdown prints the format's reference instead (docs/scenario-format.md).
        """
}

enum ValidateCommand {
    static let help = """
        USAGE: simulate validate FILES... [--set PATH=VALUE]...

        Checks scenario files (with their 'extends' bases and the overrides) and reports every problem as
        FILE:LINE:COLUMN: error: JSON.PATH: message. Exits 0 when all are valid, 65 when any is not.

        EXAMPLE:
          simulate validate scenarios/*.json
        """

    static func run(_ words: [String]) throws(CLIError) {
        if words.contains("-h") || words.contains("--help") { print(help); return }
        let arguments = try Arguments(words, valueOptions: ["set"], flagOptions: [], command: "validate")
        let overrides = try RunCommand.parseOverrides(arguments.all("set"))
        var problems: [Diagnostic] = []
        var unreadable = false
        for file in try Command.scenarioFiles(arguments.positional, command: "validate") {
            do {
                _ = try ScenarioLoader.load(file, overrides: overrides)
                print("\(file): ok")
            } catch {
                problems += error.diagnostics
                unreadable = unreadable || error.isUnreadableInput
            }
        }
        if !problems.isEmpty { throw .scenarios(ScenarioError(problems, isUnreadableInput: unreadable)) }
    }
}
