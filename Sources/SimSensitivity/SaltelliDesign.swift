import SimCore

/// Sobol indices by Saltelli's scheme (Saltelli et al. 2010): two independent N × k samples A and
/// B, and for each factor i the matrix AB_i (A with column i from B). First-order S1 by Saltelli
/// 2010's estimator, total ST by Jansen's; both divide by the variance of f over A and B. The
/// design is N (k + 2) points, stored row by row: A_j, B_j, AB_j^1, …, AB_j^k.
///
/// A and B are drawn as Latin hypercubes from a seeded stream (stratified in each column, rows
/// independent), which lowers the variance of the mean and variance terms at no cost.
public struct SaltelliDesign: Sendable {
    public let factors: Int
    public let baseSamples: Int
    public let points: [[Double]]

    public init(factors: Int, baseSamples: Int, seed: UInt64) {
        precondition(factors >= 1 && baseSamples >= 2, "Sobol needs k ≥ 1 and N ≥ 2")
        self.factors = factors
        self.baseSamples = baseSamples
        var random = RandomStream(seed: seed)
        let both = random.latinHypercube(rows: baseSamples, columns: 2 * factors)
        var points: [[Double]] = []
        points.reserveCapacity(baseSamples * (factors + 2))
        for row in both {
            let a = Array(row[0..<factors])
            let b = Array(row[factors...])
            points.append(a)
            points.append(b)
            for i in 0..<factors {
                var ab = a
                ab[i] = b[i]
                points.append(ab)
            }
        }
        self.points = points
    }

    public struct Indices: Sendable, Equatable {
        public var firstOrder: SensitivityIndex
        public var total: SensitivityIndex
    }

    /// S1 and ST for each factor, with bootstrap intervals over the N rows.
    public func indices(outputs: [Double], bootstrap samples: Int = 1000, seed: UInt64) -> [Indices] {
        precondition(outputs.count == points.count, "one output per design point")
        let k = factors
        let width = k + 2
        let estimates = Bootstrap.intervals(units: baseSamples, samples: samples, seed: seed) { rows in
            var sum = 0.0
            var squares = 0.0
            for j in rows {
                let a = outputs[j * width]
                let b = outputs[j * width + 1]
                sum += a + b
                squares += a * a + b * b
            }
            let n = Double(rows.count)
            let mean = sum / (2 * n)
            let variance = squares / (2 * n) - mean * mean
            var result = [Double](repeating: .nan, count: 2 * k)
            guard variance > 0 else { return result }
            for i in 0..<k {
                var first = 0.0
                var total = 0.0
                for j in rows {
                    let a = outputs[j * width]
                    let b = outputs[j * width + 1]
                    let ab = outputs[j * width + 2 + i]
                    first += b * (ab - a)
                    total += (a - ab) * (a - ab)
                }
                result[i] = first / n / variance
                result[k + i] = total / (2 * n) / variance
            }
            return result
        }
        return (0..<k).map { Indices(firstOrder: estimates[$0], total: estimates[k + $0]) }
    }
}
