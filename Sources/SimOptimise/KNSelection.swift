import Foundation

/// Kim and Nelson's fully sequential procedure (KN, 2001) for selecting the best of k systems
/// under common random numbers: with probability at least 1 − α it picks the system with the
/// largest mean whenever that mean beats every other by at least δ (the indifference zone).
///
/// After `n0` replications of every system it estimates the variance of each pairwise difference;
/// then, one replication at a time, it drops every system whose mean falls below another's by more
/// than a triangular continuation region that narrows as replications accrue. Replications are
/// fed in by the caller (in batches, for parallelism); the decisions are taken replication by
/// replication, so the batch size changes the work done, never the result.
public struct KNSelection: Sendable {
    public let systems: Int
    public let initialReplications: Int
    public let delta: Double
    public let alpha: Double
    /// h² = (n0 − 1)[(2α/(k − 1))^(−2/(n0 − 1)) − 1] (c = 1).
    public let hSquared: Double
    /// The systems still in contention.
    public private(set) var survivors: [Int]
    /// Replications each system has been given (every survivor has the same).
    public private(set) var replications = 0
    /// The observations so far: `values[system][replication]` (larger is better).
    public private(set) var values: [[Double]]
    /// The pairwise variances S²_il from the first n0 replications.
    var varianceOfDifference: [[Double]] = []
    /// Per system, the replication at which it was dropped (nil: never).
    public private(set) var eliminatedAt: [Int?]

    public init(systems: Int, initialReplications n0: Int = 10, delta: Double, alpha: Double = 0.05) {
        precondition(systems >= 1 && n0 >= 2 && delta > 0 && alpha > 0 && alpha < 1)
        self.systems = systems
        initialReplications = n0
        self.delta = delta
        self.alpha = alpha
        hSquared = systems > 1 ? Double(n0 - 1) * (pow(2 * alpha / Double(systems - 1), -2 / Double(n0 - 1)) - 1) : 0
        survivors = Array(0..<systems)
        values = Array(repeating: [], count: systems)
        eliminatedAt = Array(repeating: nil, count: systems)
    }

    public var isFinished: Bool { survivors.count <= 1 }

    /// The selected system once finished.
    public var selected: Int? { isFinished ? survivors.first : nil }

    /// How many more replications the survivors need before the next decision: n0 at first, then one.
    public var replicationsWanted: Int { isFinished ? 0 : max(1, initialReplications - replications) }

    /// Feeds `batch[s][j]`, the next replications of survivor `survivors[s]` (all survivors the
    /// same count), and takes the decisions replication by replication.
    public mutating func add(_ batch: [[Double]]) {
        precondition(batch.count == survivors.count && Set(batch.map(\.count)).count == 1)
        let count = batch[0].count
        let active = survivors
        for step in 0..<count {
            guard !isFinished else { break }
            for (s, system) in active.enumerated() where survivors.contains(system) { values[system].append(batch[s][step]) }
            replications += 1
            if replications == initialReplications { estimateVariances() }
            if replications >= initialReplications { screen() }
        }
    }

    mutating func estimateVariances() {
        let n0 = initialReplications
        varianceOfDifference = Array(repeating: Array(repeating: 0, count: systems), count: systems)
        for i in 0..<systems where survivors.contains(i) {
            for l in 0..<systems where l != i && survivors.contains(l) {
                let d = (0..<n0).map { values[i][$0] - values[l][$0] }
                let mean = d.reduce(0, +) / Double(n0)
                varianceOfDifference[i][l] = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n0 - 1)
            }
        }
    }

    /// Drops every survivor that some other survivor beats by more than the continuation region.
    mutating func screen() {
        let r = Double(replications)
        let means = survivors.map { values[$0].prefix(replications).reduce(0, +) / r }
        var keep: [Int] = []
        for (a, i) in survivors.enumerated() {
            var stays = true
            for (b, l) in survivors.enumerated() where b != a {
                let w = max(0, delta / (2 * r) * (hSquared * varianceOfDifference[i][l] / (delta * delta) - r))
                if means[a] < means[b] - w {
                    stays = false
                    break
                }
            }
            if stays { keep.append(i) }
        }
        for i in survivors where !keep.contains(i) { eliminatedAt[i] = replications }
        // Every remaining one can fall only when two are exactly tied past the last stage; keep the first.
        survivors = keep.isEmpty ? [survivors[0]] : keep
        if survivors.count > 1 && Double(replications) > maximumStage { survivors = [bestMean] }
    }

    /// Past max N_il = ⌊h² S²_il / δ²⌋ the region has closed; only exact ties remain.
    var maximumStage: Double {
        var n = 0.0
        for i in survivors {
            for l in survivors where l != i { n = max(n, (hSquared * varianceOfDifference[i][l] / (delta * delta)).rounded(.down)) }
        }
        return n + 1
    }

    var bestMean: Int {
        survivors.max {
            values[$0].reduce(0, +) < values[$1].reduce(0, +) || (values[$0].reduce(0, +) == values[$1].reduce(0, +) && $0 > $1)
        } ?? survivors[0]
    }
}
