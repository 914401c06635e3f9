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
        /// switchMode: the modes before and after, the first time.
        public var fromMode: Mode?
        public var toMode: Mode?
        /// shiftBudget and drop: the share of the programme's planned money moved, over decisions.
        public var movedShare = RunningStatistics()
    }

    public let scenarioCount: Int
    public let regionCounts: [Int]
    public let metricCounts: [Int]
    public let months: Int
    public let baseline: Int
    /// Whether the run has a baseline to compare with. Without one the differences are still
    /// computed against the first scenario, but reports leave them empty instead of showing zeros.
    public var hasBaseline = true
    /// Per scenario, region, metric and month: the values over replications.
    public private(set) var series: [[[RunningStatistics]]]
    /// Per scenario, region and metric: the horizon summary over replications.
    public private(set) var horizon: [[[RunningStatistics]]]
    /// Per scenario, region and metric: scenario minus baseline, paired by replication.
    public private(set) var pairedDelta: [[[RunningStatistics]]]
    /// Per scenario, region and metric: the replications in which the scenario's horizon value was
    /// above the baseline's, and below it (ties count in neither).
    public private(set) var pairedAbove: [[[Int]]]
    public private(set) var pairedBelow: [[[Int]]]
    /// Per scenario, region and `metric × years + year`: each simulated year summarised by the
    /// metric's own rule (the year's last month, total or mean), so year 1 reads like the horizon.
    public private(set) var yearly: [[[RunningStatistics]]]
    /// The same per year, scenario minus baseline, paired by replication.
    public private(set) var yearlyDelta: [[[RunningStatistics]]]
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
        pairedAbove = regionCounts.indices.map { s in (0..<regionCounts[s]).map { _ in [Int](repeating: 0, count: metricCounts[s]) } }
        pairedBelow = pairedAbove
        let years = (months + 11) / 12
        yearly = regionCounts.indices.map { s in
            (0..<regionCounts[s]).map { _ in [RunningStatistics](repeating: RunningStatistics(), count: metricCounts[s] * years) }
        }
        yearlyDelta = yearly
        decisions = regionCounts.map { _ in [:] }
        breaches = regionCounts.map { _ in [Int](repeating: 0, count: Breach.allCases.count) }
    }

    /// Adds replication `k`'s results for every scenario. Must be called in replication order.
    ///
    /// - Parameter summaries: how each metric is summarised at the horizon, per scenario.
    public mutating func add(replication results: [ReplicationResult], definitions: [[MetricDefinition]]) {
        let baselineValues = horizonValues(results[baseline], definitions[baseline])
        let baselineYears = yearValues(results[baseline], definitions[baseline])
        for s in results.indices {
            let values = horizonValues(results[s], definitions[s])
            let yearValues = yearValues(results[s], definitions[s])
            for (r, region) in results[s].regions.enumerated() {
                for (kind, count) in region.breaches.enumerated() { breaches[s][kind] += count }
                for metric in 0..<metricCounts[s] {
                    for month in 0..<months { series[s][r][metric * months + month].add(region[metric, month]) }
                    horizon[s][r][metric].add(values[r][metric])
                    // Pairs exist where the baseline has the same region and metric (same ids in order).
                    if r < baselineValues.count && metric < baselineValues[r].count {
                        let delta = values[r][metric] - baselineValues[r][metric]
                        pairedDelta[s][r][metric].add(delta)
                        if delta > 0 { pairedAbove[s][r][metric] += 1 }
                        if delta < 0 { pairedBelow[s][r][metric] += 1 }
                    }
                    for year in 0..<years {
                        let slot = metric * years + year
                        yearly[s][r][slot].add(yearValues[r][slot])
                        if r < baselineYears.count && slot < baselineYears[r].count {
                            yearlyDelta[s][r][slot].add(yearValues[r][slot] - baselineYears[r][slot])
                        }
                    }
                }
                var seen: Set<Key> = []
                for decision in region.decisions {
                    let key = Key(month: decision.month, region: decision.region, programme: decision.programme, action: decision.action.rawValue)
                    var summary = decisions[s][key] ?? DecisionSummary()
                    if !seen.contains(key) { summary.count += 1; seen.insert(key) }
                    summary.effect.add(decision.measuredGapClosedLevels)
                    summary.movedShare.add(decision.movedShare)
                    if summary.reason.isEmpty {
                        summary.reason = decision.reason
                        summary.fromMode = decision.fromMode
                        summary.toMode = decision.toMode
                    }
                    decisions[s][key] = summary
                }
            }
        }
        replicationsDone += 1
    }

    /// The number of simulated years (a last, shorter year counts as one).
    public var years: Int { (months + 11) / 12 }

    /// The horizon summary of every metric of one replication.
    func horizonValues(_ result: ReplicationResult, _ definitions: [MetricDefinition]) -> [[Double]] {
        Self.horizonValues(result, definitions, months: months)
    }

    /// The horizon summary of every metric of one replication of `months` months: `[region][metric]`.
    public static func horizonValues(_ result: ReplicationResult, _ definitions: [MetricDefinition], months: Int) -> [[Double]] {
        result.regions.map { region in
            definitions.indices.map { summarise(region, metric: $0, definitions[$0].summary, over: 0..<months) }
        }
    }

    /// One metric of one region summarised over year `year` (0 = the first) of a run of `months` months.
    public static func yearValue(_ result: ReplicationResult, _ definitions: [MetricDefinition], region: Int, metric: Int, year: Int, months: Int) -> Double {
        summarise(result.regions[region], metric: metric, definitions[metric].summary, over: year * 12..<min(months, year * 12 + 12))
    }

    /// Every metric of one replication summarised per year, at `metric × years + year`.
    func yearValues(_ result: ReplicationResult, _ definitions: [MetricDefinition]) -> [[Double]] {
        result.regions.map { region in
            definitions.indices.flatMap { metric in
                (0..<years).map { year in
                    summarise(region, metric: metric, definitions[metric].summary, over: year * 12..<min(months, year * 12 + 12))
                }
            }
        }
    }

    /// One metric over a span of months: its last month, its total over the months with a value, or the mean of its last 12
    /// months that measured something (a month with nothing to measure is NaN and left out; NaN
    /// when none did).
    func summarise(_ region: RegionResult, metric: Int, _ summary: HorizonSummary, over span: Range<Int>) -> Double {
        Self.summarise(region, metric: metric, summary, over: span)
    }

    static func summarise(_ region: RegionResult, metric: Int, _ summary: HorizonSummary, over span: Range<Int>) -> Double {
        switch summary {
        case .lastMonth: return region[metric, span.upperBound - 1]
        case .total:
            // Months before a late start are NaN: a total is over the months simulated.
            var sum = 0.0, counted = false
            for month in span where !region[metric, month].isNaN {
                sum += region[metric, month]
                counted = true
            }
            return counted ? sum : .nan
        case .lastYearMean:
            var sum = 0.0, count = 0
            for month in max(span.lowerBound, span.upperBound - 12)..<span.upperBound where !region[metric, month].isNaN {
                sum += region[metric, month]
                count += 1
            }
            return count > 0 ? sum / Double(count) : .nan
        }
    }
}
