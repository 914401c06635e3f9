import Foundation
import SimCommandLine
import SimExperiment
import SimOutput
import SimReport
import SimScenario

/// `simulate sensitivity`: which uncertain inputs drive the outcomes (Morris screening or Sobol
/// indices over each scenario's `uncertainty` block).
enum SensitivityCommand {
    /// The largest `--samples` (docs/uncertainty.md): 20,000 trajectories of 20 factors are
    /// 420,000 design points, weeks of computing on 2 cores.
    static let maximumSamples = 20_000

    static let spec = CommandSpec(
        name: "sensitivity",
        usage: "simulate sensitivity FILES... [--method morris|sobol] [--samples N] [options]",
        summary: "which uncertain inputs drive the outcomes",
        description: [
            "Draws a design over each scenario's uncertainty block (docs/uncertainty.md) and runs every point",
            "with the same replications (common random numbers), averaging them. morris: N trajectories of",
            "k + 1 points, elementary effects mu_star (importance) and sigma (interaction, non-linearity);",
            "sobol: Saltelli's N (k + 2) points, first-order S1 and total ST shares of the variance. Writes",
            "sensitivity.csv (scenario, region, metric, unit, parameter, index, value and a 95% bootstrap",
            "interval), sensitivity.html (a tornado chart per headline metric and region) and run.json.",
            "The same seed gives the same bytes whatever --jobs or --shard split.",
        ],
        options: [
            .value(.method, "M", "morris (default) or sobol"),
            .value(.samples, "N", "morris: trajectories (default 20); sobol: base samples N (default 128)"),
            .value(.factors, "PATH,...", "only these paths of the uncertainty block (default: all of them)"),
            .value(.bootstrap, "B", "bootstrap resamples for the intervals (default 1000)"),
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results-sensitivity, or results-sensitivity-shard-I-of-N for a shard"), CommonOptions.set,
            CommonOptions.csvLocale, CommonOptions.lang(of: "sensitivity.html"),
            .value(
                .shard, "I/N", "run only the I-th of N slices of the design points (or from SLURM_ARRAY_TASK_ID/COUNT,",
                "or JOB_COMPLETION_INDEX with --shard-count N) and write a partial result for 'simulate merge'"),
            .value(.shardCount, "N", "the number of shards, with Kubernetes' JOB_COMPLETION_INDEX"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate sensitivity scenarios/baseline.json --method morris --samples 20 --replications 10 --out results/morris",
            "simulate sensitivity scenarios/baseline.json --method sobol --samples 256 --factors regions.sawahlunto.headcount,learning.transfer.floorShare",
        ])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let methodText = arguments.value(.method) ?? "morris"
        guard let method = SensitivityMethod(rawValue: methodText) else {
            throw .usage("--method expects morris or sobol, got '\(methodText)'")
        }
        let samples = try arguments.integer(.samples) ?? (method == .morris ? 20 : 128)
        guard samples >= 2 else { throw .usage("--samples must be at least 2, got \(samples)") }
        // The design is built in memory: its points (trajectories × (factors + 1), or N × (factors + 2))
        // are refused past a limit that fits any machine, before anything is allocated.
        guard samples <= maximumSamples else {
            throw .usage(
                "--samples \(samples) is more than the \(maximumSamples) a design may have (a design holds every point in memory, and at a few points a second it would run for years); use at most \(maximumSamples), or shard a study of that size"
            )
        }
        let bootstrap = try arguments.integer(.bootstrap) ?? 1000
        let locale = try arguments.locale()
        let language = try arguments.language()
        let shard = try arguments.shard()
        // Each shard writes its own folder by default, so an array without --out does not collide.
        let defaultOut = shard.map { "results-sensitivity-shard-\($0.index)-of-\($0.count)" } ?? "results-sensitivity"
        let output = try arguments.output(default: defaultOut, inputs: arguments.positional)!
        let common = try arguments.overrides()
        // Ids must be unique: a study's design is seeded from its file's id.
        let loaded = try arguments.load(try ScenarioSet.scenarioFiles(arguments.positional, command: "sensitivity"), overrides: common)
        let plan = try RunPlan.make(loaded, options: try arguments.planOptions(), baselineChoice: .first)
        let factorFilter = arguments.value(.factors).map { $0.split(separator: ",").map(String.init) }
        let studies = try loaded.map { scenario throws(CommandError) in
            SensitivityStudy(
                scenario: scenario, factors: try SensitivityStudy.chooseFactors(scenario, only: factorFilter), method: method,
                samples: samples, seed: plan.seed)
        }
        let owned = shard?.slice(of: studies.reduce(0) { $0 + $1.points.count }).count ?? studies.reduce(0) { $0 + $1.points.count }
        var progress = Progress(total: owned, unit: "design points × \(plan.replications) replications", quiet: arguments.quiet)
        let outcome = try SensitivityStudy.evaluate(
            studies, plan: plan, common: common, bootstrap: bootstrap,
            shard: shard.map { ($0.index, $0.count) }, progress: { progress.update(done: $0) })
        progress.finish()
        if let shard {
            let run = (try? JSONParser.parse(plan.runMetadata(seconds: started.secondsElapsed), file: "run.json")) ?? JSONNode(.null)
            try output.write([(SensitivityOutcome.partialFileName, outcome.partialJSON(run: run))])
            if !arguments.quiet {
                Stderr.say(
                    "wrote sensitivity shard \(shard.index)/\(shard.count) (design points \(outcome.firstPoint)..<\(outcome.firstPoint + outcome.means.count)) to \(output.target.path)"
                )
            }
            return
        }
        try output.write(
            SensitivityFiles.make(
                outcome, locale: locale, language: language,
                metadata: plan.runMetadata(seconds: started.secondsElapsed, extra: outcome.metadata)))
        if !arguments.quiet {
            Stderr.say(
                "wrote sensitivity.csv (\(outcome.totalPoints) design points × \(plan.replications) replications) to \(output.target.path)")
        }
    }

    /// `simulate merge` of sensitivity shards: writes what the unsharded run writes.
    static func merge(_ arguments: Arguments, output: OutputDirectory, started: ContinuousClock.Instant) throws(CommandError) {
        let (merged, directories) = try SensitivityOutcome.merging(arguments.positional)
        let metadata = SensitivityFiles.mergedMetadata(merged, directories: directories, seconds: started.secondsElapsed)
        try output.write(
            SensitivityFiles.make(merged, locale: try arguments.locale(), language: try arguments.language(), metadata: metadata))
        if !arguments.quiet { Stderr.say("merged \(directories.count) sensitivity shards into \(output.target.path)") }
    }
}
