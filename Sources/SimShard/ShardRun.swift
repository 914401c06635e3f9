import Foundation
import SimCore
import SimExperiment
import SimScenario

/// Which slice of the replications (or design points) this process runs.
public struct ShardSelection: Equatable, Sendable {
    public var index: Int  // 1-based
    public var count: Int

    public init(index: Int, count: Int) { (self.index, self.count) = (index, count) }

    /// From `--shard I/N` (`given`), else Slurm's array variables, else Kubernetes' completion
    /// index with `--shard-count` (`count`); `nil` for an unsharded run.
    public static func from(given text: String?, count: Int?, environment: [String: String]) throws(CommandError) -> ShardSelection? {
        if let text {
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
        if let n = count {
            guard let completion = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init), (0..<n).contains(completion) else {
                throw .usage(
                    "--shard-count needs JOB_COMPLETION_INDEX between 0 and \(n - 1) (a Kubernetes Indexed Job), or use --shard I/N")
            }
            return ShardSelection(index: completion + 1, count: n)
        }
        return nil
    }

    /// The replications (or design points) of `items` this shard runs.
    public func slice(of items: Int) -> Range<Int> { ShardSlice.range(shard: index, of: count, items: items) }
}

/// Runs one shard into a folder: its manifest and replications (the format is ``ShardManifest``
/// and ``ShardReplications``), streamed replication by replication so memory stays flat.
public enum ShardRun {
    /// `progress` gets the replications done; `run` is the shard's own `run.json`, made at the end.
    public static func write(
        _ plan: RunPlan, shard: ShardSelection, into directory: URL, progress: (Int) -> Void,
        run: () -> String
    ) throws(CommandError) {
        let slice = shard.slice(of: plan.replications)
        let runner = plan.runner
        do throws(ShardError) {
            let writer = try ShardWriter(directory: directory, catalogues: plan.labels.map(\.catalogues))
            var start = slice.lowerBound
            while start < slice.upperBound {
                let batch = Array(start..<min(slice.upperBound, start + max(1, plan.jobs * 4)))
                for (offset, results) in runner.runBatch(batch).enumerated() {
                    try writer.append(replication: batch[offset], results: results)
                }
                start += batch.count
                progress(start - slice.lowerBound)
            }
            try writer.finish(plan.shardManifest(shard, run: run()))
        } catch {
            throw CommandError.cannotWrite(error.description)
        }
    }
}

extension RunPlan {
    /// The manifest of shard `shard` of this plan, with the shard's own `run.json` inside.
    public func shardManifest(_ shard: ShardSelection, run: String) -> ShardManifest {
        let entries = labels.indices.map { s in
            ShardManifest.Scenario(
                labels: labels[s], file: fingerprints[s].file, sha256: fingerprints[s].sha256,
                months: scenarios[s].parameters.months, dataFiles: fingerprints[s].dataFiles)
        }
        return ShardManifest(
            shard: shard.index, shardCount: shard.count, totalReplications: replications, seed: seed,
            baseline: baseline, hasBaseline: hasBaseline, scenarios: entries,
            run: (try? JSONParser.parse(run, file: "run.json")) ?? JSONNode(.null))
    }

    /// The plan of the original run, from a shard's manifest (no scenario file needed).
    public init(_ manifest: ShardManifest) {
        self.init(
            scenarios: [], labels: manifest.scenarios.map(\.labels),
            fingerprints: manifest.scenarios.map { ($0.labels.id, $0.file, $0.sha256, $0.dataFiles) },
            seed: manifest.seed, replications: manifest.totalReplications, baseline: manifest.baseline,
            jobs: Int(manifest.run["jobs"]?.number ?? 1), hasBaseline: manifest.hasBaseline,
            uncertainPaths: (manifest.run["uncertain"]?.elements ?? []).compactMap(\.string))
    }
}

extension ShardSet {
    /// Reads the shard folders and folds them, in replication order, into the unsharded run's
    /// result; a folder that cannot be read is an unreadable input (exit 66), anything else a failure.
    public static func merged(_ directories: [String]) throws(CommandError) -> (shards: ShardSet, result: ExperimentResult) {
        do {
            let shards = try ShardSet(directories: directories)
            var result = shards.emptyResult()
            try shards.fold(into: &result)
            return (shards, result)
        } catch {
            if case .unreadable(_, let file) = error {
                throw .scenarios(ScenarioError([Diagnostic(file: file, path: "", message: error.description)], isUnreadableInput: true))
            }
            throw .failure(error.description)
        }
    }
}
