import Foundation
import SimCore
import SimSensitivity
import Testing

/// The estimators against functions whose indices are known in closed form. No model is involved:
/// these check the statistics, not the simulator.
@Suite struct SobolTests {
    /// Ishigami (a = 7, b = 0.1) on [−π, π]³. Analytic indices (Sobol' & Levitan 1999; Saltelli et
    /// al. 2008 §4.9): S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    @Test func sobolMatchesTheIshigamiFunctionWithin003AtN8192() {
        let design = SaltelliDesign(factors: 3, baseSamples: 8192, seed: 20_261_123)
        let range = UncertainDistribution.uniform(low: -Double.pi, high: Double.pi)
        let outputs = design.points.map { point in Self.ishigami(point.map(range.quantile)) }
        let indices = design.indices(outputs: outputs, bootstrap: 200, seed: 7)
        let first = [0.3139, 0.4424, 0.0]
        let total = [0.5576, 0.4424, 0.2437]
        for i in 0..<3 {
            #expect(abs(indices[i].firstOrder.value - first[i]) < 0.03, "S1[\(i)] = \(indices[i].firstOrder.value), analytic \(first[i])")
            #expect(abs(indices[i].total.value - total[i]) < 0.03, "ST[\(i)] = \(indices[i].total.value), analytic \(total[i])")
            // The bootstrap interval is an interval around the estimate, and narrow at this N.
            #expect(indices[i].total.low <= indices[i].total.value && indices[i].total.value <= indices[i].total.high)
            #expect(indices[i].total.high - indices[i].total.low < 0.1)
        }
    }

    /// The estimator is not a constant: on a function of x1 only, x1 takes all the variance.
    @Test func aFunctionOfOneFactorGivesThatFactorAllTheVariance() {
        let design = SaltelliDesign(factors: 3, baseSamples: 2048, seed: 3)
        let outputs = design.points.map { 5 * $0[1] * $0[1] }
        let indices = design.indices(outputs: outputs, bootstrap: 100, seed: 1)
        #expect(abs(indices[1].firstOrder.value - 1) < 0.03 && abs(indices[1].total.value - 1) < 0.03)
        for i in [0, 2] {
            #expect(indices[i].firstOrder.value == 0 && indices[i].total.value == 0)
            #expect(indices[i].total.low == 0 && indices[i].total.high == 0)
        }
    }

    @Test func theSameSeedGivesTheSameDesignAndAnotherSeedAnother() {
        let a = SaltelliDesign(factors: 4, baseSamples: 64, seed: 11)
        let b = SaltelliDesign(factors: 4, baseSamples: 64, seed: 11)
        #expect(a.points == b.points)
        #expect(a.points != SaltelliDesign(factors: 4, baseSamples: 64, seed: 12).points)
        #expect(a.points.count == 64 * 6 && a.points.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
    }
}

@Suite struct MorrisTests {
    /// y = 10 x1 + 5 x2 + 1 x3 + 0 x4 + 2 x5 on uniform ranges: every elementary effect of factor i
    /// is its coefficient × its range, so μ* ranks them exactly and σ is 0.
    @Test func morrisRanksTheFactorsOfALinearModel() {
        let coefficients = [10.0, 5, 1, 0, 2]
        let ranges = [(0.0, 1.0), (0, 2), (0, 4), (0, 1), (-1, 1)].map { UncertainDistribution.uniform(low: $0.0, high: $0.1) }
        let design = MorrisDesign(factors: 5, trajectories: 20, seed: 99)
        let outputs = design.points.map { point in
            zip(coefficients, zip(point, ranges)).reduce(0) { $0 + $1.0 * $1.1.1.quantile($1.1.0) }
        }
        let measures = design.measures(outputs: outputs, bootstrap: 200, seed: 5)
        let expected = zip(coefficients, ranges).map { $0 * ($1.high - $1.low) }  // 10, 10, 4, 0, 4
        for i in 0..<5 {
            #expect(abs(measures[i].muStar.value - expected[i]) < 1e-9, "μ*[\(i)] = \(measures[i].muStar.value), expected \(expected[i])")
            #expect(abs(measures[i].sigma.value) < 1e-9)
        }
        let ranking = (0..<5).sorted { (measures[$0].muStar.value, -$0) > (measures[$1].muStar.value, -$1) }
        #expect(ranking == [0, 1, 2, 4, 3])
    }

    /// On a non-linear, interacting function, σ is positive for the interacting factors and the
    /// ranking by μ* follows the known strength.
    @Test func morrisSeesInteractionsAsSpread() {
        let design = MorrisDesign(factors: 3, trajectories: 50, seed: 4)
        let outputs = design.points.map { 4 * $0[0] * $0[1] + 0.5 * $0[2] }
        let measures = design.measures(outputs: outputs, bootstrap: 200, seed: 9)
        #expect(measures[0].sigma.value > 0.5 && measures[1].sigma.value > 0.5)
        #expect(measures[2].sigma.value < 1e-9)
        #expect(measures[0].muStar.value > measures[2].muStar.value && measures[1].muStar.value > measures[2].muStar.value)
    }

    @Test func trajectoriesStayInsideTheUnitCubeAndMoveOneFactorAtATime() {
        let design = MorrisDesign(factors: 6, trajectories: 30, seed: 1)
        #expect(design.points.count == 30 * 7)
        for t in 0..<30 {
            for j in 0..<6 {
                let a = design.points[t * 7 + j]
                let b = design.points[t * 7 + j + 1]
                let changed = (0..<6).filter { a[$0] != b[$0] }
                #expect(changed.count == 1 && abs(abs(b[changed[0]] - a[changed[0]]) - design.delta) < 1e-12)
            }
        }
        #expect(design.points.allSatisfy { $0.allSatisfy { (0...1).contains($0) } })
    }
}

@Suite struct DistributionTests {
    @Test func quantilesMatchTheirDistributions() {
        let triangle = UncertainDistribution.triangular(low: 0, mode: 1, high: 4)
        #expect(abs(triangle.quantile(0.25) - 1) < 1e-12)  // F(mode) = (mode − low)/(high − low)
        #expect(triangle.quantile(0) == 0 && triangle.quantile(1) == 4)
        let normal = UncertainDistribution.truncatedNormal(mean: 10, sd: 2, low: 6, high: 14)
        #expect(abs(normal.quantile(0.5) - 10) < 1e-9)
        #expect(abs(normal.quantile(0) - 6) < 1e-9 && abs(normal.quantile(1) - 14) < 1e-9)
        // 1.96 is the 97.5% point of the standard normal.
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-12)
        // The mean of many equally spaced quantiles is the distribution's mean.
        for d in [triangle, normal, .truncatedNormal(mean: 0, sd: 1, low: 0, high: 3)] {
            let n = 100_000
            let average = (0..<n).reduce(0.0) { $0 + d.quantile((Double($1) + 0.5) / Double(n)) } / Double(n)
            #expect(abs(average - d.mean) < 1e-4, "\(d): \(average) vs \(d.mean)")
        }
    }
}
