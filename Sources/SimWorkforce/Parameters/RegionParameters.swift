// A region's workforce, budget, costs, flows and projects (MODEL.md §2, §5, §8, §9).

public struct RegionParameters: ParameterGroup {
    /// The region's id: its key in the scenario's `regions` table.
    public var id = ""
    public var name = ""
    public var population = 0.0
    public var headcount = 1
    public var pppkShare = 0.11
    /// Share of staff per job level, indexed by `JobLevel.rawValue`.
    public var jobLevelShares: [Double] = []
    /// Share of staff per education level, indexed by `Education.rawValue`.
    public var educationShares: [Double] = []
    public var age = AgeParameters()
    public var motivation = MotivationDistribution()
    public var initialGapLevels = 0.0
    public var units: [UnitParameters] = []
    public var budget = BudgetParameters()
    public var costs = CostParameters()
    public var internetQuality = 0.7
    public var retirement = RetirementParameters()
    public var recruitment = RecruitmentParameters()
    public var projects = ProjectParameters()
    /// The scenario's policy with this region's overrides laid over it.
    public var policy = PolicyParameters()
    /// The region's own staff, in place of the workforce drawn from the distributions above.
    public var roster: Roster?
    /// The region's own values in its roster file mapped to the model's (`rosterMapping`).
    public var rosterMapping = RosterMapping()
    /// The units the roster covers (`rosterCovers`, indices into `units`); `nil`: the whole
    /// region. The other units are drawn at their shares of `headcount`, as without a roster.
    public var rosterCovers: [Int]?
    /// The region's record files and folders (`history`), resolved: read by `simulate
    /// history-check`, never by the model.
    public var history: [String] = []
    /// Money spent, sessions booked and citizens waiting on the start date.
    public var startState = StartState()
    /// Dated appointments (a formasi's CPNS, a wave of PPPK), beside the replacement of leavers.
    public var intake: [Intake] = []
    public init() {}

    /// Staff per unit drawn from `headcount` and the units' shares, by largest remainder (ties
    /// to the earlier unit), so every replication starts with the same unit sizes.
    public var drawnUnitSizes: [Int] {
        let shares = units.map(\.headcountShare)
        let total = shares.reduce(0, +)
        let exact = shares.map { $0 / total * Double(headcount) }
        var sizes = exact.map { Int($0.rounded(.down)) }
        let order = shares.indices.sorted { a, b in
            let (ra, rb) = (exact[a] - Double(sizes[a]), exact[b] - Double(sizes[b]))
            return ra > rb || (ra == rb && a < b)
        }
        var k = 0
        while sizes.reduce(0, +) < headcount {
            sizes[order[k % order.count]] += 1
            k += 1
        }
        return sizes
    }

    /// Staff per unit at the start: the roster's, and for the units it does not cover, the drawn
    /// sizes (all drawn without a roster).
    public var startingUnitSizes: [Int] {
        guard let roster else { return drawnUnitSizes }
        var sizes = roster.unit.reduce(into: [Int](repeating: 0, count: units.count)) { $0[$1] += 1 }
        if let covers = rosterCovers {
            for (u, drawn) in drawnUnitSizes.enumerated() where !covers.contains(u) { sizes[u] = drawn }
        }
        return sizes
    }

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .number("population", \.population, unit: "people", "population", source: "BPS"),
        .integer("headcount", \.headcount, 1...200_000, unit: "people", "ASN at the start", source: nil, required: true),
        .share("pppkShare", \.pppkShare, "share of PPPK among ASN", source: "BKN Buku Statistik ASN Sem I 2023 (11%)"),
        .structural("jobLevelShares"),
        .structural("educationShares"),
        .group("age", \.age, "age at the start"),
        .group("motivation", \.motivation, "motivation at the start"),
        .number(
            "initialGapLevels", \.initialGapLevels, min: -2, max: 3, unit: "levels",
            "added to every domain's initialGapLevels: how much further behind (or ahead of) the national starting profile the region is",
            source: "assumption: no regional figure is published, so both cities start at the national profile"),
        .structural("units"),
        .group("budget", \.budget, "the development budget"),
        .group("costs", \.costs, "cost context"),
        .share("internetQuality", \.internetQuality, "internet quality, 0–1 (e-learning completion)", source: "assumption"),
        .group("retirement", \.retirement, "retirement and other exits"),
        .group("recruitment", \.recruitment, "CPNS/PPPK intake"),
        .group("projects", \.projects, "development projects"),
        .structural("policy"),
        .structural("roster"),
        .structural("rosterMapping"),
        .structural("rosterCovers"),
        .structural("history"),
        .structural("startState"),
        .structural("intake"),
    ]
}

/// One dated appointment of new staff: `people` CPNS or PPPK join on the first working day of
/// `month`, at entry posts, spread over the units by `unitWeights` (the region's shares when
/// empty). CPNS owe Latsar; PPPK owe a newcomer programme only if the scenario has one for them.
public struct Intake: Sendable, Equatable {
    /// Months since 1 January of year 0 (as ``Shock/fromMonth``).
    public var month: Int
    public var people: Int
    public var isPPPK: Bool
    /// Part-time PPPK (PPPK paruh waktu), at `recruitment.partTimeDutyShare` of full duty hours.
    public var isPartTime: Bool
    /// Weight per unit, in the region's unit order; empty: the region's own shares.
    public var unitWeights: [Double]

    public init(month: Int, people: Int, isPPPK: Bool, isPartTime: Bool = false, unitWeights: [Double] = []) {
        (self.month, self.people, self.isPPPK, self.isPartTime, self.unitWeights) = (
            month, people, isPPPK || isPartTime, isPartTime, unitWeights
        )
    }
}

/// Ages and tenure at the start (MODEL.md §9): an age profile in five bands, each band filled
/// uniformly up to the employee's BUP, so retirements are spread over the months to come instead
/// of piling up in the first one.
public struct AgeParameters: ParameterGroup {
    public var share21to30 = 0.10
    public var share31to40 = 0.265
    public var share41to50 = 0.32
    public var share51to60 = 0.31
    public var share61plus = 0.005
    /// The oldest age at which a PNS was appointed CPNS (tenure = age − entry age).
    public var pnsEntryAgeMaxYears = 35.0
    /// The first year PPPK were appointed, which bounds a PPPK's tenure.
    public var pppkFirstYear = 2019.0
    public init() {}

    /// Band shares in order, with each band's first and past-last age (years).
    public var bands: [(share: Double, from: Double, to: Double)] {
        [(share21to30, 21, 31), (share31to40, 31, 41), (share41to50, 41, 51), (share51to60, 51, 61), (share61plus, 61, 66)]
    }

    static let profileSource = "BKN 2023 age profile: 21–30 ≈10%, 41–50 32%, 51–60 31%, over 60 0.5%, 31–40 the rest (domain-facts §2)"
    public static let declarations: [Declaration<Self>] = [
        .share("share21to30", \.share21to30, "share of ASN aged 21–30 (normalised with the other bands)", source: profileSource),
        .share("share31to40", \.share31to40, "share aged 31–40", source: profileSource),
        .share("share41to50", \.share41to50, "share aged 41–50", source: profileSource),
        .share("share51to60", \.share51to60, "share aged 51–60 (below each post's BUP)", source: profileSource),
        .share("share61plus", \.share61plus, "share aged over 60 (only posts with BUP 65)", source: profileSource),
        .number(
            "pnsEntryAgeMaxYears", \.pnsEntryAgeMaxYears, min: 22, max: 45, unit: "years",
            "oldest age at CPNS appointment; a PNS's entry age is uniform from 22 to this (or their age)",
            source: "PermenPAN-RB 27/2021: CPNS applicants at most 35"),
        .number(
            "pppkFirstYear", \.pppkFirstYear, min: 1990, max: 2100, unit: "calendar year",
            "first PPPK appointments; a PPPK's tenure is uniform up to the years since", source: "PP 49/2018 (first PPPK appointed 2019)"),
    ]
}

/// Motivation at the start, 0–1.
public struct MotivationDistribution: ParameterGroup {
    public var mean = 0.6
    public var sd = 0.15
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("mean", \.mean, "mean motivation, 0–1", source: "assumption"),
        .share("sd", \.sd, "SD of motivation", source: "assumption"),
    ]
}

public struct BudgetParameters: ParameterGroup {
    public var rupiahPerYear = 0.0
    /// Share of the year's budget released each quarter (four shares adding up to 1).
    public var quarterShares = [0.25, 0.25, 0.25, 0.25]
    public var carryOver = false
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number(
            "rupiahPerYear", \.rupiahPerYear, unit: "Rupiah per year", "competency-development budget per year", source: "regional budget"),
        .structural("quarterShares"),
        .flag("carryOver", \.carryOver, "unspent budget carries into the next year", source: "MODEL.md §5"),
    ]
}

public struct CostParameters: ParameterGroup {
    public var dailyAllowanceRupiah = 110_000.0
    public var travelPerParticipantRupiah = 0.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number(
            "dailyAllowanceRupiah", \.dailyAllowanceRupiah, unit: "Rupiah per day", "daily allowance per training day",
            source: "PMK 49/2023"),
        .number(
            "travelPerParticipantRupiah", \.travelPerParticipantRupiah, unit: "Rupiah",
            "travel per participant for training outside the region", source: "assumption"),
    ]
}

/// Retirement at BUP by post, and other exits. Functional posts retire at 58 (ahli pertama, ahli
/// muda, keterampilan), 60 (ahli madya) or 65 (ahli utama); a functional employee's jenjang is drawn
/// from the two senior shares.
public struct RetirementParameters: ParameterGroup {
    /// Retirement age (BUP) per job level, indexed by `JobLevel.rawValue` (years); for
    /// `fungsional`, the BUP of the junior jenjang.
    public var ageByJobLevel: [Double] = []
    public var fungsionalMadyaShare = 0.10
    public var fungsionalUtamaShare = 0.005
    public var fungsionalMadyaAgeYears = 60.0
    public var fungsionalUtamaAgeYears = 65.0
    public var otherExitRatePerYear = 0.01
    public init() {}

    static let bupSource = "UU 20/2023 art. 55, PP 11/2017; BKN letter K.26-30/V.119-2/99 (2017)"
    public static let declarations: [Declaration<Self>] = [
        .structural("ageByJobLevel"),
        .share(
            "fungsionalMadyaShare", \.fungsionalMadyaShare, "share of functional staff at ahli madya (BUP 60)",
            source: "assumption: no regional jenjang breakdown found"),
        .share(
            "fungsionalUtamaShare", \.fungsionalUtamaShare, "share of functional staff at ahli utama (BUP 65)",
            source: "assumption: ahli utama is rare in kota governments"),
        .number(
            "fungsionalMadyaAgeYears", \.fungsionalMadyaAgeYears, min: 50, max: 70, unit: "years", "BUP of ahli madya", source: bupSource),
        .number(
            "fungsionalUtamaAgeYears", \.fungsionalUtamaAgeYears, min: 50, max: 70, unit: "years", "BUP of ahli utama", source: bupSource),
        .share("otherExitRatePerYear", \.otherExitRatePerYear, "other exits per year", source: "MODEL.md §9 [A]"),
    ]
}

public struct RecruitmentParameters: ParameterGroup {
    public var replaceShare = 0.8
    public var lagMonths = 6.0
    public var pppkShare = 0.5
    public var cpnsAgeYears = 27.0
    public var pppkAgeYears = 38.0
    public var ageSDYears = 4.0
    public var motivationLift = 0.1
    public var degreeShare = 0.8
    public var competencySD = 0.2
    public var promoteIntoVacancies = true
    public var promotionLagMonths = 3.0
    public var partTimeDutyShare = 0.5
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("replaceShare", \.replaceShare, "share of leavers replaced", source: "assumption"),
        .number("lagMonths", \.lagMonths, unit: "months", "months between a vacancy and the intake", source: "assumption"),
        .share("pppkShare", \.pppkShare, "share of intake hired as PPPK", source: "assumption (recent Sorong intakes mix CPNS and PPPK)"),
        .number(
            "cpnsAgeYears", \.cpnsAgeYears, min: 18, max: 40, unit: "years", "mean age of new CPNS",
            source: "assumption: CPNS are recruited up to 35"),
        .number(
            "pppkAgeYears", \.pppkAgeYears, min: 18, max: 60, unit: "years", "mean age of new PPPK",
            source: "jpnn.com 2026: honorer over 35 were appointed PPPK"),
        .number("ageSDYears", \.ageSDYears, unit: "years", "SD of newcomers' age around the CPNS or PPPK mean", source: "assumption"),
        .share("motivationLift", \.motivationLift, "how much more motivated newcomers start than the region's mean", source: "assumption"),
        .share(
            "degreeShare", \.degreeShare, "share of newcomers with an S1 degree (the rest diploma)",
            source: "assumption: most CPNS formasi ask for S1; BKN 2023: 71% of ASN are sarjana"),
        .number(
            "competencySD", \.competencySD, unit: "levels", "SD of newcomers' competency around rampUp.newcomerLevel", source: "assumption"),
        .flag(
            "promoteIntoVacancies", \.promoteIntoVacancies,
            "a structural post (JPT, administrator, pengawas) left vacant is filled by promoting the longest-serving PNS on duty of the post below, from the same unit when it has one; the chain ends in an entry post that intake fills",
            source: "UU 20/2023 (posts filled from within by merit); seniority as the rule is an assumption"),
        .number(
            "promotionLagMonths", \.promotionLagMonths, unit: "months", "months between a structural vacancy and the promotion into it",
            source: "assumption"),
        .number(
            "partTimeDutyShare", \.partTimeDutyShare, min: 0.05, max: 1, unit: "share of full duty hours",
            "working hours of a part-time PPPK (an intake's status pppkPartTime), as a share of a full-time ASN's",
            source:
                "assumption: KepmenPANRB 16/2025 (PPPK paruh waktu), Diktum 14, leaves the hours to each agency's PPK by its budget and needs; no rule was found for either city"
        ),
    ]
}

public struct ProjectParameters: ParameterGroup {
    public var perYear = 10.0
    public var plannedMonths = 8.0
    public var budgetRupiah = 2e9
    public var slipChanceNovice = 0.3
    public var slipChanceExpert = 0.05
    public var overrunPerSlippedMonth = 0.04
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number("perYear", \.perYear, unit: "projects per year", "development projects started per year", source: "assumption"),
        .number("plannedMonths", \.plannedMonths, above: true, unit: "months", "planned length", source: "assumption"),
        .number("budgetRupiah", \.budgetRupiah, unit: "Rupiah", "budget per project", source: "assumption"),
        .share("slipChanceNovice", \.slipChanceNovice, "monthly chance of slipping a month with a novice manager", source: "assumption"),
        .share("slipChanceExpert", \.slipChanceExpert, "monthly chance of slipping with an expert manager", source: "assumption"),
        .share("overrunPerSlippedMonth", \.overrunPerSlippedMonth, "cost overrun per slipped month, share of budget", source: "assumption"),
    ]
}

/// A group of OPD with its headcount share, domain usage, workload and, for frontline units, a
/// citizen-service channel.
public struct UnitParameters: ParameterGroup {
    /// The unit's id: its key in the region's `units` table.
    public var id = ""
    public var name = ""
    public var headcountShare = 0.2
    /// Usage weight per domain in [0,1], indexed by domain.
    public var usage: [Double] = []
    public var workload = 0.8
    /// The unit's own away cap, in place of the policy's `maxAwayShare`.
    public var maxAwayShare: Double?
    public var service: ServiceChannelParameters?
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .number(
            "headcountShare", \.headcountShare, unit: "share (normalised)",
            "share of the region's staff in this unit (0: a unit with no staff yet; the shares must not all be 0)", source: "assumption"),
        .structural("usage"),
        .share("workload", \.workload, "utilisation of staff by routine work, 0–1", source: "assumption"),
        .structural("maxAwayShare"),
        .structural("service"),
    ]
}

/// Hashable so a roster read for one region's rules is read once per run (SimScenario's store).
extension RetirementParameters: Hashable {}
