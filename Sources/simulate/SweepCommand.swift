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
            "grid point, region and metric at the horizon, with its 95% interval; sweep.html: the outcome",
            "curves against the first --vary path (competency, 20 JP, IKM, waits); and run.json. Points",
            "share random numbers, so curves are smooth.",
        ],
        options: [
            .value("vary", "PATH=FROM:TO:STEPS", "a scenario path and the values it takes (repeatable: the full grid)"),
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

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        let axes = try arguments.all("vary").map(parseAxis)
        guard !axes.isEmpty else { throw .usage("'sweep' needs at least one --vary PATH=FROM:TO:STEPS") }
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let output = OutputDirectory(target: URL(fileURLWithPath: arguments.value("out") ?? "results-sweep"), force: arguments.flags.contains("force"))
        try output.checkWritable()
        var grid: [[Double]] = [[]]
        for axis in axes { grid = grid.flatMap { point in axis.values.map { point + [$0] } } }
        let files = try Command.scenarioFiles(arguments.positional, command: "sweep")
        let common = try RunCommand.overrides(arguments)
        var loaded: [Scenario] = []
        var points: [(scenario: String, values: [Double])] = []
        var problems: [Diagnostic] = []
        for file in files {
            for point in grid {
                let overrides = common + zip(axes, point).compactMap { Override("\($0.path)=\(formatNumber($1))") }
                do {
                    var scenario = try ScenarioLoader.load(file, overrides: overrides)
                    points.append((scenario.id, point))
                    scenario.id += "@" + zip(axes, point).map { "\($0.path)=\(formatNumber($1))" }.joined(separator: ",")
                    loaded.append(scenario)
                } catch {
                    problems += error.diagnostics
                }
            }
        }
        guard problems.isEmpty else { throw .scenarios(ScenarioError(problems)) }
        let plan = try RunPlan.make(loaded, arguments: arguments)
        var result = plan.runner.emptyResult()
        var progress = Progress(total: plan.replications, unit: "replications of \(loaded.count) grid points", quiet: arguments.flags.contains("quiet"))
        plan.runner.run(replications: Array(0..<plan.replications), into: &result) { progress.update(done: $0) }
        progress.finish()
        var csv = CSVWriter(locale: locale)
        csv.row((["scenario"] + axes.map(\.path) + ["region", "metric", "unit", "mean", "ci_low", "ci_high", "replications"]).map(CSVField.identifier))
        for (s, label) in plan.labels.enumerated() {
            for r in label.regionIDs.indices {
                for (m, metric) in label.metrics.enumerated() where metric.isRegionLevel {
                    let e = Estimate(result.horizon[s][r][m])
                    csv.row([.userText(points[s].scenario)] + points[s].values.map(CSVField.number)
                            + [.userText(label.regionIDs[r]), .identifier(metric.id), .identifier(metric.unit),
                               .number(e.mean), .number(e.low), .number(e.high), .integer(e.replications)])
                }
            }
        }
        // Outcome curves against the first varied path, for the headline metrics.
        var charts: [SweepChart] = []
        let first = plan.labels.first
        for metric in ["competency.mean", "competency.share_at_standard", "jp.share_reaching_20", "service.ikm", "service.wait_minutes.mean"] {
            for (index, region) in (first?.regionIDs ?? []).enumerated() {
                var curve: [SweepPoint] = []
                var summary = HorizonSummary.lastMonth
                for (s, label) in plan.labels.enumerated() {
                    guard let r = label.regionIDs.firstIndex(of: region), let m = label.metrics.firstIndex(where: { $0.id == metric }) else { continue }
                    let e = Estimate(result.horizon[s][r][m])
                    summary = label.metrics[m].summary
                    curve.append(SweepPoint(scenario: points[s].scenario, name: label.name, x: points[s].values[0], mean: e.mean, low: e.low, high: e.high))
                }
                charts.append(SweepChart(regionID: region, regionName: first?.regionNames[index] ?? region, metric: metric, summary: summary, points: curve))
            }
        }
        let horizonYear = (first?.startYear ?? 0) + (result.months + 11) / 12 - 1
        let page = SweepReport.html(language: language, axis: axes[0].path, horizonYear: horizonYear, charts: charts)
        try output.write([("sweep.csv", csv.text), ("sweep.html", page), ("run.json", plan.runMetadata(seconds: started.secondsElapsed))])
        if !arguments.flags.contains("quiet") {
            FileHandle.standardError.write(Data("simulate: wrote sweep.csv (\(grid.count) points × \(files.count) scenario\(files.count == 1 ? "" : "s")) to \(output.target.path)\n".utf8))
        }
    }
}
