import SimCore

/// A frontline unit's citizen-service channel (MODEL.md §7).
public struct ServiceChannelParameters: ParameterGroup {
    public var requestsPerDay = 40.0
    public var minutesPerRequestProficient = 15.0
    public var noviceMultiplier = 1.6
    public var counterShare = 0.3
    public var handlingDistribution = HandlingDistribution.lognormal
    public var handlingCV = 0.5
    /// The service level (1–5) at which a handler is fully proficient: ĉ = (level − 1)/(proficient − 1).
    public var proficientLevel = 3.0
    /// How long a waiting citizen stays before giving up (none: however long it takes).
    public var patience = PatienceParameters()
    /// Share of those who give up who come back another day, and after how many working days.
    public var returnShare = 0.0
    public var returnDelayDays = 1.0
    /// The office's day: continuous (the textbook counter) or opening hours, a morning rush and a quota.
    public var day = ServiceDayParameters()
    /// Work some requests need after the counter before they are complete (days to completion).
    public var backOffice = BackOfficeParameters()
    /// The unit's own SKM scores for the elements the model does not represent.
    public var skm = SKMHeldScores()
    /// How requests per day vary over the year; `nil` is flat.
    public var demand: DemandProfile?
    public init() {}

    /// Exponential handling times (an M/M/c channel) instead of lognormal.
    public var exponentialHandling: Bool { handlingDistribution == .exponential }

    public static let declarations: [Declaration<Self>] = [
        .number(
            "requestsPerDay", \.requestsPerDay, unit: "requests per working day",
            "citizen requests per working day (0: a counter that opens with no demand yet)", source: "assumption"),
        .number(
            "minutesPerRequestProficient", \.minutesPerRequestProficient, above: true, unit: "minutes",
            "mean handling time of a proficient handler", source: "assumption"),
        .number(
            "noviceMultiplier", \.noviceMultiplier, min: 1, unit: "multiplier",
            "handling time of a novice relative to a proficient handler", source: "De Grip et al. 2016"),
        .share("counterShare", \.counterShare, "share of the unit's on-duty staff at the counter", source: "assumption"),
        .choice(
            "handlingDistribution", \.handlingDistribution,
            "distribution of handling time around its mean (exponential makes the channel M/M/c)", source: "MODEL.md §7"),
        .number(
            "handlingCV", \.handlingCV, unit: "coefficient of variation", "coefficient of variation of a lognormal handling time",
            source: "assumption"),
        .number(
            "proficientLevel", \.proficientLevel, min: 1, max: 5, above: true, unit: "level (1–5)",
            "service competency level at which a handler is fully proficient (Menengah)", source: "assumption"),
        .group("patience", \.patience, "how long a waiting citizen stays before giving up (MODEL.md §7)"),
        .share(
            "returnShare", \.returnShare, "share of the citizens who gave up who come back another day",
            source: "assumption (krjogja.com, Bantul 2016: of 800 numbers taken, 400 left and came back the next morning)"),
        .number(
            "returnDelayDays", \.returnDelayDays, above: true, unit: "working days",
            "working days between giving up and coming back", source: "assumption (the next working day)"),
        .group("day", \.day, "the office's day: opening hours, the morning rush and a daily quota (docs/model.md §7)"),
        .group("backOffice", \.backOffice, "work after the counter: back-office days to completion (docs/model.md §7)"),
        .group("skm", \.skm, "the unit's own SKM scores (1–4) for the four elements the model does not represent (docs/model.md §7, IKM)"),
        .structural("demand"),
    ]
}

/// How long a waiting citizen stays in the line before giving up (abandonment). With exponential
/// patience and exponential handling the counter is M/M/c+M (Erlang A).
public struct PatienceParameters: ParameterGroup {
    public var distribution = PatienceDistribution.none
    public var meanMinutes = 60.0
    public var cv = 1.0
    public init() {}

    /// Whether citizens ever give up.
    public var isFinite: Bool { distribution != .none }

    public static let declarations: [Declaration<Self>] = [
        .choice(
            "distribution", \.distribution,
            "none: citizens wait however long it takes; exponential (Erlang A) or lognormal patience otherwise",
            source: "Garnett, Mandelbaum & Reiman 2002 (exponential: Erlang A); lognormal for a patience whose hazard is not constant"),
        .number(
            "meanMinutes", \.meanMinutes, above: true, unit: "minutes", "mean time a citizen waits before giving up",
            source: "assumption"),
        .number(
            "cv", \.cv, above: true, unit: "coefficient of variation", "coefficient of variation of a lognormal patience",
            source: "assumption"),
    ]
}

/// The office's day at a counter (docs/model.md §7, The office's day). Clock hours are decimal
/// (7.5 is 07:30); the working day runs from `workStartsAtHour` for `simulation.hoursPerWorkingDay`.
public struct ServiceDayParameters: ParameterGroup {
    public var kind = ServiceDayKind.continuous
    public var workStartsAtHour = 7.5
    public var opensAtHour = 8.0
    public var closesAtHour = 14.0
    public var fridayClosesAtHour = 11.0
    public var breakFromHour = 0.0
    public var breakUntilHour = 0.0
    public var numbersFromHour = 7.5
    public var numbersUntilHour = 12.0
    public var rushShare = 0.5
    public var rushHours = 1.0
    public var dailyQuota = 0
    public init() {}

    public var isOffice: Bool { kind == .office }

    public static let declarations: [Declaration<Self>] = [
        .choice(
            "kind", \.kind,
            "continuous: arrivals flat over the working day, no hours, no quota, the queue carried to the next day (the textbook counter); office: the hours, rush and quota below",
            source: "issue 38; reference/domain-facts.md, Counters in practice"),
        .number(
            "workStartsAtHour", \.workStartsAtHour, min: 0, max: 24, unit: "clock hour",
            "clock time the working day starts (7.5 = 07:30); it lasts simulation.hoursPerWorkingDay",
            source: "Perpres 21/2023: 37.5 duty hours a week; 07:30 start is common practice (assumption)"),
        .number(
            "opensAtHour", \.opensAtHour, min: 0, max: 24, unit: "clock hour", "counters open",
            source: "mojok.co, Dukcapil Sleman 2021: 08:00"),
        .number(
            "closesAtHour", \.closesAtHour, min: 0, max: 24, unit: "clock hour", "counters close, Monday to Thursday",
            source: "mojok.co, Dukcapil Sleman 2021: 14:00, back-office work after"),
        .number(
            "fridayClosesAtHour", \.fridayClosesAtHour, min: 0, max: 24, unit: "clock hour", "counters close on Friday",
            source: "mojok.co, Dukcapil Sleman 2021: 11:00"),
        .number(
            "breakFromHour", \.breakFromHour, min: 0, max: 24, unit: "clock hour",
            "counters close for a break from this hour (equal to breakUntilHour: no break)", source: "assumption: none"),
        .number(
            "breakUntilHour", \.breakUntilHour, min: 0, max: 24, unit: "clock hour", "and reopen at this hour", source: "assumption: none"),
        .number(
            "numbersFromHour", \.numbersFromHour, min: 0, max: 24, unit: "clock hour",
            "queue numbers are taken from this hour (those who come earlier wait from it)",
            source: "inikebumen.net, Dukcapil Kebumen 2023: 07:30"),
        .number(
            "numbersUntilHour", \.numbersUntilHour, min: 0, max: 24, unit: "clock hour", "no number is given after this hour",
            source: "inikebumen.net, Dukcapil Kebumen 2023: 12:00"),
        .share(
            "rushShare", \.rushShare,
            "share of the day's citizens who come in the morning rush (the rest spread evenly to numbersUntilHour)",
            source: "assumption: people come before the doors open (krjogja.com, Bantul 2016; domain-facts.md)"),
        .number(
            "rushHours", \.rushHours, above: true, unit: "hours", "length of the morning rush from numbersFromHour",
            source: "assumption"),
        .integer(
            "dailyQuota", \.dailyQuota, 0...1_000_000, unit: "numbers a day",
            "queue numbers given a day; those who come after the last are turned away (0: no quota)",
            source: "jubi.co.id, Dukcapil Jayapura: 150–200; krjogja.com, Bantul: 500"),
    ]
}

/// Seasonal demand at a counter (MODEL.md §7): a multiplier per calendar month, times a
/// multiplier on the days of each named peak. The multipliers are relative: each calendar year's
/// mean over its working days is scaled to 1, so `requestsPerDay` stays the year's mean and a
/// profile moves demand within the year without adding any.
public struct DemandProfile: Sendable {
    /// Multiplier per calendar month, index 0 = January.
    public var monthly: [Double]
    public var peaks: [(period: CalendarPeriod, multiplier: Double)]
    /// Where the shape comes from, or "assumption".
    public var source: SourceNote
    public init(
        monthly: [Double] = [Double](repeating: 1, count: 12), peaks: [(period: CalendarPeriod, multiplier: Double)] = [],
        source: SourceNote
    ) {
        self.monthly = monthly
        self.peaks = peaks
        self.source = source
    }

    /// The multiplier of each whole working day of the clock (index = day from the start).
    public func daily(on clock: WorkingClock) -> [Double] {
        let days = Int(clock.horizonDays.rounded(.up))
        var value = (0..<days).map { monthly[clock.date(at: Double($0) + 0.5).month - 1] }
        for peak in peaks {
            for span in peak.period.spans(on: clock) {
                for d in Int(span.lowerBound.rounded(.up))..<min(days, Int(span.upperBound.rounded(.up))) { value[d] *= peak.multiplier }
            }
        }
        for year in 0..<(clock.months + 11) / 12 {
            let range =
                Int(
                    clock.monthStart[year * 12].rounded(.up))..<min(
                    days, Int(clock.monthStart[min(clock.months, year * 12 + 12)].rounded(.up)))
            let mean = range.reduce(0.0) { $0 + value[$1] } / Double(max(range.count, 1))
            if mean > 0 { for d in range { value[d] /= mean } }
        }
        return value
    }
}

/// How service outcomes follow from competency and waits (MODEL.md §7); shared by every counter
/// and by both service fidelities.
public struct ServiceQualityParameters: ParameterGroup {
    public var fcrNovice = 0.55
    public var fcrProficient = 0.85
    /// Curvature γ of handling time in (1 − ĉ)^γ.
    public var handlingCurvature = 1.5
    public var complaintBase = 0.02
    public var complaintIfUnresolved = 0.10
    public var complaintIfLongWait = 0.08
    public var longWaitMinutes = 60.0
    /// Timeliness of a request is e^{−wait/scale}.
    public var timelinessScaleMinutes = 30.0
    /// A complaint resolved within this many working days scores well on SKM element U8.
    public var complaintStandardDays = 10.0
    public var resolutionDaysNovice = 12.5
    public var resolutionDaysProficient = 2.5
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("fcrNovice", \.fcrNovice, "first-contact resolution of a novice handler", source: "MODEL.md §7 [A]"),
        .share("fcrProficient", \.fcrProficient, "first-contact resolution of a proficient handler", source: "MODEL.md §7 [A]"),
        .number(
            "handlingCurvature", \.handlingCurvature, above: true, unit: "exponent", "γ in handling time t_min·(1 + (m − 1)(1 − ĉ)^γ)",
            source: "evidence.md §9 (γ 1–2) [A]"),
        .share("complaintBase", \.complaintBase, "chance of a complaint after any request", source: "assumption"),
        .share("complaintIfUnresolved", \.complaintIfUnresolved, "extra chance when the request was not resolved", source: "assumption"),
        .share("complaintIfLongWait", \.complaintIfLongWait, "extra chance at a long wait (linear up to it)", source: "assumption"),
        .number(
            "longWaitMinutes", \.longWaitMinutes, above: true, unit: "minutes", "a wait this long counts fully as long",
            source: "assumption"),
        .number(
            "timelinessScaleMinutes", \.timelinessScaleMinutes, above: true, unit: "minutes", "timeliness of a request is e^(−wait/scale)",
            source: "assumption"),
        .number(
            "complaintStandardDays", \.complaintStandardDays, above: true, unit: "working days",
            "a complaint resolved within this many working days counts as well handled (SKM element U8)",
            source: "assumption: two working weeks; no service standard for complaint follow-up was found"),
        .number(
            "resolutionDaysNovice", \.resolutionDaysNovice, above: true, unit: "working days",
            "mean time to resolve a complaint in a novice unit", source: "assumption"),
        .number(
            "resolutionDaysProficient", \.resolutionDaysProficient, above: true, unit: "working days",
            "mean time to resolve a complaint in a proficient unit", source: "assumption"),
    ]

    /// Minutes of one request for a handler of normalised competency ĉ: t_min·(1 + (m − 1)(1 − ĉ)^γ).
    public func handlingMinutes(_ channel: ServiceChannelParameters, competency: Double) -> Double {
        channel.minutesPerRequestProficient * (1 + (channel.noviceMultiplier - 1) * pow(1 - min(max(competency, 0), 1), handlingCurvature))
    }

    /// First-contact resolution chance, from novice to proficient linearly in ĉ.
    public func firstContactResolution(competency: Double) -> Double {
        fcrNovice + (fcrProficient - fcrNovice) * min(max(competency, 0), 1)
    }

    /// Chance a served request leads to a complaint: a base, more when unresolved, more with a long wait.
    public func complaintChance(resolved: Bool, waitMinutes: Double) -> Double {
        complaintBase + (resolved ? 0 : complaintIfUnresolved) + complaintIfLongWait * min(1, waitMinutes / longWaitMinutes)
    }

    /// e^{−wait/scale}. A request served on arrival (wait exactly 0, a large share of them) is
    /// fully timely without calling `exp`: e^{−0} is exactly 1.
    public func timeliness(waitMinutes: Double) -> Double { waitMinutes == 0 ? 1 : exp(-waitMinutes / timelinessScaleMinutes) }

    /// A served request's modelled SKM elements (``SKMElement/modelledFrom``) as shares of the
    /// 1–4 scale: `resolved` is 0 or 1, or its probability in analytic fidelity;
    /// `complaintHandling` is the unit's ``complaintHandling(unitCompetency:)``.
    @inline(__always)
    public func skmShares(timeliness: Double, competency: Double, resolved: Double, motivation: Double, complaintHandling: Double)
        -> SKMShares
    {
        SKMShares(
            completionTime: timeliness, product: resolved, competence: min(max(competency, 0), 1),
            behaviour: 0.5 + 0.5 * min(max(motivation, 0), 1), complaintHandling: complaintHandling)
    }

    /// The chance that a unit of mean competency ĉ resolves a complaint within the standard
    /// (exponential resolution times): SKM element U8 as a share of its scale.
    public func complaintHandling(unitCompetency: Double) -> Double {
        1 - exp(-complaintStandardDays / resolutionDays(unitCompetency: unitCompetency))
    }

    /// Mean working days to resolve a complaint in a unit of mean competency ĉ.
    public func resolutionDays(unitCompetency: Double) -> Double {
        resolutionDaysNovice + (resolutionDaysProficient - resolutionDaysNovice) * min(max(unitCompetency, 0), 1)
    }
}
