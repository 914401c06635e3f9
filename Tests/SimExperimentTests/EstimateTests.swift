import SimCore
import SimExperiment
import Testing

@Suite struct EstimateTests {
    /// One replication says nothing about spread: the interval is undefined, not zero wide.
    @Test func oneReplicationGivesAnUndefinedInterval() {
        var stats = RunningStatistics()
        stats.add(3.5)
        let estimate = Estimate(stats)
        #expect(estimate.mean == 3.5)
        #expect(estimate.low.isNaN && estimate.high.isNaN && estimate.halfWidth.isNaN)
    }

    /// Two values 1 and 3: mean 2, SD √2, half-width t(0.975, 1) · √2 / √2 = 12.706.
    @Test func studentIntervalForTwoValues() {
        var stats = RunningStatistics()
        stats.add(1)
        stats.add(3)
        let estimate = Estimate(stats)
        #expect(estimate.mean == 2)
        #expect(abs(estimate.halfWidth - 12.706) < 1e-3)
        #expect(abs(estimate.low - (2 - 12.706)) < 1e-3)
    }

    /// Thirty values 0…29: half-width t(0.975, 29) · SD / √30 with t = 2.045.
    @Test func studentIntervalForThirtyValues() {
        var stats = RunningStatistics()
        for x in 0..<30 { stats.add(Double(x)) }
        let sd = (Double(30 * 31) / 12).squareRoot()  // SD of 0…29 with n − 1: √(n(n+1)/12)
        let estimate = Estimate(stats)
        #expect(abs(estimate.standardDeviation - sd) < 1e-9)
        #expect(abs(estimate.halfWidth - 2.045 * sd / 30.0.squareRoot()) < 2e-3)
    }
}
