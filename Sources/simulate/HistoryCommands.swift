import Foundation
import SimCommandLine
import SimCore
import SimExperiment
import SimOutput
import SimReport
import SimScenario

/// `simulate history-check`: a region's records beside the model for the same years (``HistoryCheck``).
enum HistoryCheckCommand {
    static let spec = CommandSpec(
        name: "history-check",
        usage: "simulate history-check SCENARIO [options]",
        summary: "compare a region's records with the model for the same years (docs/history.md)",
        description: [
            "Reads the records of regions.<r>.history (course history, SKM, queue logs, budget realisation,",
            "headcount), runs the scenario at its own values from the first year of the records to the last, and",
            "prints each year's records beside the model's mean and the lowest and highest replication. No NIP",
            "or cell of a record is printed or written. Exits 0 whatever they say; 65/66 for files it cannot use.",
        ],
        options: [
            CommonOptions.replications, CommonOptions.seed, CommonOptions.jobs, CommonOptions.set,
            .value(.out, "DIR", "also write history-check.csv into DIR"), CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate history-check scenarios/history-check.json"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let started = ContinuousClock.now
        guard arguments.positional.count == 1 else { throw .usage("'history-check' takes one scenario file") }
        let overrides = try arguments.overrides()
        let scenario = try arguments.load(arguments.positional, overrides: overrides)[0]
        let histories: [RegionHistory]
        do { histories = try HistoryLoader.read(scenario) } catch { throw .scenarios(error) }
        guard let first = histories.flatMap(\.years).min(), let last = histories.flatMap(\.years).max() else {
            throw .usage("\(scenario.file) names no records; add regions.<r>.history (docs/history.md)")
        }
        let output = try arguments.output(default: nil, inputs: arguments.positional)
        let (plan, result) = try arguments.runOverYears(first...last, overrides: overrides)
        let rows = HistoryCheck.compare(histories, result: result, labels: plan.labels[0], firstYear: first)
        print(HistoryCheck.filesText(histories), terminator: "")
        print("The model from \(first) to \(last), started in January \(first) from the scenario's start state:")
        print(HistoryCheck.text(rows, replications: plan.replications), terminator: "")
        try output?.write([("history-check.csv", HistoryCheck.csv(rows)), ("run.json", plan.runMetadata(seconds: started.secondsElapsed))])
    }

}

/// `simulate history`: synthetic records of each region from one replication (``SyntheticHistory``).
enum HistoryCommand {
    static let spec = CommandSpec(
        name: "history",
        usage: "simulate history SCENARIO --from YEAR --to YEAR --out DIR [options]",
        summary: "write synthetic records of each region from one replication (docs/history.md)",
        description: [
            "Runs one replication of the scenario at its own values from January of --from to December of --to",
            "and writes each region's records into DIR/<region>/ in the formats regions.<r>.history reads, every",
            "file and row marked synthetic and every NIP starting with 9. Their aggregates are the replication's,",
            "so history-check with the same seed and one replication reads back what the model produced.",
        ],
        options: [
            .value(.from, "YEAR", "the first year of the records (required)"), .value(.to, "YEAR", "the last year (required)"),
            .value(.out, "DIR", "the folder to write (required)"),
            .value(.months, "N", "the queue log holds the first N months of each year (default 12; a year of Sorong's is about 5 MB)"),
            CommonOptions.seed, CommonOptions.jobs, CommonOptions.set, CommonOptions.force,
            CommonOptions.quiet,
        ],
        examples: ["simulate history scenarios/baseline.json --from 2019 --to 2026 --out history"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let arguments = try spec.parse(words)
        let started = ContinuousClock.now
        guard arguments.positional.count == 1 else { throw .usage("'history' takes one scenario file") }
        guard let from = try arguments.integer(.from), let to = try arguments.integer(.to), (1990...2100).contains(from), from <= to,
            to - from < 50
        else { throw .usage("give --from and --to: years from 1990 to 2100, --from not after --to, at most 50 years") }
        guard let folder = arguments.value(.out) else { throw .usage("give --out DIR: the folder to write the records into") }
        let months = try arguments.integer(.months) ?? 12
        guard (0...12).contains(months) else { throw .usage("--months takes 0 to 12") }
        let (plan, result) = try arguments.runOverYears(from...to, overrides: try arguments.overrides(), replications: 1)
        let regions = plan.scenarios[0].parameters.regions
        let outputs = regions.map {
            OutputDirectory(
                target: URL(fileURLWithPath: folder).appendingPathComponent($0.id), force: arguments.flag(.force),
                inputs: arguments.positional)
        }
        for output in outputs { try output.checkWritable() }
        for (r, region) in regions.enumerated() {
            let run = ("run.json", plan.runMetadata(seconds: started.secondsElapsed))
            try outputs[r].write(
                SyntheticHistory.files(result, region: r, parameters: region, firstYear: from, queueMonths: months) + [run])
            if !arguments.quiet { Stderr.say("wrote the synthetic records of \(region.id) to \(outputs[r].target.path)") }
        }
    }
}
