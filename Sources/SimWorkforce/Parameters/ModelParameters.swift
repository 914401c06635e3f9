// The compiled model: every parameter a replication needs, as flat Sendable values with indices
// instead of string ids. Built once per scenario by SimScenario; read-only in the run.
// Units are in the names and declarations: Rupiah, JP, working days, months, levels (1–5 scale).

/// The clock and the run settings (MODEL.md §1).
public struct SimulationParameters: ParameterGroup {
    public var startYear = 2027
    public var startMonth = 1
    public var years = 5
    public var calendar = CalendarKind.indonesia
    public var workingDaysPerYear = 245.0
    public var hoursPerWorkingDay = 7.5
    public var jpPerTrainingDay = 8.0
    public var replications = 20
    public var seed = 2027
    public var serviceFidelity = ServiceFidelity.perRequest
    public var warmUpDays = 0.0
    public init() {}

    /// The first simulated month, counted from January of `startYear`; the months before it are empty.
    public var firstMonth: Int { startMonth - 1 }

    public static let declarations: [Declaration<Self>] = [
        .integer("startYear", \.startYear, 2000...2100, unit: "year", "first fiscal year simulated", source: "assumption"),
        .integer(
            "startMonth", \.startMonth, 1...12, unit: "month",
            "month of startYear the run starts in (1 = January): a run that starts in October opens the fiscal year with what the start state says is already spent and done, and leaves January–September empty",
            source: "the planner's start date"),
        .integer(
            "years", \.years, 1...30, unit: "years",
            "horizon in fiscal years, the first counted whole even when the run starts after January", source: "MODEL.md §1"),
        .choice(
            "calendar", \.calendar,
            "indonesia: each month's working days from weekends, national holidays and cuti bersama (decreed 2025–2026, estimated later); flat: a twelfth of workingDaysPerYear each month, no holiday",
            source: "SKB 3 Menteri on holidays and cuti bersama; docs/model.md, The working calendar"),
        .number(
            "workingDaysPerYear", \.workingDaysPerYear, min: 100, max: 366, unit: "working days",
            "working days per year of the flat calendar", source: "MODEL.md §1"),
        .number(
            "hoursPerWorkingDay", \.hoursPerWorkingDay, above: true, unit: "hours", "duty hours per working day",
            source: "assumption (37.5 h/week)"),
        .number(
            "jpPerTrainingDay", \.jpPerTrainingDay, above: true, unit: "JP per day", "JP per classroom training day",
            source: "MODEL.md §4 [bg]"),
        .integer(
            "replications", \.replications, 1...100_000, unit: "replications", "replications per scenario",
            source: "chosen for ±CI in README"),
        .integer("seed", \.seed, 0...9_007_199_254_740_991, unit: "seed", "master seed", source: "any"),
        .choice(
            "serviceFidelity", \.serviceFidelity, "simulate every citizen request, or Erlang C per channel and day", source: "MODEL.md §7"),
        .number(
            "warmUpDays", \.warmUpDays, min: 0, max: 250, unit: "working days",
            "the counters run this long before the start, unrecorded, so the first weeks do not open on an empty office (per-request fidelity; the analytic one is stationary already)",
            source: "assumption: 0 keeps runs comparable with earlier versions; docs/roster.md, The start state"),
    ]
}

/// A dated override (MODEL.md §6 timeline of shocks). Months are absolute (year·12 + month − 1).
public struct Shock: Sendable {
    public enum Kind: Sendable {
        case suspendMode(Mode)
        case budgetCut(share: Double)
        case requirementJump(domain: Int, levels: Double)
    }
    public var kind: Kind
    public var fromMonth: Int
    /// Last month affected (inclusive); `nil` means to the end.
    public var toMonth: Int?
    /// Region index, or `nil` for all.
    public var region: Int?
    public init(kind: Kind, fromMonth: Int, toMonth: Int?, region: Int?) {
        self.kind = kind
        self.fromMonth = fromMonth
        self.toMonth = toMonth
        self.region = region
    }

    /// Whether the shock is in force in `absoluteMonth` for region `regionIndex`.
    public func applies(atMonth absoluteMonth: Int, region regionIndex: Int) -> Bool {
        (region == nil || region == regionIndex) && fromMonth <= absoluteMonth && absoluteMonth <= (toMonth ?? .max)
    }
}

/// Everything one replication of one scenario needs.
public struct ModelParameters: Sendable {
    public var simulation: SimulationParameters
    public var domains: [DomainParameters]
    /// Indexed by `Mode.rawValue`.
    public var modes: [ModeParameters]
    public var learning: LearningParameters
    public var motivation: MotivationParameters
    public var participation: ParticipationParameters
    public var serviceQuality: ServiceQualityParameters
    public var ipASN: IPASNParameters
    public var programmes: [ProgrammeParameters]
    /// Learning outside the region's budget (MOOCs, webinars, sector platforms), in file order.
    public var externalLearning: [ExternalSourceParameters] = []
    public var regions: [RegionParameters]
    public var shocks: [Shock]

    public init(
        simulation: SimulationParameters, domains: [DomainParameters], modes: [ModeParameters], learning: LearningParameters,
        motivation: MotivationParameters, participation: ParticipationParameters, serviceQuality: ServiceQualityParameters,
        ipASN: IPASNParameters = IPASNParameters(), programmes: [ProgrammeParameters], regions: [RegionParameters], shocks: [Shock]
    ) {
        self.simulation = simulation
        self.domains = domains
        self.modes = modes
        self.learning = learning
        self.motivation = motivation
        self.participation = participation
        self.serviceQuality = serviceQuality
        self.ipASN = ipASN
        self.programmes = programmes
        self.regions = regions
        self.shocks = shocks
    }

    /// One JP (jam pelajaran) is 45 minutes: a definition (Perlan LAN 10/2018), not a parameter.
    public static let hoursPerJP = 0.75

    public var startYear: Int { simulation.startYear }
    public var years: Int { simulation.years }
    public var hoursPerWorkingDay: Double { simulation.hoursPerWorkingDay }
    public var jpPerTrainingDay: Double { simulation.jpPerTrainingDay }
    public var months: Int { simulation.years * 12 }

    public subscript(mode: Mode) -> ModeParameters { modes[mode.rawValue] }

    /// What one completion of a programme of `lengthJP` in `mode` promises, in levels: the base
    /// gain, the mode's multiplier and the dose (MODEL.md §3), before the programme's own effect,
    /// motivation, relevance, headroom and domain weights. Planning and learning both start here.
    public func promisedGainLevels(lengthJP: Double, mode: Mode) -> Double {
        learning.baseGainSD * learning.cohortSpreadSD * self[mode].gainMultiplier * learning.dose.gainScale(lengthJP: lengthJP, mode: mode)
    }

    /// The domain whose competency sets handling time and complaint resolution, if any.
    public var citizenServiceDomain: Int? { domains.firstIndex { $0.roles.contains(.citizenService) } }
    /// The units with a service counter in any region, in order of first appearance: the
    /// counters of the metric catalogue.
    public var counterIDs: [String] {
        var ids: [String] = []
        for region in regions { for unit in region.units where unit.service != nil && !ids.contains(unit.id) { ids.append(unit.id) } }
        return ids
    }
    /// The domains whose competency sets how projects slip.
    public var projectManagementDomains: [Int] { domains.indices.filter { domains[$0].roles.contains(.projectManagement) } }
}
