import SimCore

/// Morris's elementary-effects screening (Morris 1991; μ* from Campolongo et al. 2007).
///
/// Each trajectory starts at a random point of a `levels`-level grid in the unit hypercube and moves
/// one factor at a time, in random order and direction, by Δ = levels / (2 (levels − 1)). A
/// trajectory of k factors is k + 1 points; the design is `trajectories × (k + 1)` points, stored
/// trajectory by trajectory. Cheap (linear in k) and good at ranking; it does not apportion
/// variance (that is Sobol's job).
public struct MorrisDesign: Sendable {
    public let factors: Int
    public let trajectories: Int
    public let levels: Int
    public var delta: Double { Double(levels) / (2 * Double(levels - 1)) }
    /// The design points in the unit hypercube: trajectory t's point j is at `t × (factors + 1) + j`.
    public let points: [[Double]]
    /// For trajectory t and step j (from point j to j + 1): the factor moved and the signed step.
    let moves: [[(factor: Int, step: Double)]]

    public init(factors: Int, trajectories: Int, levels: Int = 4, seed: UInt64) {
        precondition(
            factors >= 1 && trajectories >= 2 && levels >= 2 && levels % 2 == 0, "Morris needs k ≥ 1, r ≥ 2 and an even level count")
        self.factors = factors
        self.trajectories = trajectories
        self.levels = levels
        var random = RandomStream(seed: seed)
        let delta = Double(levels) / (2 * Double(levels - 1))
        let grid = (0..<levels).map { Double($0) / Double(levels - 1) }
        var points: [[Double]] = []
        var moves: [[(Int, Double)]] = []
        for _ in 0..<trajectories {
            // Direction first: a factor that will step up starts where +Δ stays inside [0, 1].
            let up = (0..<factors).map { _ in random.uniform() < 0.5 }
            var x = (0..<factors).map { i -> Double in
                let allowed = grid.filter { up[i] ? $0 + delta <= 1 + 1e-12 : $0 - delta >= -1e-12 }
                return allowed[random.index(below: allowed.count)]
            }
            var order = Array(0..<factors)
            for i in stride(from: factors - 1, to: 0, by: -1) { order.swapAt(i, random.index(below: i + 1)) }
            points.append(x)
            var steps: [(Int, Double)] = []
            for factor in order {
                let step = up[factor] ? delta : -delta
                x[factor] = min(max(x[factor] + step, 0), 1)
                points.append(x)
                steps.append((factor, step))
            }
            moves.append(steps)
        }
        self.points = points
        self.moves = moves
    }

    /// The Morris measures of one output, per factor.
    public struct Measures: Sendable, Equatable {
        /// Mean of the absolute elementary effects: the importance ranking.
        public var muStar: SensitivityIndex
        /// Standard deviation of the effects: interaction or non-linearity.
        public var sigma: SensitivityIndex
        /// Mean of the signed effects: the direction.
        public var mu: Double
    }

    /// The elementary effects of each trajectory: `effects[t][factor]`, in output units per unit
    /// of the factor's quantile range (a whole range is 1).
    public func effects(outputs: [Double]) -> [[Double]] {
        precondition(outputs.count == points.count, "one output per design point")
        return (0..<trajectories).map { t in
            var effect = [Double](repeating: 0, count: factors)
            let base = t * (factors + 1)
            for (j, move) in moves[t].enumerated() {
                effect[move.factor] = (outputs[base + j + 1] - outputs[base + j]) / move.step
            }
            return effect
        }
    }

    /// μ*, σ and μ for each factor, with bootstrap intervals over trajectories.
    public func measures(outputs: [Double], bootstrap samples: Int = 1000, seed: UInt64) -> [Measures] {
        let effects = effects(outputs: outputs)
        let k = factors
        let intervals = Bootstrap.intervals(units: trajectories, samples: samples, seed: seed) { chosen in
            var result = [Double](repeating: 0, count: 2 * k)
            for i in 0..<k {
                var absolute = 0.0
                var sum = 0.0
                var squares = 0.0
                for t in chosen {
                    absolute += abs(effects[t][i])
                    sum += effects[t][i]
                }
                let n = Double(chosen.count)
                let mean = sum / n
                for t in chosen { squares += (effects[t][i] - mean) * (effects[t][i] - mean) }
                result[i] = absolute / n
                result[k + i] = chosen.count > 1 ? (squares / (n - 1)).squareRoot() : 0
            }
            return result
        }
        return (0..<k).map { i in
            let mu = effects.reduce(0) { $0 + $1[i] } / Double(trajectories)
            return Measures(muStar: intervals[i], sigma: intervals[k + i], mu: mu)
        }
    }
}
