/// What is known of one uncertain input: a bounded distribution. Designs work in the unit
/// hypercube and map each coordinate through ``quantile(_:)``, so every distribution here is
/// bounded (a normal is truncated) and `quantile(0)` and `quantile(1)` are its ends.
public enum UncertainDistribution: Sendable, Equatable {
    /// Every value in [low, high] equally plausible: a range with nothing known inside it.
    case uniform(low: Double, high: Double)
    /// A most plausible value `mode` and hard limits.
    case triangular(low: Double, mode: Double, high: Double)
    /// A normal of `mean` and `sd` cut to [low, high].
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)

    public var low: Double {
        switch self {
        case .uniform(let low, _), .triangular(let low, _, _), .truncatedNormal(_, _, let low, _): return low
        }
    }

    public var high: Double {
        switch self {
        case .uniform(_, let high), .triangular(_, _, let high), .truncatedNormal(_, _, _, let high): return high
        }
    }

    /// The value below which a share `u` (0…1) of the distribution lies.
    public func quantile(_ u: Double) -> Double {
        let u = min(max(u, 0), 1)
        switch self {
        case .uniform(let low, let high):
            return low + (high - low) * u
        case .triangular(let low, let mode, let high):
            let width = high - low
            guard width > 0 else { return low }
            let split = (mode - low) / width
            if u <= split { return low + (u * width * (mode - low)).squareRoot() }
            return high - ((1 - u) * width * (high - mode)).squareRoot()
        case .truncatedNormal(let mean, let sd, let low, let high):
            guard sd > 0 else { return min(max(mean, low), high) }
            let a = NormalDistribution.cdf((low - mean) / sd)
            let b = NormalDistribution.cdf((high - mean) / sd)
            let x = mean + sd * NormalDistribution.quantile(a + u * (b - a))
            return min(max(x, low), high)
        }
    }

    /// The distribution's mean (for the table of ranges and the scenario's central value).
    public var mean: Double {
        switch self {
        case .uniform(let low, let high): return (low + high) / 2
        case .triangular(let low, let mode, let high): return (low + mode + high) / 3
        case .truncatedNormal(let mean, let sd, let low, let high):
            guard sd > 0 else { return min(max(mean, low), high) }
            let alpha = (low - mean) / sd
            let beta = (high - mean) / sd
            let mass = NormalDistribution.cdf(beta) - NormalDistribution.cdf(alpha)
            return mean + sd * (NormalDistribution.density(alpha) - NormalDistribution.density(beta)) / mass
        }
    }
}

/// The standard normal distribution's density, distribution function and quantile.
public enum NormalDistribution {
    public static func density(_ z: Double) -> Double { exp(-z * z / 2) / (2 * Double.pi).squareRoot() }

    public static func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

    /// Acklam's rational approximation (relative error 1.15e-9) polished by one Halley step, which
    /// brings it to full double precision.
    public static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
            2.506628277459239e+00,
        ]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
            2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let lowTail = 0.02425
        var x: Double
        if p < lowTail {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - lowTail {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x =
                -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
