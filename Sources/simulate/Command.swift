import Foundation
import SimCommandLine
import SimCore
import SimExperiment
import SimScenario

/// The subcommands and their help.
enum Command {
    static let specs = [
        RunCommand.spec, WhatIfCommand.spec, ValidateCommand.spec, SweepCommand.spec, SensitivityCommand.spec, OptimiseCommand.spec,
        FactsCommand.spec, MergeCommand.spec, SchemaCommand.spec, RosterTemplateCommand.spec, RosterCheckCommand.spec,
        HistoryCheckCommand.spec, HistoryCommand.spec,
    ]
    static let subcommands = specs.map(\.name) + ["help"]

    /// `simulate --help`: the subcommands from their declarations, then examples.
    static var mainHelp: String {
        let usages = specs.flatMap { ["  " + $0.usage, "      " + $0.summary] }
        return
            ([
                "simulate \(KompetenVersion.current): test civil-service (ASN) training policies before spending the money", "",
                "USAGE:",
            ] + usages + [
                "",
                "EXAMPLES:",
                "  simulate scenarios/*.json",
                "  simulate scenarios/baseline.json scenarios/budget-plus-50.json --replications 30 --out results/budget",
                "  simulate validate scenarios/*.json",
                "  simulate what-if scenarios/baseline.json --set regions.sorong.budget.rupiahPerYear=1.5e9",
                "",
                "See 'simulate COMMAND --help' for each command's options. Files ending in .schema.json are skipped.",
            ]).joined(separator: "\n")
    }

    static func run(_ words: [String]) throws(CommandError) {
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
        case "what-if": try WhatIfCommand.run(Array(words.dropFirst()))
        case "validate": try ValidateCommand.run(Array(words.dropFirst()))
        case "sweep": try SweepCommand.run(Array(words.dropFirst()))
        case "sensitivity": try SensitivityCommand.run(Array(words.dropFirst()))
        case "optimise", "optimize": try OptimiseCommand.run(Array(words.dropFirst()))
        case "merge": try MergeCommand.run(Array(words.dropFirst()))
        case "facts": try FactsCommand.run(Array(words.dropFirst()))
        case "schema": try SchemaCommand.run(Array(words.dropFirst()))
        case "roster-template": try RosterTemplateCommand.run(Array(words.dropFirst()))
        case "roster-check": try RosterCheckCommand.run(Array(words.dropFirst()))
        case "history-check": try HistoryCheckCommand.run(Array(words.dropFirst()))
        case "history": try HistoryCommand.run(Array(words.dropFirst()))
        default:
            if first.hasSuffix(".json") || first.hasPrefix("-") || first.contains("/") {
                try RunCommand.run(words)
            } else if let guess = suggestion(for: first, among: subcommands) {
                throw .usage("unknown subcommand '\(first)'; did you mean '\(guess)'?")
            } else {
                throw .usage("unknown subcommand '\(first)'; see 'simulate --help'")
            }
        }
    }

    static func help(for topic: String) throws(CommandError) {
        guard let spec = specs.first(where: { $0.name == topic }) else {
            throw .usage("no help for '\(topic)'; subcommands are \(subcommands.joined(separator: ", "))")
        }
        print(spec.help)
    }
}

enum SchemaCommand {
    static let spec = CommandSpec(
        name: "schema",
        usage: "simulate schema [--markdown]",
        summary: "print the JSON Schema of scenario files",
        description: [
            "Prints the JSON Schema (draft 2020-12) of scenario files. The repository ships the same text as",
            "scenarios/scenario.schema.json; point your editor at it to check files as you type.",
        ],
        options: [.flag(.markdown, "print the format's reference instead (docs/scenario-format.md)")],
        examples: ["simulate schema > scenarios/scenario.schema.json"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        guard arguments.positional.isEmpty else { throw .usage("'schema' takes no arguments but --markdown") }
        print(arguments.flag(.markdown) ? FormatDocs.markdown() : JSONSchema.text(), terminator: "")
    }
}

enum ValidateCommand {
    static let spec = CommandSpec(
        name: "validate",
        usage: "simulate validate FILES... [--set PATH=VALUE]...",
        summary: "check scenario files, run nothing",
        description: [
            "Checks scenario files (with their 'extends' bases and the overrides) and reports every problem as",
            "FILE:LINE:COLUMN: error: JSON.PATH: message. Exits 0 when all are valid, 65 when any is not.",
        ],
        options: [CommonOptions.set],
        examples: ["simulate validate scenarios/*.json"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let overrides = try ScenarioSet.parseOverrides(arguments.all(.set))
        var problems: [Diagnostic] = []
        var unreadable = false
        for file in try ScenarioSet.scenarioFiles(arguments.positional, command: "validate") {
            do {
                let scenario = try ScenarioLoader.load(file, overrides: overrides)
                print("\(file): ok")
                scenario.notes.forEach(Stderr.note)
            } catch {
                problems += error.diagnostics
                unreadable = unreadable || error.isUnreadableInput
            }
        }
        if !problems.isEmpty { throw .scenarios(ScenarioError(problems, isUnreadableInput: unreadable)) }
    }
}
