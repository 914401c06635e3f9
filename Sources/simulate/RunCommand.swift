import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport

enum RunCommand {
    static let help = """
        USAGE: simulate [run] FILES... [options]

        Runs every scenario × replication in parallel and writes, into the output directory:
          summary.csv      one row per scenario × region × metric at the horizon, with 95% CIs and the
                           paired difference to the baseline
          timeseries.csv   the same by month (YYYY-MM)
          decisions.csv    what the periodic evaluation decided, over replications
          run.json         version, command line, seed, replications, scenario fingerprints, wall time
        Metrics are documented in docs/outputs.md. The same seed gives the same bytes whatever --jobs.

        OPTIONS:
          --replications N   replications per scenario (default: the baseline's simulation.replications)
          --seed S           master seed (default: the baseline's simulation.seed)
          --jobs J           parallel workers (default: the number of active cores)
          --years Y          horizon in years, for every scenario
          --out DIR          output directory (default: results); replaced only if it holds earlier results
          --baseline ID      the scenario the others are compared with (default: id 'baseline', else the first)
          --set PATH=VALUE   override a value in every scenario, e.g. regions.sorong.budget.rupiahPerYear=1.5e9
          --csv-locale L     en (default: ',' and '.') or id (';' and ',' for Indonesian spreadsheets)
          --force            replace a non-empty --out directory that is not an earlier results directory
          --quiet            no progress on stderr

        EXAMPLES:
          simulate scenarios/*.json
          simulate scenarios/baseline.json scenarios/pandemic.json --replications 40 --jobs 2 --out results/pandemic
        """

    static let valueOptions = ["replications", "seed", "jobs", "years", "out", "baseline", "set", "csv-locale"]
    static let flagOptions = ["force", "quiet"]

    static func parseOverrides(_ texts: [String]) throws(CLIError) -> [Override] {
        var overrides: [Override] = []
        for text in texts {
            guard let override = Override(text) else { throw .usage("--set expects PATH=VALUE (e.g. policy.maxAwayShare=0.05), got '\(text)'") }
            overrides.append(override)
        }
        return overrides
    }

    static func run(_ words: [String]) throws(CLIError) {
        if words.contains("-h") || words.contains("--help") { print(help); return }
        let started = ContinuousClock.now
        let arguments = try Arguments(words, valueOptions: valueOptions, flagOptions: flagOptions, command: "run")
        var overrides = try parseOverrides(arguments.all("set"))
        if let years = try arguments.integer("years") {
            overrides.insert(Override("simulation.years=\(years)")!, at: 0)
        }
        let localeText = arguments.value("csv-locale") ?? "en"
        guard let locale = CSVLocale(rawValue: localeText) else { throw .usage("--csv-locale expects en or id, got '\(localeText)'") }
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value("out") ?? "results"), force: arguments.flags.contains("force"))

        let scenarios = try loadAll(try Command.scenarioFiles(arguments.positional, command: "run"), overrides: overrides)
        let baseline = try baselineIndex(scenarios, requested: arguments.value("baseline"))
        let months = scenarios[baseline].parameters.months
        if let other = scenarios.first(where: { $0.parameters.months != months }) {
            throw .usage("scenario '\(other.id)' runs \(other.parameters.years) years but the baseline runs \(scenarios[baseline].parameters.years); pass --years to compare them")
        }
        let replications = try arguments.integer("replications") ?? scenarios[baseline].replications
        let seed: UInt64
        if let text = arguments.value("seed") {
            guard let parsed = UInt64(text) else { throw .usage("--seed expects a whole number ≥ 0, got '\(text)'") }
            seed = parsed
        } else {
            seed = scenarios[baseline].seed
        }
        let jobs = try arguments.integer("jobs") ?? ProcessInfo.processInfo.activeProcessorCount
        try output.checkWritable()

        let runner = ExperimentRunner(scenarios: scenarios.map { ExperimentScenario(id: $0.id, parameters: $0.parameters) },
                                      seed: seed, baseline: baseline, jobs: jobs)
        var result = runner.emptyResult()
        var progress = Progress(total: replications, unit: "replications of \(scenarios.count) scenario\(scenarios.count == 1 ? "" : "s")",
                                quiet: arguments.flags.contains("quiet"))
        runner.run(replications: Array(0..<replications), into: &result) { progress.update(done: $0) }
        progress.finish()

        let labels = scenarios.map(labels(for:))
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let files: [(name: String, contents: String)] = [
            ("summary.csv", ResultTables.summary(result, labels: labels, locale: locale)),
            ("timeseries.csv", ResultTables.timeseries(result, labels: labels, locale: locale)),
            ("decisions.csv", ResultTables.decisions(result, labels: labels, locale: locale)),
            ("run.json", runMetadata(scenarios: scenarios, seed: seed, replications: replications, jobs: jobs, seconds: seconds)),
        ]
        try output.write(files)
        if !arguments.flags.contains("quiet") {
            FileHandle.standardError.write(Data("simulate: wrote \(files.map(\.name).joined(separator: ", ")) to \(output.target.path)\n".utf8))
        }
    }

    /// Loads every file, collecting all problems before failing; ids must be unique.
    static func loadAll(_ files: [String], overrides: [Override]) throws(CLIError) -> [Scenario] {
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
                              regionIDs: p.regions.map(\.id), regionNames: p.regions.map(\.name),
                              programmeIDs: p.programmes.map(\.id), metrics: metricDefinitions(domains: p.domains),
                              startYear: p.startYear)
    }

    static func runMetadata(scenarios: [Scenario], seed: UInt64, replications: Int, jobs: Int, seconds: Double) -> String {
        let entries: [JSONValue] = scenarios.map { scenario in
            let canonical = JSONSchema.render(scenario.resolved.value, indent: 0)
            return .object([("id", JSONNode(.string(scenario.id))), ("file", JSONNode(.string(scenario.file))),
                            ("sha256", JSONNode(.string(SHA256.hex(of: Array(canonical.utf8)))))])
        }
        let value = JSONValue.object([
            ("generator", JSONNode(.string("kompeten-simulate"))),
            ("version", JSONNode(.string(KompetenVersion.current))),
            ("commandLine", JSONNode(.array(CommandLine.arguments.map { JSONNode(.string($0)) }))),
            ("seed", JSONNode(.number(Double(seed)))),
            ("replications", JSONNode(.number(Double(replications)))),
            ("jobs", JSONNode(.number(Double(jobs)))),
            ("scenarios", JSONNode(.array(entries.map { JSONNode($0) }))),
            ("wallSeconds", JSONNode(.number((seconds * 1000).rounded() / 1000))),
        ])
        return JSONSchema.render(value, indent: 0) + "\n"
    }
}
