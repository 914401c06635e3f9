import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport

enum RunCommand {
    static let spec = CommandSpec(
        name: "run",
        usage: "simulate [run] FILES... [options]",
        summary: "compare scenarios (the default command)",
        description: [
            "Runs every scenario × replication in parallel and writes, into the output directory:",
            "  summary.csv      one row per scenario × region × metric at the horizon, with 95% CIs and the",
            "                   paired difference to the baseline",
            "  yearly.csv       the same by calendar year, with each year's paired difference to the baseline",
            "  timeseries.csv   the same by month (YYYY-MM)",
            "  decisions.csv    what the periodic evaluation decided, over replications",
            "  programmes.csv   what each programme did each year: invited, completed, JP, spending, gap closed",
            "  services.csv     each service counter each year: requests, waits, utilisation, FCR, complaints, IKM",
            "  brief.md/.html   the policy brief with charts (Bahasa Indonesia by default)",
            "  run.json         version, command line, seed, replications, scenario fingerprints, wall time",
            "Metrics are documented in docs/outputs.md. The same seed gives the same bytes whatever --jobs.",
        ],
        options: [
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.years,
            CommonOptions.out(default: "results"),
            .value(.baseline, "ID", "the scenario the others are compared with (default: the one with id 'baseline';",
                   "without one the differences are left empty)"),
            .value(.baselineFile, "FILE", "compare with this scenario file without reporting it"),
            CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang, CommonOptions.region,
            .value(.shard, "I/N", "run only the I-th of N slices of the replications and write a partial result",
                   "for 'simulate merge' (taken from SLURM_ARRAY_TASK_ID/COUNT, or from",
                   "JOB_COMPLETION_INDEX with --shard-count N, when those are set)"),
            .value(.shardCount, "N", "the number of shards, with Kubernetes' JOB_COMPLETION_INDEX"),
            .flag(.uncertain, "draw the uncertainty block's inputs once per replication, the same draw for every",
                  "scenario (docs/uncertainty.md): intervals and differences then include what we do not know,",
                  "and the brief gives each what-if's probability of beating the baseline"),
            CommonOptions.xlsx, CommonOptions.force, CommonOptions.quiet,
        ],
        examples: [
            "simulate scenarios/*.json",
            "simulate scenarios/*.json --uncertain --replications 40 --out results/robust",
            "simulate scenarios/baseline.json scenarios/pandemic.json --replications 40 --jobs 2 --out results/pandemic",
        ])

    static func parseOverrides(_ texts: [String]) throws(CLIError) -> [Override] {
        var overrides: [Override] = []
        for text in texts {
            let path = text.split(separator: "=", maxSplits: 1).first ?? ""
            guard path.split(separator: ".").count <= Override.maximumSegments else {
                throw .usage("a --set path of more than \(Override.maximumSegments) parts; no scenario key is that deep")
            }
            guard let override = Override(text) else { throw .usage("--set expects PATH=VALUE (e.g. policy.maxAwayShare=0.05), got '\(Diagnostic.capped(text, 80))'") }
            overrides.append(override)
        }
        return overrides
    }

    /// The overrides of `--set` and `--years`, in that order of precedence (later wins).
    static func overrides(_ arguments: Arguments) throws(CLIError) -> [Override] {
        var overrides = try parseOverrides(arguments.all(.set))
        if let years = try arguments.integer(.years), let override = Override("simulation.years=\(years)") {
            overrides.insert(override, at: 0)
        }
        return overrides
    }

    static func locale(_ arguments: Arguments) throws(CLIError) -> CSVLocale {
        let text = arguments.value(.csvLocale) ?? "en"
        guard let locale = CSVLocale(rawValue: text) else { throw .usage("--csv-locale expects en or id, got '\(text)'") }
        return locale
    }

    static func language(_ arguments: Arguments) throws(CLIError) -> BriefLanguage {
        let text = arguments.value(.lang) ?? "id"
        guard let language = BriefLanguage(rawValue: text) else { throw .usage("--lang expects id or en, got '\(text)'") }
        return language
    }

    /// The region `--region` names, checked against the baseline's regions before anything runs.
    static func briefRegion(_ arguments: Arguments, plan: RunPlan) throws(CLIError) -> String? {
        guard let id = arguments.value(.region) else { return nil }
        let known = plan.labels[plan.baseline].regionIDs
        guard known.contains(id) else { throw .usage("--region: unknown region '\(id)'; the baseline has \(known.joined(separator: ", "))") }
        return id
    }

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let files = try Command.scenarioFiles(arguments.positional, command: "run")
        let overrides = try overrides(arguments)
        let quiet = arguments.flag(.quiet)
        guard let baselineFile = arguments.value(.baselineFile) else {
            let loaded = setAsideSearches(try loadAll(files, overrides: overrides, quiet: quiet), keepingFirst: 0, quiet: quiet)
            try execute(loaded, arguments: arguments, started: started, overrides: overrides)
            return
        }
        if arguments.value(.baseline) != nil { throw .usage("give --baseline or --baseline-file, not both") }
        try execute(setAsideSearches(try loadAll([baselineFile] + files, overrides: overrides, quiet: quiet), keepingFirst: 1, quiet: quiet),
                    arguments: arguments, started: started, baselineChoice: .hiddenFirst, overrides: overrides)
    }

    /// Among several files (`scenarios/*.json`), a search for the best plan (a file with an
    /// `optimise` block) is not a what-if: it is left out, with a note, unless it is among the
    /// first `keepingFirst` (the --baseline-file) or it is all there is.
    static func setAsideSearches(_ loaded: [Scenario], keepingFirst: Int, quiet: Bool) -> [Scenario] {
        let kept = loaded.enumerated().filter { $0.offset < keepingFirst || $0.element.optimisation == nil }.map(\.element)
        guard kept.count > keepingFirst else { return loaded }
        for scenario in loaded.dropFirst(keepingFirst) where scenario.optimisation != nil && !quiet {
            FileHandle.standardError.write(Data("simulate: note: left out \(scenario.file): it is a search for the best plan (an optimise block), not a what-if; run 'simulate optimise \(scenario.file)', or compare a plan with it through --baseline-file\n".utf8))
        }
        return kept
    }

    /// Runs loaded scenarios and writes the results, compared with the baseline `baselineChoice` picks.
    static func execute(_ loaded: [Scenario], arguments: Arguments, started: ContinuousClock.Instant,
                        baselineChoice: BaselineChoice = .fromArguments, overrides: [Override] = []) throws(CLIError) {
        let locale = try locale(arguments), language = try language(arguments)
        let quiet = arguments.flag(.quiet)
        let shard = try ShardSelection.from(arguments, environment: ProcessInfo.processInfo.environment)
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value(.out) ?? (shard.map { "results-shard-\($0.index)-of-\($0.count)" } ?? "results")),
                                     force: arguments.flag(.force), inputs: loaded.map(\.file))
        var plan = try RunPlan.make(loaded, arguments: arguments, baselineChoice: baselineChoice)
        if arguments.declares(.uncertain) && arguments.flag(.uncertain) {
            let draws = try UncertainDraws(loaded, baseline: plan.baseline, seed: plan.seed, overrides: overrides)
            plan.draws = draws
            plan.uncertainPaths = draws.paths
            for (s, own) in draws.kept.enumerated() where !own.isEmpty && !quiet {
                FileHandle.standardError.write(Data("simulate: note: \(loaded[s].id) sets its own \(own.joined(separator: ", ")); those are not drawn for it\n".utf8))
            }
        }
        let region = try briefRegion(arguments, plan: plan)
        if let note = plan.noBaselineNote { FileHandle.standardError.write(Data(note.utf8)) }
        try output.checkWritable()
        if let shard {
            try ShardCommand.run(plan, shard: shard, output: output, quiet: quiet, started: started)
            return
        }
        var result = plan.runner.emptyResult()
        var progress = Progress(total: plan.replications, unit: "replications of \(plan.scenarios.count) scenario\(plan.scenarios.count == 1 ? "" : "s")", quiet: quiet)
        plan.runner.run(replications: Array(0..<plan.replications), into: &result) { progress.update(done: $0) }
        progress.finish()
        let breaches = plan.breachReport(result)
        if let warning = breaches.warning { FileHandle.standardError.write(Data(warning.utf8)) }
        let files = ResultFiles.make(result, plan: plan, locale: locale, language: language, region: region,
                                     metadata: plan.runMetadata(seconds: started.secondsElapsed, extra: [("breaches", breaches.json)]), workbook: arguments.flag(.xlsx))
        try output.write(files)
        if !quiet {
            FileHandle.standardError.write(Data("simulate: wrote \(files.map(\.name).joined(separator: ", ")) to \(output.target.path)\n".utf8))
        }
    }

    /// Loads every file, collecting all problems before failing; ids must be unique. What loading
    /// did on the planner's behalf (entries dropped with a removed region) is noted on stderr.
    static func loadAll(_ files: [String], overrides: [Override], quiet: Bool = false) throws(CLIError) -> [Scenario] {
        var scenarios: [Scenario] = []
        var problems: [Diagnostic] = []
        var unreadable = false
        for file in files {
            do {
                scenarios.append(try ScenarioLoader.load(file, overrides: overrides))
            } catch {
                problems += error.diagnostics
                unreadable = unreadable || error.isUnreadableInput
            }
        }
        var seen: [String: String] = [:]
        for scenario in scenarios {
            if let first = seen[scenario.id] {
                problems.append(Diagnostic(file: scenario.file, path: "id", message: "id '\(scenario.id)' is also used by \(first); give each scenario its own id"))
            }
            seen[scenario.id] = scenario.file
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems, isUnreadableInput: unreadable)) }
        if !quiet {
            for note in scenarios.flatMap(\.notes) { FileHandle.standardError.write(Data("simulate: note: \(note)\n".utf8)) }
        }
        return scenarios
    }

    static func baselineIndex(_ scenarios: [Scenario], requested: String?) throws(CLIError) -> Int {
        if let requested {
            guard let index = scenarios.firstIndex(where: { $0.id == requested }) else {
                let hint = closest(requested, among: scenarios.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
                throw .usage("--baseline '\(requested)' is not among the scenarios\(hint)")
            }
            return index
        }
        return scenarios.firstIndex { $0.id == "baseline" } ?? 0
    }

    static func labels(for scenario: Scenario) -> ScenarioLabels {
        let p = scenario.parameters
        return ScenarioLabels(id: scenario.id, name: scenario.name, question: scenario.question,
                              catalogues: p.catalogues, regionNames: p.regions.map(\.name),
                              programmeIDs: p.programmes.map(\.id),
                              startYear: p.startYear, caveats: caveats(scenario), programmeModes: p.programmes.map(\.mode.id),
                              programmeNames: p.programmes.map(\.name))
    }

    /// The scenario's inputs whose source is an estimate (`ESTIMATE`) or derived by assumption,
    /// and the seasonal demand profiles that are assumptions (one line per distinct reason).
    static func caveats(_ scenario: Scenario) -> [String] {
        let estimates = scenario.sources.filter { $0.source.contains("ESTIMATE") || $0.source.hasPrefix("assumption derived") }
            .map { "\($0.path): \($0.source)" }
        var demand: [(source: String, paths: [String])] = []
        for region in scenario.parameters.regions {
            for unit in region.units {
                guard let source = unit.service?.demand?.source, source.hasPrefix("assumption") else { continue }
                let path = "regions.\(region.id).units.\(unit.id).service.demand"
                if let i = demand.firstIndex(where: { $0.source == source }) { demand[i].paths.append(path) } else { demand.append((source, [path])) }
            }
        }
        return estimates + demand.map { "\($0.paths.joined(separator: ", ")): \($0.source)" } + scenario.parameters.regions.compactMap(rosterCaveat)
    }

    /// What a region's roster left out and the model drew instead, with how many people each.
    static func rosterCaveat(_ region: RegionParameters) -> String? {
        guard let roster = region.roster else { return nil }
        let head = "regions.\(region.id).roster: \(roster.count) people from the roster file (SHA-256 \(roster.sha256.prefix(12))…)"
        guard !roster.imputed.isEmpty else { return head + "; every column read, none drawn" }
        let columns = roster.imputed.map { "\($0.column) for \($0.people)" }.joined(separator: ", ")
        return head + "; not in the file, so drawn from the region's distributions: " + columns
    }
}
