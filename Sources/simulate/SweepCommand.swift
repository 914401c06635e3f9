import Foundation
import SimCommandLine
import SimExperiment
import SimReport

/// `simulate sweep`: runs each scenario at every point of a grid of values (with common random
/// numbers across points) and writes the outcome curves to `sweep.csv`.
enum SweepCommand {
    static let spec = CommandSpec(
        name: "sweep",
        usage: "simulate sweep FILES... --vary PATH=FROM:TO:STEPS [--vary ...] [options]",
        summary: "outcome curves over a grid of values",
        description: [
            "Runs every scenario at each point of the grid (STEPS evenly spaced values from FROM to TO for",
            "each --vary; several --vary make the full grid) and writes sweep.csv: one row per scenario,",
            "grid point, region and metric at the horizon, with its 95% interval and the paired difference",
            "to the scenario as written (delta_vs_unchanged, same replications); sweep.html: the outcome",
            "curves against the first --vary path (competency, 20 JP, IKM, waits); and run.json. Points",
            "share random numbers, so curves are smooth.",
        ],
        options: [
            .value(.vary, "PATH=FROM:TO:STEPS", "a scenario path and the values it takes (repeatable: the full grid)"),
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results-sweep"), CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang(of: "sweep.html"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate sweep scenarios/baseline.json --vary regions.sorong.budget.rupiahPerYear=0:3e9:7 --out results/sweep"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let axes = try arguments.all(.vary).map { text throws(CommandError) in try SweepStudy.Axis(parsing: text) }
        guard !axes.isEmpty else { throw .usage("'sweep' needs at least one --vary PATH=FROM:TO:STEPS") }
        let locale = try arguments.locale()
        let language = try arguments.language()
        let output = try arguments.output(default: "results-sweep", inputs: arguments.positional)!
        let files = try ScenarioSet.scenarioFiles(arguments.positional, command: "sweep")
        let study = try SweepStudy(files: files, axes: axes, common: try arguments.overrides())
        let plan = try RunPlan.make(study.loaded, options: try arguments.planOptions())
        var progress = Progress(
            total: plan.replications * study.groups.count,
            unit: "replications of \(study.grid.count) grid points and the unchanged scenario, file by file", quiet: arguments.quiet)
        let rows = study.run(plan) { progress.update(done: $0) }
        progress.finish()
        try output.write(
            SweepFiles.make(
                study, rows: rows, plan: plan, locale: locale, language: language,
                metadata: plan.runMetadata(seconds: started.secondsElapsed)))
        if !arguments.quiet {
            Stderr.say(
                "wrote sweep.csv (\(study.grid.count) points × \(files.count) scenario\(files.count == 1 ? "" : "s")) to \(output.target.path)"
            )
        }
    }
}
