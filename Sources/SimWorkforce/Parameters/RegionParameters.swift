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
    public var initialGapLevels = 0.4
    public var units: [UnitParameters] = []
    public var budget = BudgetParameters()
    public var costs = CostParameters()
    public var internetQuality = 0.7
    public var retirement = RetirementParameters()
    public var recruitment = RecruitmentParameters()
    public var projects = ProjectParameters()
    /// The scenario's policy with this region's overrides laid over it.
    public var policy = PolicyParameters()
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .number("population", \.population, unit: "people", "population", source: "BPS"),
        .integer("headcount", \.headcount, 1...200_000, unit: "people", "ASN at the start", source: nil, required: true),
        .share("pppkShare", \.pppkShare, "share of PPPK among ASN", source: "BKN Buku Statistik ASN Sem I 2023 (11%)"),
        .structural("jobLevelShares"),
        .structural("educationShares"),
        .group("age", \.age, "age at the start"),
        .group("motivation", \.motivation, "motivation at the start"),
        .number("initialGapLevels", \.initialGapLevels, min: -2, max: 3, unit: "levels", "mean shortfall of competency below the required level at the start", source: "assumption; LAN 2024: 35% meet the competency standard"),
        .structural("units"),
        .group("budget", \.budget, "the development budget"),
        .group("costs", \.costs, "cost context"),
        .share("internetQuality", \.internetQuality, "internet quality, 0–1 (e-learning completion)", source: "assumption"),
        .group("retirement", \.retirement, "retirement and other exits"),
        .group("recruitment", \.recruitment, "CPNS/PPPK intake"),
        .group("projects", \.projects, "development projects"),
        .structural("policy"),
    ]
}

public struct AgeParameters: ParameterGroup {
    public var mean = 43.0
    public var sd = 9.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number("mean", \.mean, min: 18, max: 65, unit: "years", "mean age", source: "BKN 2023 age mix (41–50: 32%, 51–60: 31%)"),
        .number("sd", \.sd, above: true, unit: "years", "SD of age", source: "BKN 2023 age mix"),
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
        .number("rupiahPerYear", \.rupiahPerYear, unit: "Rupiah per year", "competency-development budget per year", source: "regional budget"),
        .structural("quarterShares"),
        .flag("carryOver", \.carryOver, "unspent budget carries into the next year", source: "MODEL.md §5"),
    ]
}

public struct CostParameters: ParameterGroup {
    public var dailyAllowanceRupiah = 110_000.0
    public var travelPerParticipantRupiah = 0.0
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .number("dailyAllowanceRupiah", \.dailyAllowanceRupiah, unit: "Rupiah per day", "daily allowance per training day", source: "PMK 49/2023"),
        .number("travelPerParticipantRupiah", \.travelPerParticipantRupiah, unit: "Rupiah", "travel per participant for training outside the region", source: "assumption"),
    ]
}

public struct RetirementParameters: ParameterGroup {
    /// Retirement age (BUP) per job level, indexed by `JobLevel.rawValue` (years).
    public var ageByJobLevel: [Double] = []
    public var otherExitRatePerYear = 0.01
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("ageByJobLevel"),
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
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .share("replaceShare", \.replaceShare, "share of leavers replaced", source: "assumption"),
        .number("lagMonths", \.lagMonths, unit: "months", "months between a vacancy and the intake", source: "assumption"),
        .share("pppkShare", \.pppkShare, "share of intake hired as PPPK", source: "assumption (recent Sorong intakes mix CPNS and PPPK)"),
        .number("cpnsAgeYears", \.cpnsAgeYears, min: 18, max: 40, unit: "years", "mean age of new CPNS", source: "assumption: CPNS are recruited up to 35"),
        .number("pppkAgeYears", \.pppkAgeYears, min: 18, max: 60, unit: "years", "mean age of new PPPK", source: "jpnn.com 2026: honorer over 35 were appointed PPPK"),
        .number("ageSDYears", \.ageSDYears, unit: "years", "SD of newcomers' age around the CPNS or PPPK mean", source: "assumption"),
        .share("motivationLift", \.motivationLift, "how much more motivated newcomers start than the region's mean", source: "assumption"),
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
    public var service: ServiceChannelParameters?
    public init() {}

    public static let declarations: [Declaration<Self>] = [
        .structural("name"),
        .number("headcountShare", \.headcountShare, above: true, unit: "share (normalised)", "share of the region's staff in this unit", source: "assumption"),
        .structural("usage"),
        .share("workload", \.workload, "utilisation of staff by routine work, 0–1", source: "assumption"),
        .structural("service"),
    ]
}
