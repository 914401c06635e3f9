import Foundation
import SimCommandLine
import SimCore
import SimExperiment
import SimOutput
import SimReport
import SimScenario
import SimShard
import SimWorkforce

enum RunCommand {
    static let spec = CommandSpec(
        name: "run",
        usage: "simulate [run] FILES... [options]",
        summary: "compare scenarios (the default command)",
        description: ["Runs every scenario × replication in parallel and writes, into the output directory:"] + ResultFiles.described + [
            "Metrics are documented in docs/outputs.md. The same seed gives the same bytes whatever --jobs."
        ],
        options: [
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results"),
            .value(
                .baseline, "ID", "the scenario the others are compared with (default: the one with id 'baseline';",
                "without one the differences are left empty)"),
            .value(.baselineFile, "FILE", "compare with this scenario file without reporting it"),
            CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang, CommonOptions.region,
            .value(
                .shard, "I/N", "run only the I-th of N slices of the replications and write a partial result",
                "for 'simulate merge' (taken from SLURM_ARRAY_TASK_ID/COUNT, or from",
                "JOB_COMPLETION_INDEX with --shard-count N, when those are set)"),
            .value(.shardCount, "N", "the number of shards, with Kubernetes' JOB_COMPLETION_INDEX"),
            .flag(
                .fixedInputs, "run every replication at the scenarios' own (central) values, for exploring and mechanism",
                "checks; by default the baseline's uncertainty block is drawn once per replication, the same draw",
                "for every scenario (docs/uncertainty.md), so intervals and differences include what we do not",
                "know, with at least 20 replications (more where naming the deciding inputs needs it)",
                "unless --replications says otherwise"),
            .flag(.uncertain, "draw the uncertainty block per replication (the default; kept for older command lines)"),
            CommonOptions.xlsx, CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate scenarios/*.json",
            "simulate scenarios/*.json --replications 40 --out results/robust",
            "simulate scenarios/baseline.json scenarios/budget-plus-50.json --fixed-inputs --replications 4",
            "simulate scenarios/baseline.json scenarios/pandemic.json --replications 40 --jobs 2 --out results/pandemic",
        ])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let files = try ScenarioSet.scenarioFiles(arguments.positional, command: "run")
        let overrides = try arguments.overrides()
        let baselineFile = arguments.value(.baselineFile)
        if baselineFile != nil && arguments.value(.baseline) != nil { throw .usage("give --baseline or --baseline-file, not both") }
        let first = baselineFile.map { [$0] } ?? []
        let (kept, notes) = ScenarioSet.setAsideSearches(try arguments.load(first + files, overrides: overrides), keepingFirst: first.count)
        if !arguments.quiet { notes.forEach(Stderr.note) }
        try execute(
            kept, arguments: arguments, started: started, baselineChoice: first.isEmpty ? .fromArguments : .hiddenFirst,
            overrides: overrides)
    }

    /// Runs loaded scenarios and writes the results, compared with the baseline `baselineChoice` picks.
    static func execute(
        _ loaded: [Scenario], arguments: Arguments, started: ContinuousClock.Instant,
        baselineChoice: BaselineChoice = .fromArguments, overrides: [Override] = []
    ) throws(CommandError) {
        let locale = try arguments.locale()
        let language = try arguments.language()
        let shard = try arguments.shard()
        let defaultOut = shard.map { "results-shard-\($0.index)-of-\($0.count)" } ?? "results"
        let options = try arguments.planOptions()
        var plan = try RunPlan.make(loaded, options: options, baselineChoice: baselineChoice)
        // By default a set without an uncertainty block runs at its values; --uncertain insists on one.
        if try drawsInputs(arguments), arguments.flag(.uncertain) || loaded.contains(where: { !$0.uncertainty.isEmpty }) {
            let draws = try UncertainDraws(loaded, baseline: plan.baseline, seed: plan.seed, overrides: overrides)
            (plan.draws, plan.uncertainPaths) = (draws, draws.paths)
            if !draws.paths.isEmpty && options.replications == nil {
                plan.replications = max(plan.replications, draws.defaultReplications)
            }
            for (s, own) in draws.kept.enumerated() where !own.isEmpty && !arguments.quiet {
                Stderr.note("\(loaded[s].id) sets its own \(own.joined(separator: ", ")); those are not drawn for it")
            }
        }
        let region = try arguments.briefRegion(plan)
        if let note = plan.noBaselineNote { FileHandle.standardError.write(Data(note.utf8)) }
        let output = try arguments.output(default: defaultOut, inputs: loaded.map(\.file))!
        var progress = Progress(
            total: shard?.slice(of: plan.replications).count ?? plan.replications,
            unit: shard.map { "replications (shard \($0.index)/\($0.count))" }
                ?? "replications of \(plan.scenarios.count) scenario\(plan.scenarios.count == 1 ? "" : "s")",
            quiet: arguments.quiet)
        if let shard {
            try output.write { staging throws(CommandError) in
                try ShardRun.write(
                    plan, shard: shard, into: staging, progress: { progress.update(done: $0) },
                    run: { plan.runMetadata(seconds: started.secondsElapsed) })
            }
            progress.finish()
            let slice = shard.slice(of: plan.replications)
            if !arguments.quiet {
                Stderr.say(
                    "wrote shard \(shard.index)/\(shard.count) (replications \(slice.lowerBound)..<\(slice.upperBound)) to \(output.target.path)"
                )
            }
            return
        }
        var result = plan.runner.emptyResult()
        plan.runner.run(replications: Array(0..<plan.replications), into: &result) { progress.update(done: $0) }
        progress.finish()
        let names = try writeResults(
            result, plan: plan, arguments: arguments, output: output, region: region, locale: locale,
            language: language, started: started, extra: [])
        if !arguments.quiet { Stderr.say("wrote \(names.joined(separator: ", ")) to \(output.target.path)") }
    }

    /// Whether the run draws the uncertainty block per replication: `run` does unless
    /// `--fixed-inputs`; `what-if` (which declares neither) never does.
    static func drawsInputs(_ arguments: Arguments) throws(CommandError) -> Bool {
        guard arguments.declares(.fixedInputs) else { return false }
        if arguments.flag(.fixedInputs) && arguments.flag(.uncertain) { throw .usage("give --fixed-inputs or --uncertain, not both") }
        return !arguments.flag(.fixedInputs)
    }

    /// Writes the result files of a run or a merge (and returns their names), with run.json's breaches and a warning for any.
    static func writeResults(
        _ result: ExperimentResult, plan: RunPlan, arguments: Arguments, output: OutputDirectory, region: String?,
        locale: CSVLocale, language: BriefLanguage, started: ContinuousClock.Instant,
        extra: [(String, JSONValue)]
    ) throws(CommandError) -> [String] {
        let breaches = plan.breachReport(result)
        if let warning = breaches.warning { FileHandle.standardError.write(Data(warning.utf8)) }
        let warnings = RunWarnings.find(result, labels: plan.labels, region: region, drawnInputs: !plan.uncertainPaths.isEmpty)
        for line in RunWarnings.lines(warnings, language) { Stderr.say(line) }
        let metadata = plan.runMetadata(
            seconds: started.secondsElapsed, extra: [("breaches", breaches.json), ("warnings", RunWarnings.json(warnings))] + extra)
        let files = ResultFiles.make(
            result, plan: plan, locale: locale, language: language, region: region,
            metadata: metadata, warnings: warnings, workbook: arguments.flag(.xlsx))
        try output.write(files)
        return files.map(\.name)
    }
}
