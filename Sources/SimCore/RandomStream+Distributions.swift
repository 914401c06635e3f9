// Distributions drawn from a RandomStream. Each documents its parameterisation and its mean and
// variance, which the tests check. Invalid parameters are bugs (the scenario validator rejects
// them before a run), so they are preconditions.

extension RandomStream {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1]: safe to take the logarithm of.
    @inlinable @inline(__always)
    public mutating func uniformPositive() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// Uniform on [low, high). Mean (low+high)/2, variance (high−low)²/12.
    @inlinable
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * uniform()
    }

    /// A uniform integer in `0..<count` without modulo bias (Lemire 2019).
    @inlinable
    public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "index(below:) needs a positive count")
        let bound = UInt64(count)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Exponential with the given mean (ziggurat method): mean `mean`, variance `mean²`.
    @inlinable @inline(__always)
    public mutating func exponential(mean: Double) -> Double {
        mean * standardExponential()
    }

    /// Normal with mean `mean` and standard deviation `sd`.
    @inlinable
    public mutating func normal(mean: Double, sd: Double) -> Double {
        mean + sd * standardNormal()
    }

    /// Lognormal with the given **mean and coefficient of variation** of the variable itself
    /// (not of its logarithm): σ² = ln(1 + cv²), μ = ln(mean) − σ²/2. Variance (mean·cv)².
    @inlinable
    public mutating func lognormal(mean: Double, cv: Double) -> Double {
        precondition(mean > 0 && cv >= 0, "lognormal needs mean > 0 and cv >= 0")
        return lognormal(logMean: log(mean), shape: LognormalShape(cv: cv))
    }

    /// The same draw as ``lognormal(mean:cv:)`` for a caller that keeps ln(mean) and the shape of
    /// its cv: a model drawing many times from few means saves two logarithms and a root a draw.
    @inlinable
    public mutating func lognormal(logMean: Double, shape: LognormalShape) -> Double {
        exp(logMean - 0.5 * shape.sigma2 + shape.sigma * standardNormal())
    }

    /// Gamma with shape k and scale θ (Marsaglia & Tsang 2000; boosted for k < 1).
    /// Mean kθ, variance kθ².
    @inlinable
    public mutating func gamma(shape: Double, scale: Double) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs shape > 0 and scale > 0")
        if shape < 1 {
            // X_k = X_{k+1} · U^{1/k}
            return gamma(shape: shape + 1, scale: scale) * pow(uniformPositive(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1.0 / (9.0 * d).squareRoot()
        while true {
            var x = 0.0
            var v = 0.0
            repeat {
                x = standardNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = uniformPositive()
            if u < 1 - 0.0331 * x * x * x * x { return d * v * scale }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v * scale }
        }
    }

    /// Beta(α, β) from two gammas. Mean α/(α+β), variance αβ/((α+β)²(α+β+1)).
    @inlinable
    public mutating func beta(_ alpha: Double, _ beta: Double) -> Double {
        let x = gamma(shape: alpha, scale: 1)
        let y = gamma(shape: beta, scale: 1)
        return x / (x + y)
    }

    /// Beta with the given mean in (0,1) and standard deviation (method of moments); handy for
    /// shares and probabilities that must stay in [0,1].
    ///
    /// - Precondition: 0 < sd² < mean(1−mean).
    @inlinable
    public mutating func beta(mean: Double, sd: Double) -> Double {
        let variance = sd * sd
        precondition(
            mean > 0 && mean < 1 && variance > 0 && variance < mean * (1 - mean),
            "beta(mean:sd:) needs 0 < mean < 1 and 0 < sd² < mean(1-mean)")
        let common = mean * (1 - mean) / variance - 1
        return beta(mean * common, (1 - mean) * common)
    }

    /// Triangular on [low, high] with mode `mode`, by inversion.
    /// Mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18.
    @inlinable
    public mutating func triangular(low: Double, mode: Double, high: Double) -> Double {
        precondition(low <= mode && mode <= high && low < high, "triangular needs low <= mode <= high, low < high")
        let u = uniform()
        let split = (mode - low) / (high - low)
        if u < split {
            return low + ((high - low) * (mode - low) * u).squareRoot()
        }
        return high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
    }

    /// True with probability `p`. Mean p, variance p(1−p).
    @inlinable @inline(__always)
    public mutating func bernoulli(_ p: Double) -> Bool {
        uniform() < p
    }

    /// Poisson with mean λ: multiplication of uniforms below λ = 30, else the PTRS
    /// transformed-rejection method (Hörmann 1993). Mean λ, variance λ.
    @inlinable
    public mutating func poisson(mean lambda: Double) -> Int {
        precondition(lambda >= 0, "poisson needs a non-negative mean")
        if lambda == 0 { return 0 }
        if lambda < 30 {
            let limit = exp(-lambda)
            var product = uniform()
            var count = 0
            while product > limit {
                product *= uniform()
                count += 1
            }
            return count
        }
        let slam = lambda.squareRoot()
        let loglam = log(lambda)
        let b = 0.931 + 2.53 * slam
        let a = -0.059 + 0.02483 * b
        let invalpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        while true {
            let u = uniform() - 0.5
            let v = uniformPositive()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(invalpha) - log(a / (us * us) + b) <= -lambda + k * loglam - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    /// An index drawn with probability proportional to `weights[i]` (non-negative, positive sum),
    /// by a linear scan: O(n), for the small category lists of a scenario.
    @inlinable
    public mutating func categorical(weights: some Collection<Double>) -> Int {
        var total = 0.0
        for w in weights {
            precondition(w >= 0, "categorical weights must be non-negative")
            total += w
        }
        precondition(total > 0, "categorical weights must have a positive sum")
        let target = uniform() * total
        var running = 0.0
        var index = 0
        var lastPositive = 0
        for w in weights {
            running += w
            if w > 0 { lastPositive = index }
            if target < running { return index }
            index += 1
        }
        return lastPositive  // rounding pushed the target past the last sum
    }

    /// A Latin-hypercube sample of the unit cube: each column a random permutation of the `rows`
    /// strata, with a uniform point inside each stratum (designs and search starts).
    public mutating func latinHypercube(rows: Int, columns: Int) -> [[Double]] {
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
        for c in 0..<columns {
            var strata = Array(0..<rows)
            for i in stride(from: rows - 1, to: 0, by: -1) { strata.swapAt(i, index(below: i + 1)) }
            for r in 0..<rows { matrix[r][c] = (Double(strata[r]) + uniform()) / Double(rows) }
        }
        return matrix
    }
}

/// σ² = ln(1 + cv²) and σ of a lognormal with coefficient of variation `cv`, worked out once.
public struct LognormalShape: Sendable {
    public let sigma2: Double
    public let sigma: Double

    @inlinable public init(cv: Double) {
        sigma2 = log(1 + cv * cv)
        sigma = sigma2.squareRoot()
    }
}
