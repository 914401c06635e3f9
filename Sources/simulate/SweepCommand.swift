import Foundation
import SimCore
import SimWorkforce
import SimScenario
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
            CommonOptions.out(default: "results-sweep"), CommonOptions.set, CommonOptions.csvLocale, CommonOptions.lang,
            CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate sweep scenarios/baseline.json --vary regions.sorong.budget.rupiahPerYear=0:3e9:7 --out results/sweep"])

    struct Axis {
        var path: String
        var values: [Double]
    }

    static func parseAxis(_ text: String) throws(CLIError) -> Axis {
        guard let equals = text.firstIndex(of: "=") else { throw .usage("--vary expects PATH=FROM:TO:STEPS, got '\(text)'") }
        let path = String(text[..<equals])
        let parts = text[text.index(after: equals)...].split(separator: ":").map(String.init)
        guard parts.count == 3, let from = Double(parts[0]), let to = Double(parts[1]), let steps = Int(parts[2]), steps >= 1,
              Override("\(path)=0") != nil else {
            throw .usage("--vary expects PATH=FROM:TO:STEPS with STEPS ≥ 1, got '\(text)'")
        }
        let values = steps == 1 ? [from] : (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
        return Axis(path: path, values: values)
    }

    /// One scenario file of the sweep: the scenario as written (the reference every grid point is
    /// compared with) and its grid points, as indices into the loaded list.
    struct Group {
        var reference: Int
        var points: Range<Int>
    }

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let axes = try arguments.all(.vary).map(parseAxis)
        guard !axes.isEmpty else { throw .usage("'sweep' needs at least one --vary PATH=FROM:TO:STEPS") }
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value(.out) ?? "results-sweep"), force: arguments.flag(.force),
                                     inputs: arguments.positional)
        try output.checkWritable()
        var grid: [[Double]] = [[]]
        for axis in axes { grid = grid.flatMap { point in axis.values.map { point + [$0] } } }
        let files = try Command.scenarioFiles(arguments.positional, command: "sweep")
        let (loaded, groups, values) = try loadGrid(files, axes: axes, grid: grid, common: try RunCommand.overrides(arguments))
        let plan = try RunPlan.make(loaded, arguments: arguments)
        var csv = CSVWriter(locale: locale)
        csv.row((["scenario"] + axes.map(\.path) + ["region", "metric", "unit", "mean", "ci_low", "ci_high", "replications",
                                                     "delta_vs_unchanged", "delta_ci_low", "delta_ci_high"]).map(CSVField.identifier))
        var curves: [String: [SweepPoint]] = [:]
        var progress = Progress(total: plan.replications * groups.count, unit: "replications of \(grid.count) grid points and the unchanged scenario, file by file",
                                quiet: arguments.flag(.quiet))
        for (g, group) in groups.enumerated() {
            // Each file's points are compared with the file as written, on the same replications.
            let members = [group.reference] + Array(group.points)
            let runner = ExperimentRunner(scenarios: members.map { plan.scenarios[$0] }, seed: plan.seed, baseline: 0, jobs: plan.jobs)
            var result = runner.emptyResult()
            runner.run(replications: Array(0..<plan.replications), into: &result) { progress.update(done: g * plan.replications + $0) }
            for (local, s) in members.enumerated().dropFirst() {
                let label = plan.labels[s]
                for (r, catalogue) in result.catalogues[local].enumerated() {
                    for (m, metric) in catalogue.metrics.enumerated() where metric.isRegionLevel {
                        let e = Estimate(result.horizon[local][r][m])
                        let d = result.horizonDifference(local, r, m).map(Estimate.init)
                        csv.row([.userText(loaded[group.reference].id)] + values[s].map(CSVField.number)
                                + [.userText(catalogue.region), .identifier(metric.id), .identifier(metric.unit),
                                   .number(e.mean), .number(e.low), .number(e.high), .integer(e.replications),
                                   .number(d?.mean ?? .nan), .number(d?.low ?? .nan), .number(d?.high ?? .nan)])
                        guard chartMetrics.contains(where: { metric.key == .region($0) }) else { continue }
                        curves["\(metric.id)|\(catalogue.region)", default: []].append(
                            SweepPoint(scenario: loaded[group.reference].id, name: label.name, x: values[s][0], mean: e.mean, low: e.low, high: e.high))
                    }
                }
            }
        }
        progress.finish()
        let first = plan.labels.first
        let charts = chartMetrics.flatMap { metric in
            (first?.regionIDs ?? []).enumerated().map { index, region in
                SweepChart(regionID: region, regionName: first?.regionName(index) ?? region, metric: metric.id,
                           summary: metric.definition.summary, points: curves["\(metric.id)|\(region)"] ?? [])
            }
        }
        let horizonYear = (first?.startYear ?? 0) + ((loaded.first?.parameters.months ?? 12) + 11) / 12 - 1
        let page = SweepReport.html(language: language, axis: axes[0].path, horizonYear: horizonYear, charts: charts)
        try output.write([("sweep.csv", csv.text), ("sweep.html", page), ("run.json", plan.runMetadata(seconds: started.secondsElapsed))])
        if !arguments.flag(.quiet) {
            FileHandle.standardError.write(Data("simulate: wrote sweep.csv (\(grid.count) points × \(files.count) scenario\(files.count == 1 ? "" : "s")) to \(output.target.path)\n".utf8))
        }
    }

    /// The outcome curves sweep.html draws against the first varied path.
    static let chartMetrics: [Metric] = [.competencyMean, .competencyShareAtStandard, .jpShareReaching20, .serviceIKM, .serviceWaitMean]

    /// Loads each file as written, then at every grid point; `values[i]` are the grid values of
    /// loaded scenario i (empty for a file as written). Every problem is collected before failing.
    static func loadGrid(_ files: [String], axes: [Axis], grid: [[Double]], common: [Override]) throws(CLIError)
        -> (loaded: [Scenario], groups: [Group], values: [[Double]]) {
        var loaded: [Scenario] = [], groups: [Group] = [], values: [[Double]] = []
        var problems: [Diagnostic] = []
        for file in files {
            do {
                loaded.append(try ScenarioSource(reading: file).compile(overrides: common))
                values.append([])
            } catch {
                problems += error.diagnostics
                continue
            }
            let reference = loaded.count - 1
            for point in grid {
                let overrides = common + zip(axes, point).compactMap { Override("\($0.path)=\(formatNumber($1))") }
                do {
                    var scenario = try loaded[reference].source.compile(overrides: overrides)
                    scenario.id += "@" + zip(axes, point).map { "\($0.path)=\(formatNumber($1))" }.joined(separator: ",")
                    loaded.append(scenario)
                    values.append(point)
                } catch {
                    problems += error.diagnostics
                }
            }
            groups.append(Group(reference: reference, points: (reference + 1)..<loaded.count))
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems)) }
        return (loaded, groups, values)
    }
}
