import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport

/// Which slice of the replications this process runs.
struct ShardSelection: Equatable {
    var index: Int  // 1-based
    var count: Int

    /// From `--shard I/N`, else Slurm's array variables, else Kubernetes' completion index with
    /// `--shard-count`; `nil` for an unsharded run.
    static func from(_ arguments: Arguments, environment: [String: String]) throws(CLIError) -> ShardSelection? {
        if let text = arguments.value("shard") {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else {
                throw .usage("--shard expects I/N with 1 ≤ I ≤ N, e.g. 2/8; got '\(text)'")
            }
            return ShardSelection(index: i, count: n)
        }
        if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init), let n = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) {
            let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            let index = id - minimum + 1
            guard n >= 1, (1...n).contains(index) else { throw .usage("SLURM_ARRAY_TASK_ID \(id) is outside the array of \(n) tasks") }
            return ShardSelection(index: index, count: n)
        }
        if let n = try arguments.integer("shard-count") {
            guard let completion = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init), (0..<n).contains(completion) else {
                throw .usage("--shard-count needs JOB_COMPLETION_INDEX between 0 and \(n - 1) (a Kubernetes Indexed Job), or use --shard I/N")
            }
            return ShardSelection(index: completion + 1, count: n)
        }
        return nil
    }
}

/// Runs one shard and writes `partial.json` and `replications.bin`, streamed replication by
/// replication so memory stays flat.
enum ShardCommand {
    static func run(_ plan: RunPlan, shard: ShardSelection, output: OutputDirectory, quiet: Bool,
                    started: ContinuousClock.Instant) throws(CLIError) {
        let slice = PartialResult.slice(shard: shard.index, of: shard.count, replications: plan.replications)
        let runner = plan.runner
        var progress = Progress(total: slice.count, unit: "replications (shard \(shard.index)/\(shard.count))", quiet: quiet)
        try output.write { staging in
            let binary = OutputDirectory.child(staging, PartialResult.fileName)
            guard FileManager.default.createFile(atPath: binary.path, contents: PartialResult.header()) else {
                throw CLIError.cannotWrite("cannot create \(binary.path)")
            }
            let handle = try FileHandle(forWritingTo: binary)
            defer { try? handle.close() }
            try handle.seekToEnd()
            var start = slice.lowerBound
            while start < slice.upperBound {
                let batch = Array(start..<min(slice.upperBound, start + max(1, plan.jobs * 4)))
                for (offset, results) in runner.runBatch(batch).enumerated() {
                    var data = Data()
                    PartialResult.encode(replication: batch[offset], results: results, into: &data)
                    try handle.write(contentsOf: data)
                }
                start += batch.count
                progress.update(done: start - slice.lowerBound)
            }
            let metadata = PartialMetadata(plan: plan, shard: shard, slice: slice)
            try Data(metadata.json(plan.runMetadata(seconds: started.secondsElapsed)).utf8)
                .write(to: OutputDirectory.child(staging, PartialMetadata.fileName))
        }
        progress.finish()
        if !quiet {
            FileHandle.standardError.write(Data("simulate: wrote shard \(shard.index)/\(shard.count) (replications \(slice.lowerBound)..<\(slice.upperBound)) to \(output.target.path)\n".utf8))
        }
    }
}

/// `partial.json`: what `simulate merge` needs to rebuild the run without the scenario files.
struct PartialMetadata {
    static let fileName = "partial.json"
    var plan: RunPlan
    var shard: ShardSelection
    var slice: Range<Int>

    func json(_ runMetadata: String) -> String {
        let scenarios: [JSONNode] = plan.labels.indices.map { s in
            let label = plan.labels[s]
            let metrics: [JSONNode] = label.metrics.map { metric in
                JSONNode(.object([("id", JSONNode(.string(metric.id))), ("unit", JSONNode(.string(metric.unit))),
                                  ("description", JSONNode(.string(metric.description))),
                                  ("summary", JSONNode(.string(summaryName(metric.summary)))),
                                  ("higherIsBetter", JSONNode(metric.higherIsBetter.map { JSONValue.bool($0) } ?? .null))]))
            }
            func strings(_ xs: [String]) -> JSONNode { JSONNode(.array(xs.map { JSONNode(.string($0)) })) }
            return JSONNode(.object([
                ("id", JSONNode(.string(label.id))), ("name", JSONNode(.string(label.name))), ("question", JSONNode(.string(label.question))),
                ("file", JSONNode(.string(plan.fingerprints[s].file))), ("sha256", JSONNode(.string(plan.fingerprints[s].sha256))),
                ("startYear", JSONNode(.number(Double(label.startYear)))), ("months", JSONNode(.number(Double(plan.scenarios[s].parameters.months)))),
                ("regionIDs", strings(label.regionIDs)), ("regionNames", strings(label.regionNames)),
                ("programmeIDs", strings(label.programmeIDs)), ("caveats", strings(label.caveats)), ("metrics", JSONNode(.array(metrics))),
            ]))
        }
        let run = (try? JSONParser.parse(runMetadata, file: "run.json")) ?? JSONNode(.null)
        let value = JSONValue.object([
            ("generator", JSONNode(.string("kompeten-simulate"))),
            ("kind", JSONNode(.string("partial"))),
            ("shard", JSONNode(.number(Double(shard.index)))), ("shardCount", JSONNode(.number(Double(shard.count)))),
            ("firstReplication", JSONNode(.number(Double(slice.lowerBound)))), ("endReplication", JSONNode(.number(Double(slice.upperBound)))),
            ("replications", JSONNode(.number(Double(plan.replications)))), ("seed", JSONNode(.number(Double(plan.seed)))),
            ("baseline", JSONNode(.number(Double(plan.baseline)))),
            ("scenarios", JSONNode(.array(scenarios))), ("run", run),
        ])
        return JSONWriter.render(value, indent: 0) + "\n"
    }

    func summaryName(_ summary: HorizonSummary) -> String {
        switch summary {
        case .lastMonth: return "lastMonth"
        case .total: return "total"
        case .lastYearMean: return "lastYearMean"
        }
    }
}
