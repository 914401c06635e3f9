// Programmes, their delivery modes and the competency domains they teach (MODEL.md §3–4).

public struct ProgrammeParameters: ParameterGroup {
    /// The programme's id: its key in the scenario's `programmes` table.
    public var id = ""
    public var name = LocalizedText("")
    /// Gain share per domain, indexed by domain.
    public var domains: [Double] = []
    public var mode = Mode.classroom
    public var lengthJP = 24.0
    public var seatsPerSession = 30
    public var sessionsPerYear = 4
    public var feePerParticipantRupiah = 1_000_000.0
    public var fixedCostPerSessionRupiah = 5_000_000.0
    public var platformCostPerYearRupiah = 0.0
    public var outsideRegion = false
    /// Eligible job levels, indexed by `JobLevel.rawValue`.
    public var eligibleJobLevels = [Bool](repeating: true, count: JobLevel.allCases.count)
    /// Eligible unit ids; empty means all.
    public var eligibleUnits: [String] = []
    public var employment = Employment.all
    public var countsTowardJP = true
    public var mandatoryForNewcomers = false
    public var mandatoryOnPromotion = false
    public var workplacePartJP = 0.0
    public var workplacePartDays = 0.0
    public var workplaceDutyShare = 0.2
    /// The programme's own effect in cohort SD, as a study of it measured (0: not measured).
    public var measuredEffectSD = 0.0
    public var fundedBy = Funder.region
    /// Money set aside for this programme each year in a region (an earmark), in Rupiah, by region
    /// id; a region not listed has none. Paid by `region`, it comes out of that region's budget and
    /// no other programme may use it; paid from outside, it is the funder's ceiling.
    public var budgetRupiahPerYear: [String: Double] = [:]
    public init() {}

    /// Owed by law rather than chosen by the plan: funded first, outside the discretionary JP caps
    /// and the away cap, charged only for real participants (MODEL.md §9).
    public var isMandated: Bool { mandatoryForNewcomers || mandatoryOnPromotion }

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .structural("domains"),
        .structural("mode"),
        .number("lengthJP", \.lengthJP, above: true, unit: "JP", "length (1 JP = 45 minutes)", source: "Perlan LAN 10/2018 [bg]"),
        .integer("seatsPerSession", \.seatsPerSession, 1...100_000, unit: "seats", "seats per session", source: "assumption"),
        .integer(
            "sessionsPerYear", \.sessionsPerYear, 0...100_000, unit: "sessions per year", "most sessions a provider can run per year",
            source: "assumption"),
        .number(
            "feePerParticipantRupiah", \.feePerParticipantRupiah, unit: "Rupiah", "course fee per participant, before allowance and travel",
            source: "assumption"),
        .number(
            "fixedCostPerSessionRupiah", \.fixedCostPerSessionRupiah, unit: "Rupiah", "fixed cost per session: venue, trainers",
            source: "assumption"),
        .number(
            "platformCostPerYearRupiah", \.platformCostPerYearRupiah, unit: "Rupiah per year",
            "yearly platform cost, charged when the programme runs that year", source: "assumption"),
        .flag("outsideRegion", \.outsideRegion, "held outside the region, so travel is paid", source: "MODEL.md §2"),
        .structural("eligibleJobLevels"),
        .structural("eligibleUnits"),
        .choice("employment", \.employment, "PNS, PPPK or both", source: "UU 20/2023: development is owed to every ASN"),
        .flag("countsTowardJP", \.countsTowardJP, "whether its JP count toward the 20 JP a year", source: "PP 11/2017 art. 203"),
        .flag(
            "mandatoryForNewcomers", \.mandatoryForNewcomers,
            "owed by every new CPNS within the probation year (Latsar): funded first, outside the per-employee JP caps, charged only for real participants",
            source: "Perlan LAN 1/2021; PP 11/2017"),
        .flag(
            "mandatoryOnPromotion", \.mandatoryOnPromotion,
            "owed by every PNS promoted into one of its eligible job levels (PKP for new pengawas, PKA for new administrators), mandated like Latsar",
            source: "Perlan LAN 15/2019 (PKP); Perlan LAN 5/2022 (PKA)"),
        .number(
            "workplacePartJP", \.workplacePartJP, unit: "JP",
            "JP of a workplace part done after the session, on duty (Latsar's habituation), credited when it ends",
            source: "Latsar 853 JP off campus (Perlan LAN 12/2018 format; bahanbacaan.com 2021)"),
        .number(
            "workplacePartDays", \.workplacePartDays, unit: "working days", "length of the workplace part",
            source: "Latsar 80 days off campus (bahanbacaan.com 2021)"),
        .share(
            "workplaceDutyShare", \.workplaceDutyShare,
            "share of duty time the workplace part takes (the rest of the day is ordinary work)",
            source: "assumption: the workplace part is done in one's own job"),
        .number(
            "measuredEffectSD", \.measuredEffectSD, unit: "cohort SD",
            "the programme's own effect (in its own mode, at its length) where a study of it measured one, known to the planner; 0 (default): not measured, so each replication draws its true effect around what its mode and length promise (learning.programmeEffectSpread), which the planner does not know",
            source: "the region's own evaluation, when it has one; otherwise 0"),
        .choice(
            "fundedBy", \.fundedBy,
            "who pays: region (the development budget), external (LAN, a ministry, a donor) or unit (the employee's own unit); only region spends the scenario's budget",
            source: "MODEL.md §5; PP 11/2017 art. 203 (development funded by the agency)"),
        .structural("budgetRupiahPerYear"),
    ]
}

/// A delivery mode's effect, completion, time away and allowance.
public struct ModeParameters: ParameterGroup {
    public var gainMultiplier = 1.0
    public var completionProbability = 0.9
    public var offDuty = true
    public var dutyShareWhileTraining = 0.2
    public var allowanceShare = 1.0
    /// The mode an evaluation switches an ineffective programme to.
    public var switchTo: Mode?
    public init() {}

    init(gain: Double, completion: Double, offDuty: Bool, dutyShare: Double, allowance: Double, switchTo: Mode?) {
        gainMultiplier = gain
        completionProbability = completion
        self.offDuty = offDuty
        dutyShareWhileTraining = dutyShare
        allowanceShare = allowance
        self.switchTo = switchTo
    }

    /// The share of an attendee's duty time a session takes: all of it off duty, else the mode's share.
    public var dutyShareAway: Double { offDuty ? 1 : dutyShareWhileTraining }

    public static let declarations: [Declaration<Self>] = [
        .number(
            "gainMultiplier", \.gainMultiplier, above: true, unit: "multiplier",
            "learning gain relative to classroom training (multiplies baseGainSD)", source: "Sitzmann et al. 2006, 2011"),
        .share(
            "completionProbability", \.completionProbability, "chance an attendee of average motivation completes",
            source: "assumption (MODEL.md §4: mandatory/classroom ≈ 0.90)"),
        .flag("offDuty", \.offDuty, "whether attendees leave duty for the whole session", source: "MODEL.md §4"),
        .share(
            "dutyShareWhileTraining", \.dutyShareWhileTraining,
            "for modes that keep staff on duty: the share of duty time the course takes", source: "assumption"),
        .share("allowanceShare", \.allowanceShare, "share of training days for which the daily allowance is paid", source: "assumption"),
        .structural("switchTo"),
    ]

    /// Each mode's defaults. Gains: Sitzmann et al. 2006, 2011 and Jones et al. 2016 (coaching ≈ 0.3 SD);
    /// completion: MODEL.md §4 and Jordan (online); duty shares and allowances are assumptions.
    public static func defaults(for mode: Mode) -> ModeParameters {
        switch mode {
        case .classroom: return .init(gain: 1.0, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: .blended)
        case .workshop: return .init(gain: 1.0, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: .simulation)
        case .simulation: return .init(gain: 1.12, completion: 0.90, offDuty: true, dutyShare: 1, allowance: 1, switchTo: nil)
        case .elearning:
            return .init(gain: 0.95, completion: 0.60, offDuty: false, dutyShare: 0.2, allowance: 0.25, switchTo: .elearningPractice)
        case .elearningPractice:
            return .init(gain: 1.15, completion: 0.60, offDuty: false, dutyShare: 0.25, allowance: 0.25, switchTo: .blended)
        case .blended: return .init(gain: 1.25, completion: 0.85, offDuty: true, dutyShare: 1, allowance: 0.5, switchTo: nil)
        case .coaching: return .init(gain: 0.5, completion: 0.90, offDuty: false, dutyShare: 0.1, allowance: 0, switchTo: nil)
        }
    }
}

/// A competency domain (MODEL.md §3): its official kind, required levels and drift, and the roles
/// the model gives it.
public struct DomainParameters: ParameterGroup {
    /// The domain's id: its key in the scenario's `domains` table.
    public var id = ""
    public var name = LocalizedText("")
    public var kind = DomainKind.teknis
    public var requirementDriftPerYear = 0.0
    public var initialGapLevels = 0.23
    /// Required level per job level at the start, indexed by `JobLevel.rawValue`.
    public var requiredLevel: [Double] = []
    public var roles: [DomainRole] = []
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .choice("kind", \.kind, "the official competency type", source: "PermenPAN-RB 38/2017"),
        .number(
            "requirementDriftPerYear", \.requirementDriftPerYear, min: -1, max: 1, unit: "levels per year",
            "rise of the required level per year", source: "assumption (MODEL.md §3: digital +0.1)"),
        .number(
            "initialGapLevels", \.initialGapLevels, min: -2, max: 3, unit: "levels",
            "mean shortfall below the required level at the start (SD learning.cohortSpreadSD); the region's initialGapLevels is added",
            source:
                "calibrated so that 35% of assessed employee-domain pairs meet the standard at the start: 0.6 SD × Φ⁻¹(0.65) = 0.23 (LAN end 2022: 35.23% of ASN meet the competency standard; a national figure applied to both cities, no regional one is published)"
        ),
        .structural("requiredLevel"),
        .structural("roles"),
    ]
}
