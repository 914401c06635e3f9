import Dispatch
import SimCore
import SimWorkforce

/// Runs the points of an experimental design (each a scenario compiled at other parameter values)
/// and gives, per point, each region's horizon metrics averaged over the same replications.
///
/// Every point runs replications `0..<replications` of one seed: common random numbers, so two
/// points differ by their parameters and not by their luck, and an elementary effect or a Sobol
/// difference is not swamped by replication noise. Work is done in batches of points, compiled
/// and run in parallel into index-addressed slots and averaged in replication order, so the
/// numbers do not depend on `jobs`.
public struct DesignRunner: Sendable {
    public var seed: UInt64
    public var replications: Int
    public var jobs: Int

    public init(seed: UInt64, replications: Int, jobs: Int) {
        precondition(replications >= 1 && jobs >= 1)
        self.seed = seed
        self.replications = replications
        self.jobs = jobs
    }

    /// One evaluated point: each region's horizon series averaged over the replications,
    /// `means[region][metric]` in the order of the point's own `catalogues`, read by key.
    public struct PointMeans: Sendable {
        public var catalogues: [RegionCatalogue]
        public var means: [[Double]]

        /// The mean of series `key` in region `id`, or `nil` when the point does not report it.
        public func value(region id: String, _ key: MetricKey) -> Double? {
            guard let r = catalogues.firstIndex(where: { $0.region == id }), let m = catalogues[r].position(of: key) else { return nil }
            return means[r][m]
        }
    }

    /// Evaluates points `indices`, compiling each with `compile` (called in parallel).
    ///
    /// - Parameter progress: called on the calling thread after each batch with the count done.
    /// - Returns: the means in the order of `indices`, or the first compile error in that order.
    public func run<Failure: Error>(
        points indices: [Int], compile: @Sendable (Int) -> Result<ExperimentScenario, Failure>,
        progress: (Int) -> Void = { _ in }
    ) -> Result<[PointMeans], Failure> {
        var all: [PointMeans] = []
        all.reserveCapacity(indices.count)
        let batchSize = max(1, jobs * 2)
        var start = 0
        while start < indices.count {
            let batch = Array(indices[start..<min(indices.count, start + batchSize)])
            switch self.compile(batch.count, { compile(batch[$0]) }) {
            case .success(let scenarios): all += runBatch(scenarios)
            case .failure(let error): return .failure(error)
            }
            start += batch.count
            progress(start)
        }
        return .success(all)
    }

    /// Compiles `count` scenarios in parallel; the first error in index order, if any.
    public func compile<Failure: Error>(_ count: Int, _ compile: @Sendable (Int) -> Result<ExperimentScenario, Failure>) -> Result<
        [ExperimentScenario], Failure
    > {
        let compiled = ResultSlots<Result<ExperimentScenario, Failure>>(count: count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
            while let item = compiled.takeNext() { compiled.store(compile(item), at: item) }
        }
        var scenarios: [ExperimentScenario] = []
        for outcome in compiled.inIndexOrder() {
            switch outcome {
            case .success(let scenario): scenarios.append(scenario)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(scenarios)
    }

    /// Runs every (point, replication) of a batch in parallel and averages in replication order.
    func runBatch(_ scenarios: [ExperimentScenario]) -> [PointMeans] {
        let r = replications
        let items = scenarios.count * r
        let slots = ResultSlots<[[Double]]>(count: items)
        let seed = self.seed
        DispatchQueue.concurrentPerform(iterations: min(jobs, items)) { _ in
            while let item = slots.takeNext() {
                let scenario = scenarios[item / r]
                let result = runReplication(scenario.parameters, seed: seed, replication: item % r)
                slots.store(
                    ExperimentResult.horizonValues(result, catalogues: scenario.catalogues, months: scenario.parameters.months), at: item)
            }
        }
        let values = slots.inIndexOrder()
        return scenarios.indices.map { p in
            var sum = values[p * r].map { $0.map { _ in 0.0 } }
            for k in 0..<r {
                for (region, metrics) in values[p * r + k].enumerated() {
                    for (m, x) in metrics.enumerated() { sum[region][m] += x }
                }
            }
            return PointMeans(catalogues: scenarios[p].catalogues, means: sum.map { $0.map { $0 / Double(r) } })
        }
    }

    /// Runs replications `replications[p]` of every scenario `p` in parallel and gives what
    /// `measure` takes from each, as `[scenario][replication]` in the order given: the raw
    /// per-replication values a paired or sequential procedure needs (not averaged).
    public func measure<Value: Sendable>(
        _ scenarios: [ExperimentScenario], replications: [[Int]],
        _ measure: @escaping @Sendable (ReplicationResult, ExperimentScenario) -> Value
    ) -> [[Value]] {
        precondition(scenarios.count == replications.count)
        let items = replications.enumerated().flatMap { p, list in list.map { (p, $0) } }
        guard !items.isEmpty else { return scenarios.map { _ in [] } }
        let slots = ResultSlots<Value>(count: items.count)
        let seed = self.seed
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            while let item = slots.takeNext() {
                let (p, replication) = items[item]
                slots.store(measure(runReplication(scenarios[p].parameters, seed: seed, replication: replication), scenarios[p]), at: item)
            }
        }
        var values = slots.inIndexOrder()[...]
        return replications.map { list in
            defer { values = values.dropFirst(list.count) }
            return Array(values.prefix(list.count))
        }
    }
}
