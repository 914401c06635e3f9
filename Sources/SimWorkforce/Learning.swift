import SimCore

/// The learning equations of MODEL.md §3, as pure functions of the parameters. The region
/// simulation calls them; tests check them against the published figures.
///
/// A gain is split three ways when it is learned: the long-run applied share T∞ joins the stable
/// competency; (T0 − T∞) is applied at first but relapses with time constant τ; (1 − T0) is
/// learned but unused (latent). Relapsed knowledge becomes latent, and latent knowledge decays
/// with a half-life scaled by how little the job uses the domain. So the applied share of a gain
/// t months after training is T(t) = T∞ + (T0 − T∞)·e^{−t/τ}, exactly at month boundaries.
public struct LearningCurve: Sendable {
    public let immediateShare: Double
    public let floorShare: Double
    public let timeConstantMonths: Double
    public let decayHalfLifeMonths: Double
    /// The share of the transient part still applied after one month, e^{−1/τ}: worked out once,
    /// as the model applies it every month to every employee and domain.
    public let monthlyTransientKeep: Double

    /// The curve for a given leadership support in [0, 1]: support raises T∞ and τ.
    public init(_ p: LearningParameters, leadershipSupport support: Double) {
        immediateShare = p.transfer.immediateShare
        floorShare = min(p.transfer.immediateShare, p.transfer.floorShare + p.transfer.supportFloorGain * support)
        timeConstantMonths = p.transfer.timeConstantMonths * (1 + p.transfer.supportTimeConstantGain * support)
        decayHalfLifeMonths = p.decay.halfLifeMonths
        monthlyTransientKeep = exp(-1 / timeConstantMonths)
    }

    /// T(t): the applied share of a gain `months` after it was learned (no decay of applied knowledge).
    public func appliedShare(afterMonths months: Double) -> Double {
        floorShare + (immediateShare - floorShare) * exp(-months / timeConstantMonths)
    }

    /// Splits a fresh gain (levels) into its stable, transient and latent parts.
    public func split(gain: Double) -> (stable: Double, transient: Double, latent: Double) {
        (floorShare * gain, (immediateShare - floorShare) * gain, (1 - immediateShare) * gain)
    }

    /// One month of relapse and forgetting for one employee and domain: part of the transient
    /// applied knowledge relapses into latent, and latent knowledge decays by the usage-scaled
    /// half-life. The model calls this every month for every employee and domain.
    @inlinable
    public func advanceMonth(transient: inout Double, latent: inout Double, latentKeep: Double) {
        let relapsed = transient * (1 - monthlyTransientKeep)
        transient -= relapsed
        latent = (latent + relapsed) * latentKeep
    }

    /// The share of latent knowledge kept after one month for a domain used with weight `usage`:
    /// 2^{−(1−u)/h}; a skill used daily (u = 1) does not decay.
    public func monthlyLatentKeep(usage: Double) -> Double {
        exp2(-(1 - min(max(usage, 0), 1)) / decayHalfLifeMonths)
    }
}

/// The logistic function and its inverse, for probabilities shifted on the log-odds scale.
@inlinable func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
@inlinable func logit(_ p: Double) -> Double {
    let q = min(max(p, 1e-9), 1 - 1e-9)
    return log(q / (1 - q))
}

@inlinable func clamp(_ x: Double, _ low: Double, _ high: Double) -> Double { min(max(x, low), high) }

/// A running total of shares (0.2 staff and the like) that should be back at zero: such shares do
/// not add and subtract exactly in binary, so a total within 1e-9 of zero is zero.
@inlinable func settledTotal(_ x: Double) -> Double { x < 1e-9 ? 0 : x }
