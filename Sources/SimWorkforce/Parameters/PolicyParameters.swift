// The training policy a scenario chooses (MODEL.md §6); a region may override any key of it.

public struct PolicyParameters: ParameterGroup {
    public var allocation = AllocationRule.needsBased
    public var needsAnalysis = NeedsAnalysis.standard
    public var participatoryHoursPerEmployee = 4.0
    public var complaintWeighting = true
    public var complaintWeight = 2.0
    public var targetJPPerYear = 20.0
    public var pppkMaxJPPerYear = 24.0
    public var maxJPPerEmployeePerYear = 80.0
    public var maxAwayShare = 0.10
    /// Blackout flags per calendar month (index 0 = January); the file lists months 1–12.
    public var blackoutMonths = [Bool](repeating: false, count: 12)
    /// Windows in which some or all training stops, for some or all units.
    public var noTraining: [NoTrainingPeriod] = []
    public var leadershipSupport = 0.3
    public var incentive = IncentiveParameters()
    public var tpp = TPPParameters()
    public var award = AwardParameters()
    public var forums = ForumParameters()
    public var evaluation = EvaluationParameters()
    public init() {}

    public var participatory: Bool { needsAnalysis == .participatory }

    public static let declarations: [Declaration<Self>] = [
        .choice("allocation", \.allocation, "how seats and budget are allocated", source: "MODEL.md §6"),
        .choice("needsAnalysis", \.needsAnalysis, "participatory raises relevance and costs staff time", source: "MODEL.md §6"),
        .number(
            "participatoryHoursPerEmployee", \.participatoryHoursPerEmployee, unit: "hours per employee per year",
            "staff time spent on a participatory needs analysis", source: "assumption"),
        .flag(
            "complaintWeighting", \.complaintWeighting, "weight domain gaps by citizen complaints about the domain (needsBased allocation)",
            source: "MODEL.md §6: training-needs analysis weights gaps by citizen complaints"),
        .number(
            "complaintWeight", \.complaintWeight, unit: "relative weight", "extra weight of a domain that draws all complaints",
            source: "assumption"),
        .number(
            "targetJPPerYear", \.targetJPPerYear, unit: "JP per year", "JP each PNS is owed per year",
            source: "PP 11/2017 art. 203(4), as amended by PP 17/2020"),
        .number(
            "pppkMaxJPPerYear", \.pppkMaxJPPerYear, unit: "JP per year", "most JP a PPPK may take per year", source: "Perlan LAN 15/2020"),
        .number(
            "maxJPPerEmployeePerYear", \.maxJPPerEmployeePerYear, min: 1, unit: "JP per year",
            "most JP one employee is planned for per year", source: "assumption"),
        .share("maxAwayShare", \.maxAwayShare, "most of a unit's staff off duty for training at once", source: "assumption (MODEL.md §5)"),
        .structural("blackoutMonths"),
        .structural("noTraining"),
        .share("leadershipSupport", \.leadershipSupport, "supervisor and leadership support for learning, 0–1", source: "assumption"),
        .group("incentive", \.incentive, "incentives per completion"),
        .group("tpp", \.tpp, "part of the TPP (tambahan penghasilan pegawai) tied to reaching the JP target"),
        .group("award", \.award, "the ASN Berprestasi award"),
        .group("forums", \.forums, "knowledge-sharing forums (learning culture)"),
        .group("evaluation", \.evaluation, "periodic evaluation and continuous improvement"),
    ]
}

/// A window with no training of the given modes and programmes for the staff of the given units
/// (MODEL.md §5): a session that overlaps it does not invite them, and, when it covers every
/// unit, is not placed there at all.
public struct NoTrainingPeriod: Sendable {
    public var period: CalendarPeriod
    /// Unit ids it protects; empty means every unit.
    public var units: [String]
    /// The modes it stops, indexed by `Mode.rawValue`.
    public var modes: [Bool]
    /// The programmes it stops, indexed by programme.
    public var programmes: [Bool]
    public init(period: CalendarPeriod, units: [String] = [], modes: [Bool] = Mode.allCases.map { _ in true }, programmes: [Bool]) {
        self.period = period
        self.units = units
        self.modes = modes
        self.programmes = programmes
    }
}

/// A reward per completion (MODEL.md §3–5): it raises acceptance and, fading from the last reward,
/// completion; those who finish only for the reward learn less, and being rewarded lowers a
/// person's own motivation for a while after (crowding-out), so it buys completions more than learning.
public struct IncentiveParameters: ParameterGroup {
    public var enabled = false
    public var rupiahPerCompletion = 250_000.0
    public var completionOddsMultiplier = 1.7
    public var wearOffHalfLifeMonths = 4.0
    public var fromYear = 0
    public var untilYear = 0
    public var crowdingOutSD = 0.2
    public var crowdingOutHalfLifeMonths = 24.0
    public var rewardedGainShare = 0.5
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .flag("enabled", \.enabled, "reward completions", source: "assumption: off unless a scenario turns it on"),
        .number("rupiahPerCompletion", \.rupiahPerCompletion, unit: "Rupiah", "reward per completion", source: "assumption"),
        .number(
            "completionOddsMultiplier", \.completionOddsMultiplier, min: 1, unit: "odds multiplier",
            "odds multiplier on completion when new", source: "Despujol et al. (×1.7)"),
        .number(
            "wearOffHalfLifeMonths", \.wearOffHalfLifeMonths, above: true, unit: "months",
            "half-life of the incentive's extra effect on an employee, from the last reward they earned",
            source: "Kim & Castelli; assumption"),
        .integer(
            "fromYear", \.fromYear, 0...3_000, unit: "calendar year", "first fiscal year completions are rewarded (0: from the start)",
            source: "assumption"),
        .integer(
            "untilYear", \.untilYear, 0...3_000, unit: "calendar year", "last fiscal year completions are rewarded (0: to the end)",
            source: "assumption"),
        .number(
            "crowdingOutSD", \.crowdingOutSD, min: 0, unit: "SD of motivation",
            "fall in a rewarded employee's own motivation baseline just after a reward, fading from the last reward they earned",
            source:
                "assumption: about half of the d ≈ −0.4 that expected, completion-contingent rewards take from free-choice intrinsic motivation (Deci, Koestner & Ryan 1999), as motivation here is not only intrinsic"
        ),
        .number(
            "crowdingOutHalfLifeMonths", \.crowdingOutHalfLifeMonths, above: true, unit: "months",
            "half-life of the crowding-out, from the last reward earned", source: "assumption: no study followed it for years"),
        .share(
            "rewardedGainShare", \.rewardedGainShare,
            "what a completer who finished only because of the reward learns, as a share of what others learn",
            source: "assumption: incentives predict the quantity of performance more than its quality (Cerasoli, Nicklin & Ford 2014)"),
    ]

    /// Whether completions in `year` are rewarded.
    public func isActive(inYear year: Int) -> Bool {
        enabled && year >= fromYear && (untilYear == 0 || year <= untilYear)
    }
}

/// Part of the TPP (tambahan penghasilan pegawai) withheld from a PNS who ends the year under the
/// JP target, as many regions rule (MODEL.md §3): staff under the target chase JP, which the cheap
/// sources outside the budget give fastest, so JP rise more than learning.
public struct TPPParameters: ParameterGroup {
    public var enabled = false
    public var shareAtStake = 0.05
    public var fromYear = 0
    public var uptakeResponse = 10.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .flag(
            "enabled", \.enabled, "tie part of the TPP to reaching policy.targetJPPerYear",
            source: "assumption: off unless a scenario turns it on"),
        .share(
            "shareAtStake", \.shareAtStake, "share of a PNS's TPP withheld when the fiscal year ends under the JP target",
            source:
                "assumption: regional rules tie part of the TPP to 20 JP (MODEL.md §3); the share varies by region and none was found for either city"
        ),
        .integer(
            "fromYear", \.fromYear, 0...3_000, unit: "calendar year", "first fiscal year the rule applies (0: from the start)",
            source: "assumption"),
        .number(
            "uptakeResponse", \.uptakeResponse, unit: "relative rise per share of TPP at stake",
            "rise in a PNS's uptake of learning outside the budget while under the target, per unit of TPP share at stake (10 with 5% at stake: half as much again)",
            source: "assumption: no study of how ASN respond was found; give a range in the uncertainty block"),
    ]

    /// The multiplier on the outside uptake of a PNS still under the target in `year`.
    public func uptakeMultiplier(inYear year: Int) -> Double {
        enabled && year >= fromYear ? 1 + uptakeResponse * shareAtStake : 1
    }
}

public struct AwardParameters: ParameterGroup {
    public var enabled = false
    public var topShare = 0.02
    public var recipientBoost = 0.15
    public var peerBoost = 0.02
    public var fadeHalfLifeMonths = 6.0
    public var rupiahPerRecipient = 2_500_000.0
    public var performanceNoiseSD = 0.2
    /// Calendar month of the award, 1–12.
    public var month = 8
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .flag(
            "enabled", \.enabled, "hold the yearly ASN Berprestasi award",
            source: "assumption: no city award was found for Sawahlunto or Sorong"),
        .share("topShare", \.topShare, "share of staff awarded, by performance", source: "assumption"),
        .share("recipientBoost", \.recipientBoost, "motivation lift of a recipient", source: "assumption"),
        .share(
            "peerBoost", \.peerBoost, "motivation lift of the other staff of a unit with a recipient, once per unit and year",
            source: "assumption; peer effects of recognition are small and mixed (Bradler et al. 2016; Gubler et al. 2016)"),
        .number("fadeHalfLifeMonths", \.fadeHalfLifeMonths, above: true, unit: "months", "half-life of the lift", source: "assumption"),
        .number(
            "rupiahPerRecipient", \.rupiahPerRecipient, unit: "Rupiah", "prize per recipient, from the development budget",
            source: "assumption"),
        .number(
            "performanceNoiseSD", \.performanceNoiseSD, unit: "score units",
            "SD of the random term in the award's performance score (what the model does not see: the committee's judgement, the nomination)",
            source: "assumption"),
        .integer("month", \.month, 1...12, unit: "calendar month", "calendar month of the award", source: "assumption"),
    ]
}

public struct ForumParameters: ParameterGroup {
    public var enabled = false
    public var everyMonths = 1
    /// Domains discussed (indices), one per forum in turn; empty means all.
    public var domains: [Int] = []
    public var participationShare = 0.5
    public var pullShare = 0.05
    public var jpPerForum = 2.0
    public var costPerParticipantRupiah = 25_000.0
    public var minimumStaffPresent = 4
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .flag("enabled", \.enabled, "hold knowledge-sharing forums", source: "assumption: off unless a scenario turns it on"),
        .integer("everyMonths", \.everyMonths, 1...12, unit: "months", "months between forums", source: "assumption"),
        .structural("domains"),
        .share("participationShare", \.participationShare, "share of a unit's staff attending a forum", source: "assumption"),
        .share(
            "pullShare", \.pullShare, "share of the way to the unit's upper quartile a participant moves",
            source: "assumption, uncalibrated: no study gives a per-forum effect; sweep it"),
        .number(
            "jpPerForum", \.jpPerForum, unit: "JP", "JP credited per forum", source: "Perlan LAN 10/2018 (komunitas belajar counts) [bg]"),
        .number("costPerParticipantRupiah", \.costPerParticipantRupiah, unit: "Rupiah", "cost per participant", source: "assumption"),
        .integer(
            "minimumStaffPresent", \.minimumStaffPresent, 2...1_000, unit: "people",
            "a unit holds a forum only with at least this many staff on duty", source: "assumption: a discussion needs a few colleagues"),
    ]
}

public struct EvaluationParameters: ParameterGroup {
    public var enabled = true
    public var everyMonths = 6
    public var thresholdShare = 0.6
    public var maxBudgetShift = 0.2
    public var measurementNoiseSD = 0.1
    public var dropAfterFailures = 2
    /// Programmes the evaluation measures but never changes, indexed by programme.
    public var exemptProgrammes: [Bool] = []
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .flag(
            "enabled", \.enabled, "evaluate programmes and act on the result",
            source: "MODEL.md §6 (the regions' documents call for periodic evaluation)"),
        .integer("everyMonths", \.everyMonths, 1...24, unit: "months", "months between evaluations", source: "MODEL.md §6"),
        .share(
            "thresholdShare", \.thresholdShare,
            "a programme is acted on when the gap it closed per attendee is below this share of what was expected (a programme alone in its domain) or, per Rupiah, below this share of the median of its domain's programmes",
            source: "assumption"),
        .share(
            "maxBudgetShift", \.maxBudgetShift, "most of a programme's remaining budget moved to the best programme",
            source: "MODEL.md §6; evidence.md §8 (±20%)"),
        .number(
            "measurementNoiseSD", \.measurementNoiseSD, unit: "levels", "SD of the measured gain per participant", source: "assumption"),
        .integer(
            "dropAfterFailures", \.dropAfterFailures, 1...10, unit: "evaluations",
            "consecutive failing evaluations before a programme is dropped", source: "evidence.md §8 (2 cycles)"),
        .structural("exemptProgrammes"),
    ]
}
