import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport
import SimSensitivity
import SimShard

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
            CommonOptions.out(default: "results-sensitivity, or results-sensitivity-shard-I-of-N for a shard"), CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang,
            .value(.shard, "I/N", "run only the I-th of N slices of the design points (or from SLURM_ARRAY_TASK_ID/COUNT,",
                   "or JOB_COMPLETION_INDEX with --shard-count N) and write a partial result for 'simulate merge'"),
            .value(.shardCount, "N", "the number of shards, with Kubernetes' JOB_COMPLETION_INDEX"),
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate sensitivity scenarios/baseline.json --method morris --samples 20 --replications 10 --out results/morris",
            "simulate sensitivity scenarios/baseline.json --method sobol --samples 256 --factors regions.sawahlunto.headcount,learning.transfer.floorShare",
        ])

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let methodText = arguments.value(.method) ?? "morris"
        guard let method = SensitivityMethod(rawValue: methodText) else { throw .usage("--method expects morris or sobol, got '\(methodText)'") }
        let samples = try arguments.integer(.samples) ?? (method == .morris ? 20 : 128)
        guard samples >= 2 else { throw .usage("--samples must be at least 2, got \(samples)") }
        // The design is built in memory: its points (trajectories × (factors + 1), or N × (factors + 2))
        // are refused past a limit that fits any machine, before anything is allocated.
        guard samples <= maximumSamples else {
            throw .usage("--samples \(samples) is more than the \(maximumSamples) a design may have (a design holds every point in memory, and at a few points a second it would run for years); use at most \(maximumSamples), or shard a study of that size")
        }
        let bootstrap = try arguments.integer(.bootstrap) ?? 1000
        guard bootstrap >= 0 else { throw .usage("--bootstrap must be at least 0") }
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let shard = try ShardSelection.from(arguments, environment: ProcessInfo.processInfo.environment)
        // Each shard writes its own folder by default, so an array without --out does not collide.
        let defaultOut = shard.map { "results-sensitivity-shard-\($0.index)-of-\($0.count)" } ?? "results-sensitivity"
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value(.out) ?? defaultOut), force: arguments.flag(.force),
                                     inputs: arguments.positional)
        try output.checkWritable()
        let common = try RunCommand.overrides(arguments)
        // Ids must be unique: a study's design is seeded from its file's id.
        let loaded = try RunCommand.loadAll(try Command.scenarioFiles(arguments.positional, command: "sensitivity"), overrides: common)
        let plan = try RunPlan.make(loaded, arguments: arguments, baselineChoice: .first)
        let factorFilter = arguments.value(.factors).map { $0.split(separator: ",").map(String.init) }
        let studies = try loaded.map { scenario throws(CLIError) in
            SensitivityStudy(scenario: scenario, factors: try chooseFactors(scenario, only: factorFilter), method: method, samples: samples, seed: plan.seed)
        }
        let outcome = try evaluate(studies, plan: plan, common: common, bootstrap: bootstrap, shard: shard, quiet: arguments.flag(.quiet))
        if let shard {
            try output.write([(SensitivityOutcome.partialFileName, outcome.partialJSON(run: (try? JSONParser.parse(plan.runMetadata(seconds: started.secondsElapsed), file: "run.json")) ?? JSONNode(.null)))])
            if !arguments.flag(.quiet) {
                FileHandle.standardError.write(Data("simulate: wrote sensitivity shard \(shard.index)/\(shard.count) (design points \(outcome.firstPoint)..<\(outcome.firstPoint + outcome.means.count)) to \(output.target.path)\n".utf8))
            }
            return
        }
        try output.write(files(outcome, locale: locale, language: language, metadata: plan.runMetadata(seconds: started.secondsElapsed, extra: outcome.metadata)))
        if !arguments.flag(.quiet) {
            FileHandle.standardError.write(Data("simulate: wrote sensitivity.csv (\(outcome.totalPoints) design points × \(plan.replications) replications) to \(output.target.path)\n".utf8))
        }
    }

    /// The factors of a scenario: its whole uncertainty block, or the paths `--factors` names.
    static func chooseFactors(_ scenario: Scenario, only: [String]?) throws(CLIError) -> [UncertainParameter] {
        guard !scenario.uncertainty.isEmpty else {
            throw .usage("\(scenario.file) has no uncertainty block; add one (docs/uncertainty.md) or extend scenarios/baseline.json")
        }
        guard let only else { return scenario.uncertainty }
        let known = scenario.uncertainty.map(\.path)
        var chosen: [UncertainParameter] = []
        for path in only {
            guard let factor = scenario.uncertainty.first(where: { $0.path == path }) else {
                let hint = suggestion(for: path, among: known).map { "; did you mean '\($0)'?" } ?? "; the block has \(known.joined(separator: ", "))"
                throw .usage("--factors: '\(path)' is not in the uncertainty block of \(scenario.file)\(hint)")
            }
            if !chosen.contains(where: { $0.path == path }) { chosen.append(factor) }
        }
        return chosen
    }

    /// Runs the design points this process owns (all of them, or a shard's slice).
    static func evaluate(_ studies: [SensitivityStudy], plan: RunPlan, common: [Override], bootstrap: Int,
                         shard: ShardSelection?, quiet: Bool) throws(CLIError) -> SensitivityOutcome {
        let owners = studies.enumerated().flatMap { s, study in study.points.indices.map { (s, $0) } }
        let slice = shard.map { ShardManifest.slice(shard: $0.index, of: $0.count, replications: owners.count) } ?? 0..<owners.count
        let runner = DesignRunner(seed: plan.seed, replications: plan.replications, jobs: plan.jobs)
        var progress = Progress(total: slice.count, unit: "design points × \(plan.replications) replications", quiet: quiet)
        let outcome = runner.run(points: Array(slice), compile: { (global: Int) -> Result<ExperimentScenario, ScenarioError> in
            let (s, p) = owners[global]
            do throws(ScenarioError) {
                let scenario = try studies[s].scenario.source.compile(overrides: studies[s].overrides(point: p, common: common))
                return .success(ExperimentScenario(id: scenario.id, parameters: scenario.parameters))
            } catch {
                return .failure(error)
            }
        }, progress: { progress.update(done: $0) })
        progress.finish()
        let means: [DesignRunner.PointMeans]
        switch outcome {
        case .success(let values): means = values
        case .failure(let error): throw .scenarios(error)
        }
        // Only region-level metrics: they are what indices are computed for, and every region reports them.
        let summaries = studies.enumerated().map { s, study in
            let label = plan.labels[s]
            return SensitivityOutcome.Study(id: study.scenario.id, file: study.scenario.file, sha256: plan.fingerprints[s].sha256,
                                            name: study.scenario.name, regionIDs: label.regionIDs, regionNames: label.regionNames,
                                            metrics: label.catalogues.first?.metrics.filter(\.isRegionLevel) ?? [], factors: study.factors.map(\.path),
                                            pointCount: study.points.count,
                                            horizonYear: label.startYear + (study.scenario.parameters.months + 11) / 12 - 1)
        }
        // Each point's values read by region id and key, in the study's order.
        let kept = slice.enumerated().map { offset, global in
            let study = summaries[owners[global].0]
            return study.regionIDs.map { region in study.metrics.map { means[offset].value(region: region, $0.key) ?? .nan } }
        }
        return SensitivityOutcome(method: studies[0].method, samples: studies[0].samples, seed: plan.seed, replications: plan.replications,
                                  bootstrap: bootstrap, studies: summaries, firstPoint: slice.lowerBound, means: kept,
                                  shard: shard.map { ($0.index, $0.count) })
    }
}
