import Foundation
import SimCommandLine
import SimExperiment
import SimScenario
import SimWorkforce

/// `simulate what-if FILE --set PATH=VALUE`: a one-line what-if. The file as written is the
/// baseline; a copy with the `--set` changes is the what-if; both run side by side on the same
/// replications, and the outputs are those of `run`.
enum WhatIfCommand {
    static let spec = CommandSpec(
        name: "what-if",
        usage: "simulate what-if FILE --set PATH=VALUE [--set ...] [options]",
        summary: "compare a scenario with a copy changed by --set",
        description: [
            "Runs FILE as written (the baseline) and a copy with the --set changes (the what-if) on the",
            "same replications, and writes what 'run' writes. --set changes only the copy.",
        ],
        options: [
            .value(
                .set, "PATH=VALUE", "the change the copy makes, e.g. regions.sorong.budget.rupiahPerYear=1.5e9 (repeatable);",
                "the file as written is the baseline"),
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results-what-if"), CommonOptions.csvLocale, CommonOptions.lang, CommonOptions.region,
            CommonOptions.xlsx, CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate what-if scenarios/baseline.json --set regions.sawahlunto.budget.rupiahPerYear=8e8 --years 1"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let files = try ScenarioSet.scenarioFiles(arguments.positional, command: "what-if")
        guard files.count == 1 else { throw .usage("'what-if' takes one scenario file, got \(files.count)") }
        let changes = try ScenarioSet.parseOverrides(arguments.all(.set))
        guard !changes.isEmpty else { throw .usage("'what-if' needs at least one --set PATH=VALUE: the change to compare") }
        let years = try arguments.integer(.years).flatMap { Override("simulation.years=\($0)") }.map { [$0] } ?? []
        let base = try arguments.load(files, overrides: years)
        var changed = try ScenarioSet.load(files, overrides: years + changes)
        let change = changes.map { "\($0.path)=\($0.text)" }.joined(separator: ", ")
        changed[0].id = base[0].id + "-what-if"
        changed[0].name = LocalizedText(change)
        changed[0].question = LocalizedText(indonesian: "Apa yang berubah jika \(change)?", english: "What changes if \(change)?")
        try RunCommand.execute(base + changed, arguments: arguments, started: started, baselineChoice: .first)
    }
}
