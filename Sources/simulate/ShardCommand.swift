import Foundation
import SimCore
import SimWorkforce
import SimScenario
import SimExperiment
import SimReport
import SimShard

/// Which slice of the replications this process runs.
struct ShardSelection: Equatable {
    var index: Int  // 1-based
    var count: Int

    /// From `--shard I/N`, else Slurm's array variables, else Kubernetes' completion index with
    /// `--shard-count`; `nil` for an unsharded run.
    static func from(_ arguments: Arguments, environment: [String: String]) throws(CLIError) -> ShardSelection? {
        guard arguments.declares(.shard) else { return nil }  // what-if: never a slice
        if let text = arguments.value(.shard) {
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
        if let n = try arguments.integer(.shardCount) {
            guard let completion = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init), (0..<n).contains(completion) else {
                throw .usage("--shard-count needs JOB_COMPLETION_INDEX between 0 and \(n - 1) (a Kubernetes Indexed Job), or use --shard I/N")
            }
            return ShardSelection(index: completion + 1, count: n)
        }
        return nil
    }
}

/// Runs one shard and writes its manifest and replications (the format is ``ShardManifest`` and
/// ``ShardReplications``), streamed replication by replication so memory stays flat.
enum ShardCommand {
    static func run(_ plan: RunPlan, shard: ShardSelection, output: OutputDirectory, quiet: Bool,
                    started: ContinuousClock.Instant) throws(CLIError) {
        let slice = ShardManifest.slice(shard: shard.index, of: shard.count, replications: plan.replications)
        let runner = plan.runner
        var progress = Progress(total: slice.count, unit: "replications (shard \(shard.index)/\(shard.count))", quiet: quiet)
        try output.write { staging throws(CLIError) in
            do throws(ShardError) {
                let writer = try ShardWriter(directory: staging, catalogues: plan.labels.map(\.catalogues))
                var start = slice.lowerBound
                while start < slice.upperBound {
                    let batch = Array(start..<min(slice.upperBound, start + max(1, plan.jobs * 4)))
                    for (offset, results) in runner.runBatch(batch).enumerated() {
                        try writer.append(replication: batch[offset], results: results)
                    }
                    start += batch.count
                    progress.update(done: start - slice.lowerBound)
                }
                try writer.finish(plan.shardManifest(shard, run: plan.runMetadata(seconds: started.secondsElapsed)))
            } catch {
                throw CLIError.cannotWrite(error.description)
            }
        }
        progress.finish()
        if !quiet {
            FileHandle.standardError.write(Data("simulate: wrote shard \(shard.index)/\(shard.count) (replications \(slice.lowerBound)..<\(slice.upperBound)) to \(output.target.path)\n".utf8))
        }
    }
}

extension RunPlan {
    /// The manifest of shard `shard` of this plan, with the shard's own `run.json` inside.
    func shardManifest(_ shard: ShardSelection, run: String) -> ShardManifest {
        let entries = labels.indices.map { s in
            ShardManifest.Scenario(labels: labels[s], file: fingerprints[s].file, sha256: fingerprints[s].sha256,
                                   months: scenarios[s].parameters.months, dataFiles: fingerprints[s].dataFiles)
        }
        return ShardManifest(shard: shard.index, shardCount: shard.count, totalReplications: replications, seed: seed,
                             baseline: baseline, hasBaseline: hasBaseline, scenarios: entries,
                             run: (try? JSONParser.parse(run, file: "run.json")) ?? JSONNode(.null))
    }

    /// The plan of the original run, from a shard's manifest (no scenario file needed).
    init(_ manifest: ShardManifest) {
        self.init(scenarios: [], labels: manifest.scenarios.map(\.labels),
                  fingerprints: manifest.scenarios.map { ($0.labels.id, $0.file, $0.sha256, $0.dataFiles) },
                  seed: manifest.seed, replications: manifest.totalReplications, baseline: manifest.baseline,
                  jobs: Int(manifest.run["jobs"]?.number ?? 1), hasBaseline: manifest.hasBaseline,
                  uncertainPaths: (manifest.run["uncertain"]?.elements ?? []).compactMap(\.string))
    }
}
