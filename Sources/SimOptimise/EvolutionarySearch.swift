import SimCore

/// How good a plan looked: its objective (larger is better; minimising is the caller's negation)
/// and how far it is from meeting its constraints (0: it meets them).
public struct Score: Sendable, Equatable {
    public var objective: Double
    public var violation: Double

    public init(objective: Double, violation: Double) {
        self.objective = objective
        self.violation = violation
    }

    public var isFeasible: Bool { violation <= 0 }

    /// Deb's feasibility rules (2000): a plan that meets the constraints beats one that does not;
    /// two that meet them compare by objective; two that do not, by how far they miss.
    public func isBetter(than other: Score) -> Bool {
        switch (isFeasible, other.isFeasible) {
        case (true, true): return objective > other.objective
        case (true, false): return true
        case (false, true): return false
        case (false, false): return violation < other.violation
        }
    }
}

/// A (μ + λ) evolution strategy over a ``SearchSpace`` for noisy, mixed problems.
///
/// Each generation breeds `offspring` children from the `parents` best plans found so far
/// (binary tournament, uniform crossover, normal mutation with a step adapted by the one-fifth
/// success rule, choices redrawn now and then). Plans are memoised: a child that decodes to a plan
/// already scored costs nothing, and the budget counts distinct plans. The caller scores plans on
/// common random numbers, so within the search every comparison is paired; the search is
/// deterministic for its seed whatever order or parallelism the caller scores in.
public struct EvolutionarySearch: Sendable {
    public let space: SearchSpace
    public let parents: Int
    public let offspring: Int
    /// Distinct plans the search may score.
    public let budget: Int
    var random: RandomStream
    var sigma = 0.2
    var generation = 0

    /// Every distinct plan scored, in the order scored.
    public private(set) var scored: [(plan: [SearchSpace.Value], genome: [Double], score: Score)] = []
    /// Per plan already scored, its index in `scored`.
    var index: [[SearchSpace.Value]: Int] = [:]
    /// The best score after each plan scored (the convergence trace).
    public private(set) var bestSoFar: [Score] = []
    /// The genomes of the incumbent plan(s) the first generation starts from.
    let starts: [[Double]]

    public init(space: SearchSpace, budget: Int, parents: Int = 4, offspring: Int = 8, seed: UInt64, starts: [[SearchSpace.Value]] = []) {
        precondition(budget >= 1 && parents >= 1 && offspring >= 1)
        self.space = space
        self.budget = budget
        self.parents = parents
        self.offspring = offspring
        random = RandomStream(seed: SplitMix64.mix(seed ^ 0x0B7_5EA2C4))
        self.starts = starts.map(space.encode)
    }

    public var isFinished: Bool { scored.count >= budget || stalled >= 25 }
    /// Generations in a row that bred no new plan (the space is exhausted near the parents).
    var stalled = 0

    /// The scored plans ranked best first (ties: the earlier scored first).
    public var ranking: [Int] {
        scored.indices.sorted { a, b in
            let (x, y) = (scored[a].score, scored[b].score)
            return x.isBetter(than: y) || (!y.isBetter(than: x) && a < b)
        }
    }

    /// The next generation's plans that have not been scored yet, at most what the budget has
    /// left: the caller scores them all and passes the scores to ``tell(_:)`` in order.
    public mutating func ask() -> [(plan: [SearchSpace.Value], genome: [Double])] {
        let left = budget - scored.count
        guard left > 0 else { return [] }
        let genomes: [[Double]]
        if generation == 0 {
            genomes = starts + space.latinHypercube(count: max(offspring, 2 * parents) - starts.count, random: &random)
        } else {
            let ranked = ranking.prefix(parents).map { scored[$0].genome }
            genomes = (0..<offspring).map { _ in
                space.offspring(of: tournament(ranked), and: tournament(ranked), sigma: sigma, random: &random)
            }
        }
        generation += 1
        var fresh: [(plan: [SearchSpace.Value], genome: [Double])] = []
        for genome in genomes {
            let plan = space.decode(genome)
            if index[plan] == nil && !fresh.contains(where: { $0.plan == plan }) { fresh.append((plan, genome)) }
        }
        stalled = fresh.isEmpty ? stalled + 1 : 0
        if fresh.isEmpty { sigma = min(0.5, sigma * 1.5) }  // widen the step to find new plans
        return Array(fresh.prefix(left))
    }

    /// Records the scores of the plans ``ask()`` returned, in the same order.
    public mutating func tell(_ plans: [(plan: [SearchSpace.Value], genome: [Double])], scores: [Score]) {
        precondition(plans.count == scores.count)
        let threshold = ranking.prefix(parents).last.map { scored[$0].score }
        var successes = 0
        for (plan, score) in zip(plans, scores) {
            index[plan.plan] = scored.count
            scored.append((plan.plan, plan.genome, score))
            let best = bestSoFar.last.map { score.isBetter(than: $0) ? score : $0 } ?? score
            bestSoFar.append(best)
            if let threshold, score.isBetter(than: threshold) { successes += 1 }
        }
        // One-fifth rule (Rechenberg): widen the step while children often enter the parents,
        // narrow it when they rarely do.
        if generation > 1 && !plans.isEmpty {
            sigma = Double(successes) / Double(plans.count) > 0.2 ? min(0.5, sigma * 1.22) : max(0.02, sigma / 1.22)
        }
    }

    /// The better of two parents drawn at random.
    mutating func tournament(_ ranked: [[Double]]) -> [Double] {
        let a = random.index(below: ranked.count)
        let b = random.index(below: ranked.count)
        return ranked[min(a, b)]  // ranked best first: the lower index is the better
    }
}
