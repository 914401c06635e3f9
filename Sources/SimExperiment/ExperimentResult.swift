import SimCore
import SimWorkforce

/// The statistics of a whole experiment, accumulated replication by replication in index order,
/// so the bytes do not depend on threads. Memory grows with the replication count only by one
/// number per replication for each compared region-level series (``replicationDeltas``).
///
/// Every series is known by what it is: scenario, region id and ``MetricKey`` (its position in
/// the region's ``RegionCatalogue`` is only where it is stored). A what-if is compared with the
/// baseline's series of the same region id and key; where the baseline has none (a programme, a
/// counter or a region only the what-if has) there is no difference, and a region the what-if
/// drops has no rows. Nothing is ever paired by position.
public struct ExperimentResult: Sendable {
    public struct Key: Hashable, Sendable, Comparable {
        public var month: Int
        /// The region's index in its scenario.
        public var region: Int
        /// The programme's index in its scenario.
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

    /// Where a series of a what-if meets the baseline: the baseline's region and, per metric of
    /// the what-if's catalogue, the baseline's position of the same key (`nil`: none).
    struct Partner: Sendable {
        var region: Int
        var metrics: [Int?]
    }

    /// Per scenario, its regions' catalogues in scenario order.
    public let catalogues: [[RegionCatalogue]]
    public let months: Int
    public let baseline: Int
    /// Whether the run has a baseline to compare with. Without one the differences are still
    /// computed against the first scenario, but reports leave them empty instead of showing zeros.
    public var hasBaseline = true
    /// Per scenario and region: the baseline's series of the same keys (`nil`: the baseline has no such region).
    let partners: [[Partner?]]
    /// Per scenario, region and metric and month: the values over replications.
    public private(set) var series: [[[RunningStatistics]]]
    /// Per scenario, region and metric: the horizon summary over replications.
    public private(set) var horizon: [[[RunningStatistics]]]
    /// Per scenario, region and metric: scenario minus baseline, paired by replication (empty
    /// where the baseline lacks the series).
    public private(set) var pairedDelta: [[[RunningStatistics]]]
    /// Per scenario, region and metric: the replications in which the scenario's horizon value was
    /// above the baseline's, and below it (ties count in neither).
    public private(set) var pairedAbove: [[[Int]]]
    public private(set) var pairedBelow: [[[Int]]]
    /// Per scenario, region and metric: scenario minus baseline at the horizon in each replication,
    /// in replication order, kept for region-level series only (the rest are empty). The brief
    /// ranks the drawn inputs by how each moves a difference, which needs the replications.
    public private(set) var replicationDeltas: [[[[Double]]]]
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

    public init(catalogues: [[RegionCatalogue]], months: Int, baseline: Int) {
        self.catalogues = catalogues
        self.months = months
        self.baseline = baseline
        let base = catalogues[baseline]
        partners = catalogues.map { regions in
            regions.map { catalogue in
                guard let b = base.firstIndex(where: { $0.region == catalogue.region }) else { return nil }
                return Partner(region: b, metrics: catalogue.metrics.map { base[b].position(of: $0.key) })
            }
        }
        let years = (months + 11) / 12
        func perMetric<T>(_ value: T, times: Int = 1) -> [[[T]]] {
            catalogues.map { regions in regions.map { [T](repeating: value, count: $0.metrics.count * times) } }
        }
        series = perMetric(RunningStatistics(), times: months)
        horizon = perMetric(RunningStatistics())
        pairedDelta = horizon
        pairedAbove = perMetric(0)
        pairedBelow = pairedAbove
        replicationDeltas = perMetric([])
        yearly = perMetric(RunningStatistics(), times: years)
        yearlyDelta = yearly
        decisions = catalogues.map { _ in [:] }
        breaches = catalogues.map { _ in [Int](repeating: 0, count: Breach.allCases.count) }
    }

    /// The number of scenarios.
    public var scenarioCount: Int { catalogues.count }

    /// The number of simulated years (a last, shorter year counts as one).
    public var years: Int { (months + 11) / 12 }

    // MARK: - Looking series up by key

    /// The index of region `id` in scenario `s`, or `nil` when the scenario has no such region.
    public func region(_ s: Int, _ id: String) -> Int? { catalogues[s].firstIndex { $0.region == id } }

    /// The position of series `key` in region `r` of scenario `s`, or `nil` when it reports none.
    public func metric(_ s: Int, _ r: Int, _ key: MetricKey) -> Int? { catalogues[s][r].position(of: key) }

    /// Where the baseline holds the series at (s, r, m): its region and position, or `nil` when it
    /// has none (then there is no difference to report).
    public func baselinePartner(_ s: Int, _ r: Int, _ m: Int) -> (region: Int, metric: Int)? {
        guard let partner = partners[s][r], let mb = partner.metrics[m] else { return nil }
        return (partner.region, mb)
    }

    /// Whether the baseline reports the series at (s, r, m), so a difference exists.
    public func isCompared(_ s: Int, _ r: Int, _ m: Int) -> Bool { hasBaseline && baselinePartner(s, r, m) != nil }

    /// The paired difference at the horizon, or `nil` when there is nothing to compare with.
    public func horizonDifference(_ s: Int, _ r: Int, _ m: Int) -> RunningStatistics? {
        isCompared(s, r, m) ? pairedDelta[s][r][m] : nil
    }

    /// The paired difference in year `year` (0 = the first), or `nil` when there is nothing to compare with.
    public func yearDifference(_ s: Int, _ r: Int, _ m: Int, year: Int) -> RunningStatistics? {
        isCompared(s, r, m) ? yearlyDelta[s][r][m * years + year] : nil
    }

    // MARK: - Folding replications

    /// Adds replication `k`'s results for every scenario, in scenario order. Must be called in
    /// replication order. Each region's values are read by key through its own layout.
    public mutating func add(replication results: [ReplicationResult]) {
        let years = self.years
        // Each scenario's values in catalogue order: horizon `[r][m]` and years `[r][m × years + y]`.
        let canonical = results.indices.map { s in canonicalValues(results[s], scenario: s) }
        let baseHorizon = canonical[baseline].horizon
        let baseYears = canonical[baseline].years
        for s in results.indices {
            let (values, yearValues, monthly) = canonical[s]
            for r in catalogues[s].indices {
                let region = results[s].regions[r]
                for (kind, count) in region.breaches.enumerated() { breaches[s][kind] += count }
                let partner = partners[s][r]
                for m in catalogues[s][r].metrics.indices {
                    for month in 0..<months { series[s][r][m * months + month].add(monthly[r][m * months + month]) }
                    horizon[s][r][m].add(values[r][m])
                    for year in 0..<years { yearly[s][r][m * years + year].add(yearValues[r][m * years + year]) }
                    // Pairs exist only where the baseline has the same region and key.
                    guard let partner, let mb = partner.metrics[m] else { continue }
                    let delta = values[r][m] - baseHorizon[partner.region][mb]
                    pairedDelta[s][r][m].add(delta)
                    if delta > 0 { pairedAbove[s][r][m] += 1 }
                    if delta < 0 { pairedBelow[s][r][m] += 1 }
                    if case .region = catalogues[s][r].metrics[m].key { replicationDeltas[s][r][m].append(delta) }
                    for year in 0..<years {
                        yearlyDelta[s][r][m * years + year].add(
                            yearValues[r][m * years + year] - baseYears[partner.region][mb * years + year])
                    }
                }
                var seen: Set<Key> = []
                for decision in region.decisions {
                    let key = Key(month: decision.month, region: r, programme: decision.programme, action: decision.action.rawValue)
                    var summary = decisions[s][key] ?? DecisionSummary()
                    if !seen.contains(key) {
                        summary.count += 1
                        seen.insert(key)
                    }
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

    /// One scenario's replication read by key into its catalogue's order: the horizon summaries,
    /// the yearly summaries and the monthly values of each region.
    func canonicalValues(_ result: ReplicationResult, scenario s: Int) -> (horizon: [[Double]], years: [[Double]], months: [[Double]]) {
        precondition(result.regions.count == catalogues[s].count, "a replication of scenario \(s) has other regions than its catalogue")
        var horizon: [[Double]] = []
        var years: [[Double]] = []
        var monthly: [[Double]] = []
        for (r, region) in result.regions.enumerated() {
            let catalogue = catalogues[s][r]
            precondition(region.region == catalogue.region, "region \(region.region) where \(catalogue.region) was expected")
            let slots = Self.slots(of: catalogue, in: region)
            var h = [Double](repeating: .nan, count: slots.count)
            var y = [Double](repeating: .nan, count: slots.count * self.years)
            var values = [Double](repeating: .nan, count: slots.count * months)
            for (m, slot) in slots.enumerated() {
                for month in 0..<months { values[m * months + month] = region[slot: slot, month] }
                let summary = catalogue.metrics[m].summary
                h[m] = Self.summarise(region, slot: slot, summary, over: 0..<months)
                for year in 0..<self.years {
                    y[m * self.years + year] = Self.summarise(region, slot: slot, summary, over: year * 12..<min(months, year * 12 + 12))
                }
            }
            horizon.append(h)
            years.append(y)
            monthly.append(values)
        }
        return (horizon, years, monthly)
    }

    /// The slot of each catalogue series in a region's result, found by key.
    ///
    /// - Precondition: the result reports every series of the catalogue (it was run from the same
    ///   parameters, or read from a shard whose keys were checked).
    public static func slots(of catalogue: RegionCatalogue, in region: RegionResult) -> [Int] {
        let keys = region.layout.keys
        if keys == catalogue.keys { return Array(keys.indices) }
        var slot: [MetricKey: Int] = [:]
        for (i, key) in keys.enumerated() { slot[key] = i }
        return catalogue.metrics.map { metric in
            guard let found = slot[metric.key] else { preconditionFailure("\(catalogue.region) reports no \(metric.id)") }
            return found
        }
    }

    /// The horizon summary of every series of one replication of `months` months: `[region][metric]`
    /// in each region's catalogue order.
    public static func horizonValues(_ result: ReplicationResult, catalogues: [RegionCatalogue], months: Int) -> [[Double]] {
        zip(result.regions, catalogues).map { region, catalogue in
            zip(slots(of: catalogue, in: region), catalogue.metrics).map { summarise(region, slot: $0, $1.summary, over: 0..<months) }
        }
    }

    /// One series of one region summarised over year `year` (0 = the first) of a run of `months` months.
    public static func yearValue(_ region: RegionResult, _ definition: MetricDefinition, year: Int, months: Int) -> Double? {
        guard let slot = region.layout.keys.firstIndex(of: definition.key) else { return nil }
        return summarise(region, slot: slot, definition.summary, over: year * 12..<min(months, year * 12 + 12))
    }

    /// One series over a span of months: its last month, its total over the months with a value,
    /// or the mean of its last 12 months that measured something (a month with nothing to measure
    /// is NaN and left out; NaN when none did).
    static func summarise(_ region: RegionResult, slot: Int, _ summary: HorizonSummary, over span: Range<Int>) -> Double {
        switch summary {
        case .lastMonth: return region[slot: slot, span.upperBound - 1]
        case .total:
            // Months before a late start are NaN: a total is over the months simulated.
            var sum = 0.0
            var counted = false
            for month in span where !region[slot: slot, month].isNaN {
                sum += region[slot: slot, month]
                counted = true
            }
            return counted ? sum : .nan
        case .lastYearMean:
            var sum = 0.0
            var count = 0
            for month in max(span.lowerBound, span.upperBound - 12)..<span.upperBound where !region[slot: slot, month].isNaN {
                sum += region[slot: slot, month]
                count += 1
            }
            return count > 0 ? sum / Double(count) : .nan
        }
    }
}
