import Dispatch
import SimCore
import SimWorkforce

/// One scenario as the runner needs it: its id, parameters and each region's catalogue of series.
public struct ExperimentScenario: Sendable {
    public var id: String
    public var parameters: ModelParameters
    public var catalogues: [RegionCatalogue]
    public init(id: String, parameters: ModelParameters) {
        self.id = id
        self.parameters = parameters
        catalogues = parameters.catalogues
    }
}

/// Runs scenarios × replications in parallel with Dispatch and reduces the results in replication
/// order.
///
/// Replication k of every scenario uses the streams fixed by (seed, k), so comparisons are paired
/// (common random numbers). Work runs in batches of `jobs × 4` replications: each batch runs in
/// parallel into index-addressed slots, then is folded into the statistics serially in index
/// order and dropped, so memory stays flat in the replication count and `jobs` changes speed only.
public struct ExperimentRunner: Sendable {
    public var scenarios: [ExperimentScenario]
    public var seed: UInt64
    public var baseline: Int
    public var jobs: Int
    /// The parameters of scenario s in replication k when they vary by replication (parameter
    /// uncertainty, `run --uncertain`); `nil` runs every replication at the scenario's own.
    public var parametersFor: (@Sendable (_ scenario: Int, _ replication: Int) -> ModelParameters)?
    /// Tests only: every region writes its series in slots shuffled by this seed, which must
    /// change no output (results are read by key).
    public var layoutShuffle: UInt64?

    public init(scenarios: [ExperimentScenario], seed: UInt64, baseline: Int, jobs: Int) {
        precondition(!scenarios.isEmpty && scenarios.indices.contains(baseline) && jobs >= 1)
        self.scenarios = scenarios
        self.seed = seed
        self.baseline = baseline
        self.jobs = jobs
    }

    public func emptyResult() -> ExperimentResult {
        ExperimentResult(
            catalogues: scenarios.map(\.catalogues), months: scenarios.map { $0.parameters.months }.min() ?? 0, baseline: baseline)
    }

    /// Runs `replications` (the given indices, in order) and folds them into `result`.
    ///
    /// - Parameter progress: called on the calling thread after each batch with the count done.
    public func run(
        replications indices: [Int], into result: inout ExperimentResult,
        progress: (Int) -> Void = { _ in }
    ) {
        let batchSize = max(1, jobs * 4)
        var start = 0
        while start < indices.count {
            let batch = Array(indices[start..<min(indices.count, start + batchSize)])
            let results = runBatch(batch)
            for replication in results { result.add(replication: replication) }
            start += batch.count
            progress(start)
        }
    }

    /// Runs every scenario for each replication index of `batch`, in parallel; returns
    /// `[replication][scenario]` in index order.
    public func runBatch(_ batch: [Int]) -> [[ReplicationResult]] {
        let items = batch.count * scenarios.count
        let slots = ResultSlots<ReplicationResult>(count: items)
        let scenarios = self.scenarios
        let seed = self.seed
        let workers = min(jobs, items)
        let vary = parametersFor
        let shuffle = layoutShuffle
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Each worker takes the next untaken item until none is left: which worker runs an
            // item changes speed, never results (they land in the item's slot).
            while let item = slots.takeNext() {
                let replication = batch[item / scenarios.count]
                let s = item % scenarios.count
                let parameters = vary?(s, replication) ?? scenarios[s].parameters
                slots.store(
                    runReplication(parameters, seed: seed, replication: replication, layoutShuffle: shuffle.map { $0 &+ UInt64(item) }),
                    at: item)
            }
        }
        let flat = slots.inIndexOrder()
        return batch.indices.map { b in Array(flat[(b * scenarios.count)..<((b + 1) * scenarios.count)]) }
    }
}
