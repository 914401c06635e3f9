import Foundation
import Testing

@testable import SimExperiment

/// The ranking behind the brief's "what would change this answer": Spearman's ρ with ties at their
/// mean rank, the Bonferroni bar, and the fewest replications it needs.
struct InputInfluenceTests {
    /// SplitMix64, so the tests' uniforms do not depend on the model's generators.
    struct Uniforms {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        mutating func sample(_ n: Int) -> [Double] { (0..<n).map { _ in next() } }
    }

    @Test func tiesShareTheirMeanRank() {
        #expect(InputInfluence.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(InputInfluence.ranks([5, 5, 5]) == [2, 2, 2])
    }

    /// A difference that rises (or falls) with one input in every replication has ρ = ±1 with it,
    /// and that input comes first among inputs that do not act on it.
    @Test func aMonotoneInputHasRhoOneAndComesFirst() throws {
        var u = Uniforms(state: 7)
        let acting = u.sample(30)
        let noise = (0..<5).map { _ in u.sample(30) }
        let differences = acting.map { exp(3 * $0) - 2 }
        let draws =
            [("noise.0", noise[0]), ("acting", acting)] + noise.dropFirst().enumerated().map { ("noise.\($0.offset + 1)", $0.element) }
        let ranked = try #require(InputInfluence.rank(differences: differences, draws: draws))
        #expect(ranked.first?.path == "acting")
        #expect(abs(ranked[0].rho - 1) < 1e-12)
        let falling = try #require(InputInfluence.rank(differences: differences.map { -$0 }, draws: [("acting", acting)]))
        #expect(abs(falling[0].rho + 1) < 1e-12)
    }

    /// With ties in the difference (an option that equals the comparison in some replications) ρ
    /// is still Pearson's on the mean ranks: checked against a hand computation.
    @Test func tiedDifferencesUseMeanRanks() throws {
        let ranked = try #require(InputInfluence.rank(differences: [0, 0, 1, 2], draws: [("x", [0.1, 0.2, 0.3, 0.4])]))
        // Ranks (1.5, 1.5, 3, 4) against (1, 2, 3, 4): sxy = 4.5, sxx = 5, syy = 4.5.
        #expect(abs(ranked[0].rho - 4.5 / (5 * 4.5).squareRoot()) < 1e-12)
    }

    @Test func constantDifferencesRankNothing() {
        #expect(InputInfluence.rank(differences: [0, 0, 0, 0], draws: [("x", [0.1, 0.2, 0.3, 0.4])]) == nil)
    }

    /// Independent draws: ρ is near 0 (|ρ| < 4/√(n − 1), its null SD being 1/√(n − 1)).
    @Test func anIndependentInputHasRhoNearZero() throws {
        var u = Uniforms(state: 11)
        let n = 4_000
        let ranked = try #require(InputInfluence.rank(differences: u.sample(n), draws: [("x", u.sample(n))]))
        #expect(abs(ranked[0].rho) < 4 / Double(n - 1).squareRoot())
    }

    /// The bar and the replications it needs follow z(1 − 0.025/k)/√(n − 1) and 1 + ⌈(z/0.7)²⌉
    /// (z(0.975) = 1.959964; z(1 − 0.025/20) = 3.023341, so 1 + ⌈18.65⌉ = 20; z(1 − 0.025/15) = 2.935199, 1 + ⌈17.58⌉ = 19).
    @Test func theBarAndTheReplicationsItNeeds() {
        #expect(abs(InputInfluence.threshold(inputs: 1, replications: 101) - 0.1959964) < 1e-5)
        #expect(abs(InputInfluence.threshold(inputs: 20, replications: 21) - 3.023341 / 20.squareRootDouble) < 1e-5)
        #expect(InputInfluence.replicationsNeeded(inputs: 20) == 20)
        #expect(InputInfluence.replicationsNeeded(inputs: 15) == 19)
        #expect(InputInfluence.threshold(inputs: 5, replications: 1) == .infinity)
    }

    /// The bar holds its family-wise error: with 20 inputs none of which acts, at the 20
    /// replications it needs, any input is named in at most about 5% of 4,000 runs (tolerance
    /// +2 pp: the binomial SE is 0.35 pp, and the normal approximation to ρ's null is a little
    /// loose at n = 20).
    @Test func noActingInputIsNamedAtMostFivePercentOfTheTime() {
        var u = Uniforms(state: 2026)
        let inputs = 20
        let n = InputInfluence.replicationsNeeded(inputs: inputs)
        let bar = InputInfluence.threshold(inputs: inputs, replications: n)
        let trials = 4_000
        var named = 0
        for _ in 0..<trials {
            let draws = (0..<inputs).map { ("x\($0)", u.sample(n)) }
            let ranked = InputInfluence.rank(differences: u.sample(n), draws: draws) ?? []
            if let first = ranked.first, abs(first.rho) > bar { named += 1 }
        }
        let rate = Double(named) / Double(trials)
        #expect(rate <= 0.07, "family-wise rate \(rate)")
        #expect(rate >= 0.01, "the bar is not so high that nothing is ever named (\(rate))")
    }
}

extension Int {
    fileprivate var squareRootDouble: Double { Double(self).squareRoot() }
}
