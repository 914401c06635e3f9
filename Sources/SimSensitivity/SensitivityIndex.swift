import SimCore

/// One sensitivity index with its 95% bootstrap interval.
public struct SensitivityIndex: Sendable, Equatable {
    public var value: Double
    public var low: Double
    public var high: Double
    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }
}

/// Percentile bootstrap: resample the independent units of a design (Morris trajectories, Saltelli
/// rows) with replacement and recompute the indices each time. The resampling draws from its own
/// seeded stream, so intervals are reproducible.
enum Bootstrap {
    /// The index vector on the design as drawn, with a percentile interval per index.
    ///
    /// - Parameters:
    ///   - units: how many independent units the design has.
    ///   - samples: how many resamples.
    ///   - estimate: the indices from a list of unit indices (with repeats).
    static func intervals(units: Int, samples: Int, seed: UInt64, _ estimate: ([Int]) -> [Double]) -> [SensitivityIndex] {
        let all = Array(0..<units)
        let point = estimate(all)
        guard units > 1, samples > 1 else { return point.map { SensitivityIndex(value: $0, low: .nan, high: .nan) } }
        var random = RandomStream(seed: seed)
        var draws = [[Double]](repeating: [], count: point.count)
        var chosen = [Int](repeating: 0, count: units)
        for _ in 0..<samples {
            for u in 0..<units { chosen[u] = random.index(below: units) }
            for (i, value) in estimate(chosen).enumerated() { draws[i].append(value) }
        }
        return point.indices.map { i in
            let sorted = draws[i].filter { !$0.isNaN }.sorted()
            guard !sorted.isEmpty else { return SensitivityIndex(value: point[i], low: .nan, high: .nan) }
            return SensitivityIndex(value: point[i], low: percentile(sorted, 0.025), high: percentile(sorted, 0.975))
        }
    }

    /// Linear interpolation between order statistics (type 7).
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
