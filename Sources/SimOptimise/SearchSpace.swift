import SimCore

/// The decisions a search may change, each mapped onto coordinates of the unit hypercube so one
/// search works for numbers, choices and shares alike. A genome (a point of the cube) decodes to
/// a plan; many genomes decode to one plan (steps, choices), which is what lets evaluations be
/// memoised by plan.
public struct SearchSpace: Sendable, Equatable {
    public enum Dimension: Sendable, Equatable {
        /// A number in [low, high], on a grid of `step` when one is given (0: continuous).
        case range(low: Double, high: Double, step: Double)
        /// One of `count` choices.
        case choice(count: Int)
        /// `count` shares that sum to 1.
        case split(count: Int)

        /// How many coordinates of the genome the dimension takes.
        public var width: Int {
            if case .split(let count) = self { return count }
            return 1
        }
    }

    /// A decoded decision: a number, the index of a choice, or shares.
    public enum Value: Sendable, Equatable, Hashable {
        case number(Double)
        case choice(Int)
        case shares([Double])
    }

    public let dimensions: [Dimension]
    /// Where each dimension's coordinates start in a genome.
    public let offsets: [Int]
    /// The genome's length.
    public let width: Int

    public init(_ dimensions: [Dimension]) {
        self.dimensions = dimensions
        var offsets: [Int] = []
        var width = 0
        for dimension in dimensions {
            offsets.append(width)
            width += dimension.width
        }
        self.offsets = offsets
        self.width = width
    }

    /// The plan a genome stands for.
    public func decode(_ genome: [Double]) -> [Value] {
        precondition(genome.count == width)
        return dimensions.indices.map { d in
            let start = offsets[d]
            switch dimensions[d] {
            case .range(let low, let high, let step):
                let x = low + min(max(genome[start], 0), 1) * (high - low)
                guard step > 0 else { return .number(x) }
                return .number(min(high, low + ((x - low) / step).rounded() * step))
            case .choice(let count):
                return .choice(min(count - 1, Int(min(max(genome[start], 0), 1) * Double(count))))
            case .split(let count):
                let weights = genome[start..<start + count].map { min(max($0, 0), 1) }
                let total = weights.reduce(0, +)
                // Shares rounded to 1e-6 so that genomes a hair apart are one plan.
                return .shares(
                    total > 0 ? weights.map { ($0 / total * 1e6).rounded() / 1e6 } : Array(repeating: 1 / Double(count), count: count))
            }
        }
    }

    /// A genome that decodes to `plan` (the centre of its cell for a choice).
    public func encode(_ plan: [Value]) -> [Double] {
        var genome: [Double] = []
        for (dimension, value) in zip(dimensions, plan) {
            switch (dimension, value) {
            case (.range(let low, let high, _), .number(let x)): genome.append(high > low ? min(max((x - low) / (high - low), 0), 1) : 0.5)
            case (.choice(let count), .choice(let index)): genome.append((Double(index) + 0.5) / Double(count))
            case (.split(let count), .shares(let shares)):
                let top = shares.max() ?? 1
                genome += (0..<count).map { $0 < shares.count && top > 0 ? shares[$0] / top : 1 }
            default: preconditionFailure("a plan's value does not fit its dimension")
            }
        }
        return genome
    }

    /// `count` genomes spread by Latin hypercube sampling: each coordinate's range is cut into
    /// `count` strata and each stratum is used once.
    public func latinHypercube(count: Int, random: inout RandomStream) -> [[Double]] {
        count > 0 ? random.latinHypercube(rows: count, columns: width) : []
    }

    /// A child of two parents: each dimension from one or the other (a split's shares move
    /// together), then every coordinate moved by a normal step of `sigma`, reflected into [0, 1];
    /// a choice is also redrawn outright with probability 1/dimensions, so the search can jump
    /// between choices that are not neighbours.
    public func offspring(of first: [Double], and second: [Double], sigma: Double, random: inout RandomStream) -> [Double] {
        var child = first
        for d in dimensions.indices where random.uniform() < 0.5 {
            for c in offsets[d]..<offsets[d] + dimensions[d].width { child[c] = second[c] }
        }
        let jump = 1 / Double(max(1, dimensions.count))
        for d in dimensions.indices {
            if case .choice = dimensions[d], random.uniform() < jump {
                child[offsets[d]] = random.uniform()
                continue
            }
            for c in offsets[d]..<offsets[d] + dimensions[d].width {
                child[c] = Self.reflect(child[c] + sigma * random.standardNormal())
            }
        }
        return child
    }

    /// Folds a coordinate back into [0, 1] as a mirror would.
    static func reflect(_ x: Double) -> Double {
        var y = x.truncatingRemainder(dividingBy: 2)
        if y < 0 { y += 2 }
        return y > 1 ? 2 - y : y
    }
}
