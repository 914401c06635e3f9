import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport
import SimShard

/// `simulate merge DIRS... --out DIR`: folds shards in replication order into exactly the files
/// the unsharded run writes.
enum MergeCommand {
    static let spec = CommandSpec(
        name: "merge",
        usage: "simulate merge DIRS... --out DIR [options]",
        summary: "combine the shards of a run or a sensitivity design (--shard I/N)",
        description: [
            "Combines the partial results written by 'simulate run --shard I/N' into the same summary.csv,",
            "timeseries.csv, decisions.csv and brief as the unsharded run (byte for byte for the CSVs).",
            "Every shard of the run must be given once; they must come from the same scenarios and seed.",
            "Shards of 'simulate sensitivity --shard I/N' merge the same way into sensitivity.csv and .html.",
        ],
        options: [
            .value(.out, "DIR", "output directory (required, not one of the shards); simulate replaces only the files it wrote there"),
            CommonOptions.csvLocale, CommonOptions.lang, CommonOptions.region, CommonOptions.xlsx, CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate merge results-shard-*-of-4 --out results"])

    static func run(_ words: [String]) throws(CLIError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        guard !arguments.positional.isEmpty else { throw .usage("'merge' needs the shard directories; see 'simulate merge --help'") }
        guard let out = arguments.value(.out) else { throw .usage("'merge' needs --out DIR") }
        let output = OutputDirectory(target: URL(fileURLWithPath: out), force: arguments.flag(.force), inputs: arguments.positional)
        try output.checkWritable()
        let sensitivityPartial = URL(fileURLWithPath: arguments.positional[0]).appendingPathComponent(SensitivityOutcome.partialFileName).path
        if FileManager.default.fileExists(atPath: sensitivityPartial) {
            return try SensitivityCommand.merge(arguments.positional, output: output, locale: try RunCommand.locale(arguments),
                                                language: try RunCommand.language(arguments), quiet: arguments.flag(.quiet), started: started)
        }
        let shards: ShardSet
        var result: ExperimentResult
        do {
            shards = try ShardSet(directories: arguments.positional)
            result = shards.emptyResult()
            try shards.fold(into: &result)
        } catch {
            if case let .unreadable(_, file) = error {
                throw .scenarios(ScenarioError([Diagnostic(file: file, path: "", message: error.description)], isUnreadableInput: true))
            }
            throw .failure(error.description)
        }
        let plan = RunPlan(shards.manifest)
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let region = try RunCommand.briefRegion(arguments, plan: plan)
        let breaches = plan.breachReport(result)
        if let warning = breaches.warning { FileHandle.standardError.write(Data(warning.utf8)) }
        let files = ResultFiles.make(result, plan: plan, locale: locale, language: language, region: region,
                                     metadata: plan.runMetadata(seconds: started.secondsElapsed,
                                                                extra: [("breaches", breaches.json),
                                                                        ("mergedFrom", .array(shards.members.map { JSONNode(.string($0.directory)) }))]), workbook: arguments.flag(.xlsx))
        try output.write(files)
        if !arguments.flag(.quiet) {
            FileHandle.standardError.write(Data("simulate: merged \(shards.members.count) shards into \(output.target.path)\n".utf8))
        }
    }
}
