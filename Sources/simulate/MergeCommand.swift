import Foundation
import SimCommandLine
import SimExperiment
import SimOutput
import SimScenario
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
            CommonOptions.csvLocale, CommonOptions.lang(of: CommonOptions.briefFiles + ", or of sensitivity.html"), CommonOptions.region,
            CommonOptions.xlsx, CommonOptions.force, CommonOptions.quiet,
        ],
        examples: ["simulate merge results-shard-*-of-4 --out results"])

    static func run(_ words: [String]) throws(CommandError) {
        if spec.answersHelp(words) { return }
        let started = ContinuousClock.now
        let arguments = try spec.parse(words)
        guard !arguments.positional.isEmpty else { throw .usage("'merge' needs the shard directories; see 'simulate merge --help'") }
        guard arguments.value(.out) != nil else { throw .usage("'merge' needs --out DIR") }
        let output = try arguments.output(default: nil, inputs: arguments.positional)!
        let sensitivityPartial = URL(fileURLWithPath: arguments.positional[0]).appendingPathComponent(SensitivityOutcome.partialFileName)
            .path
        if FileManager.default.fileExists(atPath: sensitivityPartial) {
            return try SensitivityCommand.merge(arguments, output: output, started: started)
        }
        let (shards, result) = try ShardSet.merged(arguments.positional)
        let plan = RunPlan(shards.manifest)
        let region = try arguments.briefRegion(plan)
        _ = try RunCommand.writeResults(
            result, plan: plan, arguments: arguments, output: output, region: region,
            locale: try arguments.locale(), language: try arguments.language(), started: started,
            extra: [("mergedFrom", .array(shards.members.map { JSONNode(.string($0.directory)) }))])
        if !arguments.quiet { Stderr.say("merged \(shards.members.count) shards into \(output.target.path)") }
    }
}
