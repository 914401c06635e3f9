import SimCore
import Testing

@testable import SimOptimise

/// A noisy, constrained, mixed problem with a known optimum and no model inside:
/// x on a grid of 0.5 in [0, 10] (best 7, but the constraint x ≤ 6 binds, so 6),
/// y continuous in [−5, 5] (best −1.5), a choice of four (best the third) and three shares
/// (best 0.5, 0.3, 0.2). Each plan is scored as the mean of 5 noisy replications on common
/// random numbers, as the simulator would be.
struct SyntheticProblem {
    static let space = SearchSpace([
        .range(low: 0, high: 10, step: 0.5), .range(low: -5, high: 5, step: 0), .choice(count: 4), .split(count: 3),
    ])
    static let choiceValue = [0, 0.3, 1, 0.2]
    static let target = [0.5, 0.3, 0.2]

    static func truth(_ plan: [SearchSpace.Value]) -> (objective: Double, x: Double) {
        guard case .number(let x) = plan[0], case .number(let y) = plan[1], case .choice(let c) = plan[2], case .shares(let s) = plan[3]
        else { fatalError() }
        let shares = zip(s, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        return (-(x - 7) * (x - 7) / 10 - (y + 1.5) * (y + 1.5) / 5 + choiceValue[c] - 5 * shares, x)
    }

    static func score(_ plan: [SearchSpace.Value], seed: UInt64) -> Score {
        let (objective, x) = truth(plan)
        var noise = 0.0
        for k in 0..<5 {
            var random = RandomStream(seed: seed, replication: k, stream: StreamID(1))
            noise += random.normal(mean: 0, sd: 0.3)
        }
        return Score(objective: objective + noise / 5, violation: max(0, x - 6))
    }
}

@Suite("Search and selection, with no model")
struct SearchAndSelectionTests {
    @Test("the evolution strategy finds the optimum of a noisy, constrained, mixed problem")
    func searchFindsTheKnownOptimum() {
        var hits = 0
        for seed: UInt64 in 1...5 {
            var search = EvolutionarySearch(
                space: SyntheticProblem.space, budget: 300, seed: seed,
                starts: [[.number(1), .number(4), .choice(0), .shares([1 / 3, 1 / 3, 1 / 3])]])
            while !search.isFinished {
                let plans = search.ask()
                search.tell(plans, scores: plans.map { SyntheticProblem.score($0.plan, seed: seed) })
            }
            let best = search.scored[search.ranking[0]].plan
            guard case .number(let x) = best[0], case .number(let y) = best[1], case .choice(let c) = best[2], case .shares(let s) = best[3]
            else { continue }
            // Tolerance: x on its grid at the constraint, y within 0.5, the right choice, shares within 0.1.
            if x == 6 && abs(y + 1.5) <= 0.5 && c == 2 && zip(s, SyntheticProblem.target).allSatisfy({ abs($0 - $1) <= 0.1 }) { hits += 1 }
            #expect(search.scored.count <= 300)
            #expect(search.scored[search.ranking[0]].score.isFeasible)
        }
        #expect(hits >= 4, "the search found the optimum within tolerance from \(hits) of 5 seeds")
    }

    @Test("the same seed gives the same search, scored in any batch order")
    func searchIsDeterministic() {
        func run() -> [[SearchSpace.Value]] {
            var search = EvolutionarySearch(space: SyntheticProblem.space, budget: 60, seed: 9)
            while !search.isFinished {
                let plans = search.ask()
                // Scored back to front: the scores, not the order of work, drive the search.
                let scores = plans.reversed().map { SyntheticProblem.score($0.plan, seed: 9) }.reversed()
                search.tell(plans, scores: Array(scores))
            }
            return search.scored.map(\.plan)
        }
        #expect(run() == run())
    }

    @Test("decoding: steps, choices and shares, and encode inverts decode on a plan")
    func decoding() {
        let space = SyntheticProblem.space
        let plan = space.decode([0.73, 0.5, 0.99, 0.2, 0.2, 0.6])
        #expect(plan == [.number(7.5), .number(0), .choice(3), .shares([0.2, 0.2, 0.6])])
        #expect(space.decode(space.encode(plan)) == plan)
        #expect(SearchSpace.reflect(1.25) == 0.75 && SearchSpace.reflect(-0.25) == 0.25)
    }

    /// Slippage: the best system is δ above four equal ones; normal noise with a common component
    /// (positively correlated systems, as under common random numbers).
    /// KN promises PCS ≥ 1 − α; the estimate from 4,000 macro-replications has a standard error
    /// of about 0.0034, so it is accepted down to 1 − α − 2 standard errors.
    @Test("KN selects the best with probability at least 1 − α over 4,000 macro-replications at δ")
    func knProbabilityOfCorrectSelection() {
        let delta = 0.5
        let alpha = 0.05
        let k = 5
        var correct = 0
        var totalReplications = 0
        for macro in 0..<4000 {
            var random = RandomStream(seed: 77, replication: macro, stream: StreamID(2))
            var kn = KNSelection(systems: k, initialReplications: 10, delta: delta, alpha: alpha)
            while !kn.isFinished {
                let batch = kn.replicationsWanted
                var values = Array(repeating: [Double](), count: kn.survivors.count)
                for _ in 0..<batch {
                    let common = random.normal(mean: 0, sd: 1)
                    // Draw for every system so the stream does not depend on who survives.
                    let row = (0..<k).map { ($0 == 0 ? delta : 0) + common + random.normal(mean: 0, sd: 2) }
                    for (s, system) in kn.survivors.enumerated() { values[s].append(row[system]) }
                }
                kn.add(values)
            }
            if kn.selected == 0 { correct += 1 }
            totalReplications += kn.values.map(\.count).reduce(0, +)
        }
        let pcs = Double(correct) / 4000
        let standardError = (pcs * (1 - pcs) / 4000).squareRoot()
        #expect(pcs >= 1 - alpha - 2 * standardError, "probability of correct selection \(pcs)")
        // It stops early: far fewer replications than running every system to KN's last stage.
        let kn = KNSelection(systems: k, initialReplications: 10, delta: delta, alpha: alpha)
        let lastStage = kn.hSquared * 8 / (delta * delta)  // S² of a difference ≈ 2 × 2² = 8
        #expect(Double(totalReplications) / 4000 < Double(k) * lastStage * 0.6)
    }

    @Test("KN's batch size changes the work, not the selection")
    func knBatchInvariance() {
        func select(batchSize: Int) -> (Int?, [Int?]) {
            var kn = KNSelection(systems: 4, initialReplications: 5, delta: 0.3, alpha: 0.1)
            var r = 0
            while !kn.isFinished {
                let batch = max(kn.replicationsWanted, batchSize)
                let values = kn.survivors.map { system in
                    (r..<r + batch).map { j -> Double in
                        var random = RandomStream(seed: 5, replication: j, stream: StreamID(UInt64(system)))
                        return Double(system) * 0.1 + random.normal(mean: 0, sd: 1)
                    }
                }
                r += batch
                kn.add(values)
            }
            return (kn.selected, kn.eliminatedAt)
        }
        let one = select(batchSize: 1)
        let eight = select(batchSize: 8)
        #expect(one.0 == eight.0 && one.1 == eight.1)
        #expect(one.0 != nil)
    }
}
