import SimCore
import Testing

/// Distribution checks: n draws; the sample mean must lie within 4 standard errors of the true
/// mean, and the sample variance within the stated relative tolerance (≥ 5 of its own standard
/// errors at this n). Fixed seeds: the tolerance guards correctness, it does not absorb flakiness.
@Suite struct RandomStreamTests {
    static let n = 200_000

    func check(
        _ name: String, mean: Double, variance: Double, varianceTolerance: Double = 0.03,
        seed: UInt64 = 1, _ draw: (inout RandomStream) -> Double
    ) {
        var stream = RandomStream(seed: seed, replication: 0, stream: StreamID(7))
        var stats = RunningStatistics()
        for _ in 0..<Self.n { stats.add(draw(&stream)) }
        let standardError = (variance / Double(Self.n)).squareRoot()
        #expect(abs(stats.mean - mean) <= 4 * standardError, "\(name): mean \(stats.mean) vs \(mean)")
        #expect(isClose(stats.variance, variance, relative: varianceTolerance), "\(name): variance \(stats.variance) vs \(variance)")
    }

    @Test func uniformMoments() { check("uniform", mean: 2, variance: 4.0 / 12) { $0.uniform(1, 3) } }
    @Test func exponentialMoments() { check("exponential", mean: 2.5, variance: 6.25) { $0.exponential(mean: 2.5) } }
    @Test func normalMoments() { check("normal", mean: -1, variance: 9) { $0.normal(mean: -1, sd: 3) } }
    @Test func lognormalMomentsByMeanAndCV() {
        check("lognormal", mean: 10, variance: 25, varianceTolerance: 0.05) { $0.lognormal(mean: 10, cv: 0.5) }
    }
    @Test func gammaMomentsAboveAndBelowShapeOne() {
        check("gamma k=3", mean: 6, variance: 12) { $0.gamma(shape: 3, scale: 2) }
        check("gamma k=0.5", mean: 1, variance: 2, varianceTolerance: 0.05) { $0.gamma(shape: 0.5, scale: 2) }
    }
    @Test func betaMoments() {
        check("beta(2,5)", mean: 2.0 / 7, variance: 10.0 / (49 * 8)) { $0.beta(2, 5) }
        check("beta(mean:sd:)", mean: 0.7, variance: 0.01) { $0.beta(mean: 0.7, sd: 0.1) }
    }
    @Test func triangularMoments() {
        let (a, c, b) = (1.0, 2.0, 6.0)
        check("triangular", mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18) {
            $0.triangular(low: a, mode: c, high: b)
        }
    }
    @Test func bernoulliMoments() { check("bernoulli", mean: 0.3, variance: 0.21) { $0.bernoulli(0.3) ? 1 : 0 } }
    @Test func poissonMomentsForBothAlgorithms() {
        check("poisson 4", mean: 4, variance: 4) { Double($0.poisson(mean: 4)) }
        check("poisson 80", mean: 80, variance: 80) { Double($0.poisson(mean: 80)) }
    }
    @Test func categoricalFrequenciesFollowTheWeights() {
        let weights = [1.0, 2.0, 0.0, 5.0]
        var stream = RandomStream(seed: 3, replication: 0, stream: StreamID(1))
        var counts = [0, 0, 0, 0]
        for _ in 0..<Self.n { counts[stream.categorical(weights: weights)] += 1 }
        #expect(counts[2] == 0)
        for (index, weight) in weights.enumerated() where weight > 0 {
            let p = weight / 8
            let standardError = (p * (1 - p) / Double(Self.n)).squareRoot()
            #expect(abs(Double(counts[index]) / Double(Self.n) - p) <= 4 * standardError)
        }
    }
    @Test func indexBelowIsUniform() {
        var stream = RandomStream(seed: 4, replication: 0, stream: StreamID(1))
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<Self.n { counts[stream.index(below: 7)] += 1 }
        let p = 1.0 / 7
        let se = (p * (1 - p) / Double(Self.n)).squareRoot()
        for count in counts { #expect(abs(Double(count) / Double(Self.n) - p) <= 4 * se) }
    }

    /// The ziggurat's layers and tail: P(X > t) = e^{−t} at points inside layers, near the base
    /// edge r ≈ 7.7 and in the tail beyond it (2M draws, within 4 binomial standard errors).
    @Test func exponentialTailMatchesTheDistributionFunction() {
        var stream = RandomStream(seed: 5, replication: 0, stream: StreamID(1))
        let thresholds = [0.01, 0.1, 0.5, 1, 2, 4, 7, 7.7, 9]
        var above = [Int](repeating: 0, count: thresholds.count)
        let draws = 2_000_000
        for _ in 0..<draws {
            let x = stream.standardExponential()
            for (i, t) in thresholds.enumerated() where x > t { above[i] += 1 }
        }
        for (i, t) in thresholds.enumerated() {
            let p = exp(-t)
            let se = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(above[i]) / Double(draws) - p) <= 4 * se, "P(X > \(t))")
        }
    }

    /// The normal ziggurat's layers, wedges, tail and sign: P(X > t) and P(X < −t) equal
    /// erfc(t/√2)/2 near the centre, inside layers, at the base edge r ≈ 3.65 and in the tail beyond
    /// it (2M draws, within 4 binomial standard errors).
    @Test func normalTailsMatchTheDistributionFunction() {
        var stream = RandomStream(seed: 6, replication: 0, stream: StreamID(1))
        let thresholds = [0.0, 0.05, 0.3, 1, 1.5, 2, 2.5, 3, 3.5, 3.65, 4]
        var above = [Int](repeating: 0, count: thresholds.count)
        var below = above
        let draws = 2_000_000
        for _ in 0..<draws {
            let x = stream.standardNormal()
            for (i, t) in thresholds.enumerated() {
                if x > t { above[i] += 1 }
                if x < -t { below[i] += 1 }
            }
        }
        for (i, t) in thresholds.enumerated() {
            let p = erfc(t / 2.0.squareRoot()) / 2
            let se = (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(Double(above[i]) / Double(draws) - p) <= 4 * se, "P(X > \(t))")
            #expect(abs(Double(below[i]) / Double(draws) - p) <= 4 * se, "P(X < -\(t))")
        }
    }

    /// Outputs of Vigna's reference C code (xoshiro256starstar.c, splitmix64.c) for these states.
    @Test func generatorsMatchTheReferenceImplementations() {
        var xoshiro = RandomStream(stateWords: 1, 2, 3, 4)
        #expect((0..<5).map { _ in xoshiro.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360])
        var mixer = SplitMix64(state: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func streamsDependOnlyOnSeedReplicationAndPurpose() {
        func firstDraws(_ seed: UInt64, _ replication: Int, _ stream: UInt64) -> [UInt64] {
            var s = RandomStream(seed: seed, replication: replication, stream: StreamID(stream))
            return (0..<4).map { _ in s.next() }
        }
        #expect(firstDraws(1, 2, 3) == firstDraws(1, 2, 3))
        #expect(firstDraws(1, 2, 3) != firstDraws(1, 2, 4))
        #expect(firstDraws(1, 2, 3) != firstDraws(1, 3, 3))
        #expect(firstDraws(1, 2, 3) != firstDraws(2, 2, 3))
    }

    /// Streams for neighbouring replications are uncorrelated (|r| below 4/√n).
    @Test func neighbouringReplicationStreamsAreUncorrelated() {
        var a = RandomStream(seed: 9, replication: 0, stream: StreamID(1))
        var b = RandomStream(seed: 9, replication: 1, stream: StreamID(1))
        let n = 100_000
        var sum = 0.0
        for _ in 0..<n { sum += (a.uniform() - 0.5) * (b.uniform() - 0.5) }
        let correlation = sum / Double(n) * 12
        #expect(abs(correlation) < 4 / Double(n).squareRoot())
    }
}
