import SimCore

/// A mean over replications with its 95% Student-t interval.
public struct Estimate: Sendable, Equatable {
    public var mean: Double
    public var standardDeviation: Double
    public var low: Double
    public var high: Double
    public var replications: Int

    /// The estimate from an accumulator of per-replication values. With one replication no
    /// spread can be estimated, so the interval is undefined (NaN, written empty), not zero wide.
    public init(_ stats: RunningStatistics) {
        mean = stats.mean
        standardDeviation = stats.standardDeviation
        replications = stats.count
        if stats.count > 1 {
            let half = studentT975(degreesOfFreedom: stats.count - 1) * stats.standardDeviation / Double(stats.count).squareRoot()
            low = mean - half
            high = mean + half
        } else {
            low = .nan
            high = .nan
        }
    }

    public var halfWidth: Double { (high - low) / 2 }
}
