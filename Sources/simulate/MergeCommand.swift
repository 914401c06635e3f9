import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport

/// `simulate merge DIRS... --out DIR`: folds shards in replication order into exactly the files
/// the unsharded run writes.
enum MergeCommand {
    static let help = """
        USAGE: simulate merge DIRS... --out DIR [--csv-locale L] [--lang L] [--force] [--quiet]

        Combines the partial results written by 'simulate run --shard I/N' into the same summary.csv,
        timeseries.csv, decisions.csv and brief as the unsharded run (byte for byte for the CSVs).
        Every shard of the run must be given once; they must come from the same scenarios and seed.

        EXAMPLE:
          simulate merge results-shard-*-of-4 --out results
        """

    struct Shard {
        var directory: String
        var root: JSONNode
        var first: Int
        var end: Int
    }

    static func run(_ words: [String]) throws(CLIError) {
        if words.contains("-h") || words.contains("--help") { print(help); return }
        let started = ContinuousClock.now
        let arguments = try Arguments(words, valueOptions: ["out", "csv-locale", "lang"], flagOptions: ["force", "quiet"], command: "merge")
        guard !arguments.positional.isEmpty else { throw .usage("'merge' needs the shard directories; see 'simulate merge --help'") }
        guard let out = arguments.value("out") else { throw .usage("'merge' needs --out DIR") }
        let output = OutputDirectory(target: URL(fileURLWithPath: out), force: arguments.flags.contains("force"))
        try output.checkWritable()
        var shards: [Shard] = []
        for directory in arguments.positional {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(PartialMetadata.fileName).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw .scenarios(ScenarioError([Diagnostic(file: path, path: "", message: "cannot read the partial result (is \(directory) a --shard output?)")], isUnreadableInput: true))
            }
            guard let root = try? JSONParser.parse(text, file: path), root["kind"]?.string == "partial" else {
                throw .failure("\(path) is not a partial result of 'simulate run --shard'")
            }
            shards.append(Shard(directory: directory, root: root, first: Int(root["firstReplication"]?.number ?? -1),
                                end: Int(root["endReplication"]?.number ?? -1)))
        }
        shards.sort { $0.first < $1.first }
        let reference = shards[0].root
        let replications = Int(reference["replications"]?.number ?? 0)
        for shard in shards {
            for key in ["replications", "seed", "shardCount", "baseline"] where shard.root[key] != reference[key] {
                throw .failure("\(shard.directory) has a different \(key) from \(shards[0].directory); merge shards of one run only")
            }
            if shard.root["scenarios"]?.elements?.map({ $0["sha256"]?.string }) != reference["scenarios"]?.elements?.map({ $0["sha256"]?.string }) {
                throw .failure("\(shard.directory) ran different scenarios from \(shards[0].directory)")
            }
        }
        var expected = 0
        for shard in shards {
            guard shard.first == expected else {
                throw .failure(shard.first > expected ? "replications \(expected)..<\(shard.first) are missing: give every shard" : "\(shard.directory) overlaps another shard")
            }
            expected = shard.end
        }
        guard expected == replications else { throw .failure("replications \(expected)..<\(replications) are missing: give every shard") }

        let plan = try rebuildPlan(reference, replications: replications)
        var result = ExperimentResult(regionCounts: plan.labels.map(\.regionIDs.count), metricCounts: plan.labels.map(\.metrics.count),
                                      months: Int(reference["scenarios"]?.elements?.first?["months"]?.number ?? 0), baseline: plan.baseline)
        let definitions = plan.labels.map(\.metrics)
        let shapes = plan.labels.map { (regions: $0.regionIDs.count, metrics: $0.metrics.count, months: result.months) }
        do {
            for shard in shards {
                var reader = try PartialResult.Reader(file: URL(fileURLWithPath: shard.directory).appendingPathComponent(PartialResult.fileName).path, shapes: shapes)
                var next = shard.first
                while let item = try reader.next() {
                    guard item.replication == next else { throw CLIError.failure("\(shard.directory) holds replication \(item.replication) where \(next) was expected") }
                    result.add(replication: item.results, definitions: definitions)
                    next += 1
                }
                guard next == shard.end else { throw CLIError.failure("\(shard.directory) stops at replication \(next), before \(shard.end)") }
            }
        } catch let error as CLIError {
            throw error
        } catch {
            throw .failure("\(error)")
        }
        let locale = try RunCommand.locale(arguments), language = try RunCommand.language(arguments)
        let breaches = plan.breachReport(result)
        if let warning = breaches.warning { FileHandle.standardError.write(Data(warning.utf8)) }
        let files = ResultFiles.make(result, plan: plan, locale: locale, language: language,
                                     metadata: plan.runMetadata(seconds: started.secondsElapsed,
                                                                extra: [("breaches", breaches.json),
                                                                        ("mergedFrom", .array(shards.map { JSONNode(.string($0.directory)) }))]))
        try output.write(files)
        if !arguments.flags.contains("quiet") {
            FileHandle.standardError.write(Data("simulate: merged \(shards.count) shards into \(output.target.path)\n".utf8))
        }
    }

    /// The plan of the original run, from a shard's metadata (no scenario file needed).
    static func rebuildPlan(_ root: JSONNode, replications: Int) throws(CLIError) -> RunPlan {
        var labels: [ScenarioLabels] = []
        var fingerprints: [(id: String, file: String, sha256: String)] = []
        for node in root["scenarios"]?.elements ?? [] {
            func strings(_ key: String) -> [String] { node[key]?.elements?.compactMap(\.string) ?? [] }
            let metrics = (node["metrics"]?.elements ?? []).map { m in
                MetricDefinition(m["id"]?.string ?? "", m["unit"]?.string ?? "", m["description"]?.string ?? "",
                                 summary: ["total": .total, "lastYearMean": .lastYearMean][m["summary"]?.string ?? ""] ?? .lastMonth,
                                 higherIsBetter: m["higherIsBetter"]?.bool)
            }
            let id = node["id"]?.string ?? ""
            labels.append(ScenarioLabels(id: id, name: node["name"]?.string ?? id, question: node["question"]?.string ?? "",
                                         regionIDs: strings("regionIDs"), regionNames: strings("regionNames"), programmeIDs: strings("programmeIDs"),
                                         metrics: metrics, startYear: Int(node["startYear"]?.number ?? 2027), caveats: strings("caveats")))
            fingerprints.append((id, node["file"]?.string ?? "", node["sha256"]?.string ?? ""))
        }
        guard !labels.isEmpty else { throw .failure("the partial result lists no scenarios") }
        return RunPlan(scenarios: [], labels: labels, fingerprints: fingerprints, seed: UInt64(root["seed"]?.number ?? 0),
                       replications: replications, baseline: Int(root["baseline"]?.number ?? 0),
                       jobs: Int(root["run"]?["jobs"]?.number ?? 1))
    }
}
