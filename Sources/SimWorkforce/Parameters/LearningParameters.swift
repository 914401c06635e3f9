import Foundation

// Learning, transfer, decay, ramp-up, motivation and participation (MODEL.md §3–5). Each stored
// property holds its declared default; `declarations` gives its key, range, unit and source.

/// Learning gains and what becomes of them (MODEL.md §3).
public struct LearningParameters: ParameterGroup {
    public var baseGainSD = 0.6
    public var cohortSpreadSD = 0.6
    public var motivationEffectPerSD = 0.25
    public var participatoryRelevance = 1.2
    public var headroomLevels = 1.5
    public var programmeEffectSpread = 0.4
    public var dose = DoseParameters()
    public var transfer = TransferParameters()
    public var decay = DecayParameters()
    public var rampUp = RampUpParameters()
    public var experience = ExperienceParameters()
    public init() {}

    /// A programme's true effect relative to what it promises, from a standard normal draw `z`:
    /// exp(s·z − s²/2), whose mean is 1 (s = `programmeEffectSpread`).
    public func effectFactor(z: Double) -> Double { exp(programmeEffectSpread * z - programmeEffectSpread * programmeEffectSpread / 2) }

    public static let declarations: [Declaration<Self>] = [
        .number(
            "baseGainSD", \.baseGainSD, above: true, unit: "cohort SD", "gain from completing a programme",
            source: "Arthur et al. 2003 (d ≈ 0.6)"),
        .number(
            "cohortSpreadSD", \.cohortSpreadSD, above: true, unit: "levels", "SD of competency across a cohort",
            source: "assumption (MODEL.md §3)"),
        .number(
            "motivationEffectPerSD", \.motivationEffectPerSD, unit: "relative gain per SD", "relative gain per SD of motivation",
            source: "Colquitt et al. 2000 [recalled]"),
        .number(
            "participatoryRelevance", \.participatoryRelevance, min: 1, unit: "multiplier",
            "gain multiplier when needs analysis is participatory", source: "assumption"),
        .number(
            "headroomLevels", \.headroomLevels, above: true, unit: "levels", "gains shrink linearly over this many levels below 5",
            source: "assumption"),
        .number(
            "programmeEffectSpread", \.programmeEffectSpread, max: 2, unit: "log SD",
            "spread of programmes' true effects around what their mode and length promise: each programme's effect is that times exp(s·z − s²/2), z standard normal, drawn per replication",
            source:
                "assumption: effects of single programmes vary widely around a meta-analytic mean (Arthur et al. 2003 report d 0.6 as an average over very different programmes); 0.4 puts the middle half of programmes at ×0.70–×1.21, range 0.2–0.6 in the baseline's uncertainty block"
        ),
        .group("dose", \.dose, "how a programme's gain and online completion depend on its length"),
        .group("transfer", \.transfer, "how much of a gain is applied on the job over time"),
        .group("decay", \.decay, "forgetting of unused gains"),
        .group("rampUp", \.rampUp, "newcomers learning on the job"),
        .group("experience", \.experience, "experienced staff learning on the job"),
    ]
}

/// Dose-response (MODEL.md §3): a completion's gain is scaled by (JP / referenceJP)^exponent, so
/// longer programmes close more, with diminishing returns; a discretionary online course's completion chance
/// by (referenceJP / JP)^onlineCompletionExponent, so longer ones are finished less often. The
/// gain's scale is 1 at the reference length, the length the baseline's effect size stands for.
/// Coaching is exempt: its duration did not moderate its effect (Jones et al. 2016).
public struct DoseParameters: ParameterGroup {
    public var referenceJP = 24.0
    public var exponent = 0.3
    public var onlineCompletionExponent = 0.3
    public init() {}

    /// The gain's scale for a programme of `lengthJP` in `mode`.
    public func gainScale(lengthJP: Double, mode: Mode) -> Double {
        guard mode != .coaching, lengthJP > 0 else { return 1 }
        return pow(lengthJP / referenceJP, exponent)
    }

    /// The completion chance's scale for an online course of `lengthJP` (1 for other modes).
    public func completionScale(lengthJP: Double, mode: Mode) -> Double {
        guard mode.isOnline, lengthJP > 0 else { return 1 }
        return pow(referenceJP / lengthJP, onlineCompletionExponent)
    }

    public static let declarations: [Declaration<Self>] = [
        .number(
            "referenceJP", \.referenceJP, above: true, unit: "JP", "length at which a programme closes the base gain (baseGainSD)",
            source: "assumption: a three-day course of 8 JP a day, the length typical of the courses behind Arthur et al. 2003"),
        .number(
            "exponent", \.exponent, max: 1, unit: "exponent", "gain ∝ (JP / referenceJP)^exponent: 0 ignores length, 1 is proportional",
            source:
                "direction Lacerenza et al. 2017 (longer programmes gave larger effects); size an assumption (range 0.1–0.5 in the baseline's uncertainty block)"
        ),
        .number(
            "onlineCompletionExponent", \.onlineCompletionExponent, max: 1, unit: "exponent",
            "online completion ∝ (referenceJP / JP)^exponent, capped at 0.99",
            source: "direction Jordan 2015 (longer MOOCs completed less); size an assumption, range 0.1–0.5 (docs/evidence)"),
    ]
}

/// T(t) = T∞ + (T0 − T∞)·e^{−t/τ}, raised by leadership support.
public struct TransferParameters: ParameterGroup {
    public var immediateShare = 0.62
    public var floorShare = 0.22
    public var timeConstantMonths = 10.0
    public var supportFloorGain = 0.15
    public var supportTimeConstantGain = 0.5
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share(
            "immediateShare", \.immediateShare, "share of a gain applied on the job right after training (T0)",
            source: "Saks & Belcourt 2006"),
        .share("floorShare", \.floorShare, "long-run applied share (T∞)", source: "fit to Saks & Belcourt 2006 (62/44/34%)"),
        .number(
            "timeConstantMonths", \.timeConstantMonths, above: true, unit: "months", "time constant τ of the fall from T0 to T∞",
            source: "fit to Saks & Belcourt 2006"),
        .share(
            "supportFloorGain", \.supportFloorGain, "rise of T∞ at full leadership support",
            source: "assumption after Blume et al. 2010 [recalled]"),
        .number(
            "supportTimeConstantGain", \.supportTimeConstantGain, unit: "relative", "relative rise of τ at full leadership support",
            source: "assumption"),
    ]
}

public struct DecayParameters: ParameterGroup {
    public var halfLifeMonths = 11.0
    public var refresherRestoreShare = 0.8
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number(
            "halfLifeMonths", \.halfLifeMonths, above: true, unit: "months", "half-life of an unused gain, for a skill the job never uses",
            source: "Tatel & Ackerman (6.5–13 months)"),
        .share(
            "refresherRestoreShare", \.refresherRestoreShare, "share of unused knowledge a new course in the domain brings back into use",
            source: "spacing literature; assumption"),
    ]
}

public struct RampUpParameters: ParameterGroup {
    public var timeConstantMonths = 9.0
    public var peerFactor = 0.64
    public var experiencedShareThreshold = 0.5
    public var newcomerLevel = 1.2
    public var proficientGapLevels = 0.3
    public var experiencedTenureMonths = 24.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number(
            "timeConstantMonths", \.timeConstantMonths, above: true, unit: "months", "time constant of on-the-job learning for newcomers",
            source: "De Grip et al. 2016 (≈ 90% in 9–12 months); assumption"),
        .number(
            "peerFactor", \.peerFactor, above: true, unit: "multiplier", "time-to-proficiency multiplier next to experienced peers",
            source: "De Grip et al. 2016 (−36%)"),
        .share(
            "experiencedShareThreshold", \.experiencedShareThreshold,
            "share of a unit's staff with ≥ 2 years' tenure that counts as experienced peers", source: "assumption"),
        .number(
            "newcomerLevel", \.newcomerLevel, min: 1, max: 5, unit: "level (1–5)", "competency level newcomers start at",
            source: "assumption (MODEL.md §9: low competency)"),
        .number(
            "proficientGapLevels", \.proficientGapLevels, above: true, unit: "levels",
            "newcomers learn on the job until this close to the unit's experienced mean", source: "assumption"),
        .number(
            "experiencedTenureMonths", \.experiencedTenureMonths, above: true, unit: "months",
            "tenure after which a colleague counts as experienced and ramp-up ends", source: "assumption"),
    ]
}

/// On-the-job learning of experienced staff (MODEL.md §3, issue 36 item 4): each month an employee
/// past ramp-up gains, in each domain, levelsPerYear ÷ 12 × the unit's usage of the domain ×
/// (5 − applied level) ÷ 4, so a job teaches what it uses and less the more one knows.
public struct ExperienceParameters: ParameterGroup {
    public var levelsPerYear = 0.03
    public init() {}

    /// The monthly gain per level of headroom below 5 in a domain the unit uses at `usage`.
    public func monthlyRate(usage: Double) -> Double { levelsPerYear / 12 * usage / 4 }

    public static let declarations: [Declaration<Self>] = [
        .number(
            "levelsPerYear", \.levelsPerYear, unit: "levels a year",
            "on-the-job gain a year of an experienced employee at level 1 in a domain the job uses fully, shrinking linearly to 0 at level 5",
            source:
                "derived: experience and job performance correlate about 0.27 (Quiñones, Ford & Teachout 1995) with diminishing returns (Sturman 2003); across ASN tenures (SD about 9 years) and a cohort spread of 0.6 levels that is about 0.018 levels a year at a typical level 2.6, or 0.03 at level 1; cross-sectional, so an assumption, drawn from 0 to 0.06 in the baseline's uncertainty block"
        )
    ]
}

/// Monthly motivation dynamics (MODEL.md §5).
public struct MotivationParameters: ParameterGroup {
    public var monthlyAdjustment = 0.1
    public var supportBaselineGain = 0.1
    public var workloadPenalty = 0.3
    public var completionBoost = 0.02
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("monthlyAdjustment", \.monthlyAdjustment, "share of the distance to the baseline closed each month", source: "assumption"),
        .share(
            "supportBaselineGain", \.supportBaselineGain, "rise of the motivation baseline at full leadership support", source: "assumption"
        ),
        .share(
            "workloadPenalty", \.workloadPenalty, "monthly fall per unit of utilisation above the workload threshold", source: "assumption"),
        .share("completionBoost", \.completionBoost, "rise after completing a programme (self-efficacy)", source: "assumption"),
    ]
}

/// Invitations, acceptance and completion (MODEL.md §4).
public struct ParticipationParameters: ParameterGroup {
    public var baseAcceptance = 0.85
    public var motivationEffect = 0.8
    public var supportEffect = 0.6
    public var incentiveEffect = 0.5
    public var awardEffect = 4.0
    public var workloadThreshold = 0.85
    public var workloadMaxCut = 0.5
    public var motivationCompletionEffect = 0.4
    public var internetCompletionPenalty = 0.5
    public var mandatoryCompletionProbability = 0.98
    public var invitationLeadDays = 10.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("baseAcceptance", \.baseAcceptance, "chance an average invitee accepts", source: "assumption"),
        .number(
            "motivationEffect", \.motivationEffect, unit: "log-odds per SD", "log-odds of accepting per SD of motivation",
            source: "assumption"),
        .number(
            "supportEffect", \.supportEffect, unit: "log-odds", "log-odds of accepting at full leadership support", source: "assumption"),
        .number(
            "incentiveEffect", \.incentiveEffect, unit: "log-odds", "log-odds of accepting when completions are rewarded",
            source: "assumption"),
        .number(
            "awardEffect", \.awardEffect, unit: "log-odds per unit of lift",
            "log-odds of accepting per unit of award-driven motivation boost", source: "assumption"),
        .share(
            "workloadThreshold", \.workloadThreshold, "unit utilisation above which participation falls",
            source: "MODEL.md §4 [A]; AES 2022 (schedule conflict is the most cited barrier)"),
        .share(
            "workloadMaxCut", \.workloadMaxCut, "largest relative cut in acceptance, reached at full utilisation", source: "MODEL.md §4 [A]"
        ),
        .number(
            "motivationCompletionEffect", \.motivationCompletionEffect, unit: "log-odds per SD",
            "log-odds of completing per SD of motivation", source: "assumption"),
        .share(
            "internetCompletionPenalty", \.internetCompletionPenalty, "relative cut in e-learning completion when internet quality is 0",
            source: "assumption"),
        .share(
            "mandatoryCompletionProbability", \.mandatoryCompletionProbability,
            "chance an attendee of a mandated programme (Latsar, PKP, PKA) completes it, whatever the mode",
            source: "assumption: a CPNS who fails Latsar is not appointed PNS (PP 11/2017 art. 37), so nearly all complete"),
        .number(
            "invitationLeadDays", \.invitationLeadDays, unit: "working days", "working days between invitations and the session's start",
            source: "assumption"),
    ]
}
