import SimCore
import SimWorkforce

/// The statistics of a whole experiment, accumulated replication by replication in index order,
/// so memory does not grow with the replication count and the bytes do not depend on threads.
public struct ExperimentResult: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var month: Int
        public var region: Int
        public var programme: Int
        public var action: String
        public static func < (a: Key, b: Key) -> Bool {
            (a.month, a.region, a.programme, a.action) < (b.month, b.region, b.programme, b.action)
        }
    }

    /// Decisions of one kind, at one month, for one programme, over replications.
    public struct DecisionSummary: Sendable {
        public var count = 0
        public var effect = RunningStatistics()
        /// The reason given the first time (lowest replication index).
        public var reason = ""
    }

    public let scenarioCount: Int
    public let regionCounts: [Int]
    public let metricCounts: [Int]
    public let months: Int
    public let baseline: Int
    /// Per scenario, region, metric and month: the values over replications.
    public private(set) var series: [[[RunningStatistics]]]
    /// Per scenario, region and metric: the horizon summary over replications.
    public private(set) var horizon: [[[RunningStatistics]]]
    /// Per scenario, region and metric: scenario minus baseline, paired by replication.
    public private(set) var pairedDelta: [[[RunningStatistics]]]
    /// Per scenario: decisions aggregated by (month, region, programme, action).
    public private(set) var decisions: [[Key: DecisionSummary]]
    public private(set) var replicationsDone = 0
    /// Per scenario: the count of each ``Breach`` (by raw value) over replications and regions.
    public private(set) var breaches: [[Int]]

    public init(regionCounts: [Int], metricCounts: [Int], months: Int, baseline: Int) {
        scenarioCount = regionCounts.count
        self.regionCounts = regionCounts
        self.metricCounts = metricCounts
        self.months = months
        self.baseline = baseline
        series = regionCounts.indices.map { s in
            (0..<regionCounts[s]).map { _ in [RunningStatistics](repeating: RunningStatistics(), count: metricCounts[s] * months) }
        }
        horizon = regionCounts.indices.map { s in
            (0..<regionCounts[s]).map { _ in [RunningStatistics](repeating: RunningStatistics(), count: metricCounts[s]) }
        }
        pairedDelta = horizon
        decisions = regionCounts.map { _ in [:] }
        breaches = regionCounts.map { _ in [Int](repeating: 0, count: Breach.allCases.count) }
    }

    /// Adds replication `k`'s results for every scenario. Must be called in replication order.
    ///
    /// - Parameter summaries: how each metric is summarised at the horizon, per scenario.
    public mutating func add(replication results: [ReplicationResult], definitions: [[MetricDefinition]]) {
        let baselineValues = horizonValues(results[baseline], definitions[baseline])
        for s in results.indices {
            let values = horizonValues(results[s], definitions[s])
            for (r, region) in results[s].regions.enumerated() {
                for (kind, count) in region.breaches.enumerated() { breaches[s][kind] += count }
                for metric in 0..<metricCounts[s] {
                    for month in 0..<months { series[s][r][metric * months + month].add(region[metric, month]) }
                    horizon[s][r][metric].add(values[r][metric])
                    // Pairs exist where the baseline has the same region and metric (same ids in order).
                    if r < baselineValues.count && metric < baselineValues[r].count {
                        pairedDelta[s][r][metric].add(values[r][metric] - baselineValues[r][metric])
                    }
                }
                var seen: Set<Key> = []
                for decision in region.decisions {
                    let key = Key(month: decision.month, region: decision.region, programme: decision.programme, action: decision.action.rawValue)
                    var summary = decisions[s][key] ?? DecisionSummary()
                    if !seen.contains(key) { summary.count += 1; seen.insert(key) }
                    summary.effect.add(decision.measuredGapClosedLevels)
                    if summary.reason.isEmpty { summary.reason = decision.reason }
                    decisions[s][key] = summary
                }
            }
        }
        replicationsDone += 1
    }

    /// The horizon summary of every metric of one replication.
    func horizonValues(_ result: ReplicationResult, _ definitions: [MetricDefinition]) -> [[Double]] {
        result.regions.map { region in
            definitions.indices.map { metric in
                switch definitions[metric].summary {
                case .lastMonth: return region[metric, months - 1]
                case .total: return (0..<months).reduce(0) { $0 + region[metric, $1] }
                case .lastYearMean:
                    let first = max(0, months - 12)
                    return (first..<months).reduce(0) { $0 + region[metric, $1] } / Double(months - first)
                }
            }
        }
    }
}
