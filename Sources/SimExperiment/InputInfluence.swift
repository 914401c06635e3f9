import SimCore

/// Which drawn inputs move a paired difference most: Spearman's rank correlation of the
/// difference, replication by replication, with each input's draw.
///
/// Each input is drawn as a quantile `u` and mapped through a distribution that only rises, so
/// the rank correlation with `u` is the rank correlation with the input's value. An input is
/// named only when |ρ| clears the two-sided 5% threshold for the number of inputs screened
/// (Bonferroni): `z(1 − 0.025/k) / √(n − 1)`, the large-sample null distribution of ρ being
/// close to N(0, 1/(n − 1)). With 15–20 inputs that is |ρ| > 0.67–0.69 at 20 replications and
/// about 0.30 at 100.
public struct InputInfluence: Sendable, Equatable {
    public let path: String
    /// Spearman's ρ of the difference with the input (positive: a higher input, a larger difference).
    public let rho: Double

    /// The |ρ| that an input has to clear among `inputs` inputs screened at `replications`.
    public static func threshold(inputs: Int, replications: Int) -> Double {
        guard inputs > 0, replications > 1 else { return .infinity }
        return NormalDistribution.quantile(1 - 0.025 / Double(inputs)) / Double(replications - 1).squareRoot()
    }

    /// The strength of the influence a ranking must be able to tell from chance: an input that
    /// explains half the variance of the difference's ranks (|ρ| = 0.7, ρ² ≈ 0.5).
    public static let strongRho = 0.7

    /// The fewest replications at which an input of ``strongRho`` clears the threshold among
    /// `inputs` inputs: n − 1 ≥ (z / 0.7)². Below it the brief says there were too few draws to tell.
    public static func replicationsNeeded(inputs: Int) -> Int {
        guard inputs > 0 else { return 0 }
        let z = NormalDistribution.quantile(1 - 0.025 / Double(inputs))
        return 1 + Int((z / strongRho * (z / strongRho)).rounded(.up))
    }

    /// Every input's ρ with `differences`, strongest first (ties by path), or `nil` when the
    /// differences do not vary (an option identical to the comparison in every replication).
    ///
    /// - Parameter draws: per input, its quantile in each replication, aligned with `differences`.
    public static func rank(differences: [Double], draws: [(path: String, quantiles: [Double])]) -> [InputInfluence]? {
        let y = ranks(differences)
        guard y.count > 2, y.contains(where: { $0 != y[0] }) else { return nil }
        return draws.map { input in
            precondition(input.quantiles.count == differences.count, "\(input.path): one draw per replication")
            return InputInfluence(path: input.path, rho: pearson(ranks(input.quantiles), y))
        }.sorted { abs($0.rho) != abs($1.rho) ? abs($0.rho) > abs($1.rho) : $0.path < $1.path }
    }

    /// Ranks from 1, ties sharing their mean rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let mean = Double(start + end) / 2 + 1
            for i in start...end { ranks[order[i]] = mean }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }
}
