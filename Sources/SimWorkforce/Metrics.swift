/// How a monthly series is summarised at the horizon (for `summary.csv`).
public enum HorizonSummary: Vocabulary {
    /// The value in the last month (levels, shares, headcount).
    case lastMonth
    /// The total over the whole run (money, counts).
    case total
    /// The mean over the last 12 months (flows such as waits, IKM).
    case lastYearMean
}

/// One output series: a stable dotted id, its unit and meaning (documented in docs/outputs.md).
public struct MetricDefinition: Sendable, Equatable {
    public var id: String
    public var unit: String
    public var description: String
    public var summary: HorizonSummary
    /// Whether a higher value is better, for rankings (`nil`: neither).
    public var higherIsBetter: Bool?

    public init(_ id: String, _ unit: String, _ description: String, summary: HorizonSummary = .lastMonth, higherIsBetter: Bool? = nil) {
        self.id = id
        self.unit = unit
        self.description = description
        self.summary = summary
        self.higherIsBetter = higherIsBetter
    }

    public static func == (a: MetricDefinition, b: MetricDefinition) -> Bool { a.id == b.id }

    /// A measure of one programme (`programme.<id>.<measure>`): reported by year in programmes.csv,
    /// not in the region-level tables.
    public var isPerProgramme: Bool { id.hasPrefix("programme.") }

    /// A measure of one service counter (`counter.<unit>.<measure>`): reported in services.csv,
    /// not in the region-level tables.
    public var isPerCounter: Bool { id.hasPrefix("counter.") }

    /// Reported in the region-level tables (summary, timeseries, sweep).
    public var isRegionLevel: Bool { !isPerProgramme && !isPerCounter }
}

/// The fixed metrics every region reports, in output order; per-domain metrics follow them.
public enum Metric: Int, CaseIterable, Sendable {
    case competencyMean, competencyShareAtStandard, competencyGapMean
    case jpMean, jpShareReaching20, jpShareWithNone
    case ipASNProxy
    case invited, accepted, completed, droppedOut
    case staffDaysOffDuty
    case budgetSpentRupiah, budgetUnspentRupiah, costPerCompetencyPointRupiah
    case motivationMean
    case headcount, retirements, otherExits, hires, retirementRate, age51PlusShare
    case latsarStarted, latsarCompleted, latsarOverdue, budgetMandatoryRupiah
    case structuralPosts, promotions, vacanciesUnfilled, promotionTrainingOwed
    case serviceRequests, serviceWaitMean, serviceWaitP90, serviceHandlingMean, serviceFCR
    case serviceComplaints, serviceComplaintResolutionDays, serviceIKM, serviceUtilisation
    case projectsCompleted, projectsOnTimeShare, projectsMeanDelayMonths, projectsMeanOverrunShare, projectsOverrunRupiah
    case trainingGainLevels

    public var definition: MetricDefinition {
        switch self {
        case .competencyMean: return .init("competency.mean", "level (1-5)", "mean applied competency over employees and domains", higherIsBetter: true)
        case .competencyShareAtStandard: return .init("competency.share_at_standard", "share", "share of employee-domain pairs at or above the required level, among pairs that require more than level 1 (everyone meets level 1, the floor of the scale)", higherIsBetter: true)
        case .competencyGapMean: return .init("competency.gap_mean", "level", "mean shortfall below the required level (0 when met)", higherIsBetter: false)
        case .jpMean: return .init("jp.mean", "JP", "mean JP credited per employee in the fiscal year so far", higherIsBetter: true)
        case .jpShareReaching20: return .init("jp.share_reaching_20", "share", "share of PNS with at least 20 JP in the fiscal year so far", higherIsBetter: true)
        case .jpShareWithNone: return .init("jp.share_with_none", "share", "share of PNS with no JP credited in the fiscal year so far", higherIsBetter: false)
        case .ipASNProxy: return .init("ip_asn.proxy", "index (0-100)", "IP ASN proxy: qualification 25, competency 40, performance 30, discipline 5 (a proxy, not BKN's measurement)", higherIsBetter: true)
        case .invited: return .init("participation.invited", "people", "invitations sent in the month", summary: .total)
        case .accepted: return .init("participation.accepted", "people", "invitations accepted in the month", summary: .total)
        case .completed: return .init("participation.completed", "people", "programme completions in the month", summary: .total, higherIsBetter: true)
        case .droppedOut: return .init("participation.dropped_out", "people", "attendees who dropped out in the month", summary: .total, higherIsBetter: false)
        case .staffDaysOffDuty: return .init("staff_days_off_duty", "staff-days", "working days of duty lost to training in the month", summary: .total, higherIsBetter: false)
        case .budgetSpentRupiah: return .init("budget.spent_rupiah", "Rupiah", "development budget spent in the month", summary: .total)
        case .budgetUnspentRupiah: return .init("budget.unspent_rupiah", "Rupiah", "budget released this fiscal year and not spent, at month end", summary: .lastMonth)
        case .costPerCompetencyPointRupiah: return .init("cost.per_competency_point_rupiah", "Rupiah per level", "spending so far per competency level gained through training", higherIsBetter: false)
        case .motivationMean: return .init("motivation.mean", "0-1", "mean motivation including award lift", higherIsBetter: true)
        case .headcount: return .init("workforce.headcount", "people", "active ASN at month end")
        case .retirements: return .init("workforce.retirements", "people", "retirements at BUP in the month", summary: .total)
        case .otherExits: return .init("workforce.other_exits", "people", "other exits in the month", summary: .total)
        case .hires: return .init("workforce.hires", "people", "CPNS/PPPK intake in the month", summary: .total)
        case .retirementRate: return .init("workforce.retirement_rate", "share per year", "retirements in the month × 12 ÷ headcount: the yearly rate at this month's pace", summary: .lastYearMean)
        case .age51PlusShare: return .init("workforce.age_51_plus_share", "share", "share of ASN aged 51 or over at month end")
        case .latsarStarted: return .init("latsar.started", "people", "new CPNS starting a mandated programme (Latsar) in the month", summary: .total)
        case .latsarCompleted: return .init("latsar.completed", "people", "new CPNS completing Latsar's on-campus part in the month (the workplace part follows on duty)", summary: .total, higherIsBetter: true)
        case .latsarOverdue: return .init("latsar.overdue", "people", "CPNS past 12 months of service who have not completed Latsar, at month end", higherIsBetter: false)
        case .budgetMandatoryRupiah: return .init("budget.mandatory_rupiah", "Rupiah", "spent on mandated programmes (Latsar; PKP/PKA where mandated) in the month, funded before discretionary training", summary: .total)
        case .structuralPosts: return .init("workforce.structural_posts", "people", "PNS in structural posts (JPT, administrator, pengawas) at month end")
        case .promotions: return .init("workforce.promotions", "people", "PNS promoted into a vacant structural post (JPT, administrator, pengawas) in the month", summary: .total)
        case .vacanciesUnfilled: return .init("workforce.vacancies_unfilled", "posts", "structural vacancies no eligible PNS on duty could be promoted into, in the month", summary: .total, higherIsBetter: false)
        case .promotionTrainingOwed: return .init("promotion.training_owed", "people", "PNS who owe the programme mandated on promotion to their post (PKP, PKA) and have not completed it, at month end", higherIsBetter: false)
        case .serviceRequests: return .init("service.requests", "requests", "citizen requests arriving in the month", summary: .total)
        case .serviceWaitMean: return .init("service.wait_minutes.mean", "minutes", "mean wait before service", summary: .lastYearMean, higherIsBetter: false)
        case .serviceWaitP90: return .init("service.wait_minutes.p90", "minutes", "90th percentile of the wait (per request; Erlang C quantile when analytic)", summary: .lastYearMean, higherIsBetter: false)
        case .serviceHandlingMean: return .init("service.handling_minutes.mean", "minutes", "mean handling time", summary: .lastYearMean, higherIsBetter: false)
        case .serviceFCR: return .init("service.first_contact_resolution", "share", "share of requests resolved at first contact", summary: .lastYearMean, higherIsBetter: true)
        case .serviceComplaints: return .init("service.complaints", "complaints", "complaints filed in the month", summary: .total, higherIsBetter: false)
        case .serviceComplaintResolutionDays: return .init("service.complaint_resolution_days", "working days", "mean time to resolve a complaint", summary: .lastYearMean, higherIsBetter: false)
        case .serviceIKM: return .init("service.ikm", "index (25-100)", "Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017 scale)", summary: .lastYearMean, higherIsBetter: true)
        case .serviceUtilisation: return .init("service.utilisation", "share", "busy share of counter staff time", summary: .lastYearMean)
        case .projectsCompleted: return .init("projects.completed", "projects", "projects finished in the month", summary: .total)
        case .projectsOnTimeShare: return .init("projects.on_time_share", "share", "share of projects finished so far that finished on time", higherIsBetter: true)
        case .projectsMeanDelayMonths: return .init("projects.mean_delay_months", "months", "mean delay of projects finished so far", higherIsBetter: false)
        case .projectsMeanOverrunShare: return .init("projects.mean_cost_overrun_share", "share of budget", "mean cost overrun of projects finished so far", higherIsBetter: false)
        case .projectsOverrunRupiah: return .init("projects.cost_overrun_rupiah", "Rupiah", "cost overrun of the projects finished in the month", summary: .total, higherIsBetter: false)
        case .trainingGainLevels: return .init("training.gain_levels", "levels", "competency levels learned through training in the month (all employees and domains)", summary: .total, higherIsBetter: true)
        }
    }
}

/// The metric catalogue of a scenario: the fixed metrics, then `competency.<domain>` and
/// `competency.<domain>.share_at_standard` for each domain in scenario order, then the
/// ``ProgrammeMeasure``s of each programme in scenario order, then the ``CounterMeasure``s of
/// each service counter (``ModelParameters/counterIDs``).
public func metricDefinitions(_ model: ModelParameters) -> [MetricDefinition] {
    Metric.allCases.map(\.definition) + model.domains.flatMap { domain in
        [MetricDefinition("competency.\(domain.id)", "level (1-5)", "mean applied competency in \(domain.name)", higherIsBetter: true),
         MetricDefinition("competency.\(domain.id).share_at_standard", "share", "share of employees at or above the required level in \(domain.name), among those whose post requires more than level 1", higherIsBetter: true)]
    } + model.programmes.flatMap { programme in
        ProgrammeMeasure.allCases.map { $0.definition(programme: programme.id) }
    } + model.counterIDs.flatMap { unit in
        CounterMeasure.allCases.map { $0.definition(unit: unit) }
    }
}

/// Where a scenario's series sit among a region's metrics, in the order of
/// ``metricDefinitions(_:)``: the fixed metrics, two per domain, then one per
/// programme and ``ProgrammeMeasure``, then one per counter and ``CounterMeasure``. The model
/// writes by these positions; reports find series by id.
public enum MetricLayout {
    public static func count(_ model: ModelParameters) -> Int {
        Metric.allCases.count + 2 * model.domains.count + ProgrammeMeasure.allCases.count * model.programmes.count
            + CounterMeasure.allCases.count * model.counterIDs.count
    }
    /// `competency.<domain>`.
    public static func domainMean(_ d: Int) -> Int { Metric.allCases.count + 2 * d }
    /// `competency.<domain>.share_at_standard`.
    public static func domainShareAtStandard(_ d: Int) -> Int { domainMean(d) + 1 }
    /// `programme.<id>.<measure>` of programme `p` in a scenario with `domains` domains.
    public static func programme(_ p: Int, _ measure: ProgrammeMeasure, domains: Int) -> Int {
        Metric.allCases.count + 2 * domains + p * ProgrammeMeasure.allCases.count + measure.rawValue
    }
    /// `counter.<unit>.<measure>` of counter `k` (an index into ``ModelParameters/counterIDs``).
    public static func counter(_ k: Int, _ measure: CounterMeasure, domains: Int, programmes: Int) -> Int {
        Metric.allCases.count + 2 * domains + programmes * ProgrammeMeasure.allCases.count + k * CounterMeasure.allCases.count + measure.rawValue
    }
}

/// What each service counter did in a month (services.csv). Undefined (empty) in a region
/// without that counter, and in a month with nothing to measure.
public enum CounterMeasure: Int, CaseIterable, Sendable {
    case requests, waitMean, waitP90, utilisation, firstContactResolution, complaints, ikm, lebaranWaitMean, staffDaysTraining

    public var name: String {
        switch self {
        case .requests: return "requests"
        case .waitMean: return "wait_minutes.mean"
        case .waitP90: return "wait_minutes.p90"
        case .utilisation: return "utilisation"
        case .firstContactResolution: return "first_contact_resolution"
        case .complaints: return "complaints"
        case .ikm: return "ikm"
        case .lebaranWaitMean: return "wait_minutes.lebaran"
        case .staffDaysTraining: return "staff_days_training"
        }
    }

    public func definition(unit: String) -> MetricDefinition {
        let id = "counter.\(unit).\(name)"
        switch self {
        case .requests: return .init(id, "requests", "citizen requests arriving at the counter", summary: .total)
        case .waitMean: return .init(id, "minutes", "mean wait before service", summary: .lastYearMean, higherIsBetter: false)
        case .waitP90: return .init(id, "minutes", "90th percentile of the wait", summary: .lastYearMean, higherIsBetter: false)
        case .utilisation: return .init(id, "share", "busy share of counter staff time", summary: .lastYearMean)
        case .firstContactResolution: return .init(id, "share", "share of requests resolved at first contact", summary: .lastYearMean, higherIsBetter: true)
        case .complaints: return .init(id, "complaints", "complaints filed about the counter", summary: .total, higherIsBetter: false)
        case .ikm: return .init(id, "index (25-100)", "Indeks Kepuasan Masyarakat of the counter", summary: .lastYearMean, higherIsBetter: true)
        case .lebaranWaitMean: return .init(id, "minutes", "mean wait of requests arriving in the Lebaran window (7 days before Idul Fitri to 7 after); months without one are empty", summary: .lastYearMean, higherIsBetter: false)
        case .staffDaysTraining: return .init(id, "staff-days", "working days of the counter unit's staff taken by training: away at sessions, and the share of the day of on-duty training (e-learning, coaching, Latsar's workplace part)", summary: .total)
        }
    }
}

/// What each programme did in a month, summed over the year in programmes.csv.
public enum ProgrammeMeasure: Int, CaseIterable, Sendable {
    case invited, completed, jp, spentRupiah, gapClosedLevels

    public var name: String {
        switch self {
        case .invited: return "invited"
        case .completed: return "completed"
        case .jp: return "jp"
        case .spentRupiah: return "spent_rupiah"
        case .gapClosedLevels: return "gap_closed_levels"
        }
    }

    public func definition(programme id: String) -> MetricDefinition {
        switch self {
        case .invited: return .init("programme.\(id).invited", "people", "invitations sent", summary: .total)
        case .completed: return .init("programme.\(id).completed", "people", "completions", summary: .total)
        case .jp: return .init("programme.\(id).jp", "JP", "JP credited to its completers (a workplace part's when it ends)", summary: .total)
        case .spentRupiah: return .init("programme.\(id).spent_rupiah", "Rupiah", "spent on its sessions", summary: .total)
        case .gapClosedLevels: return .init("programme.\(id).gap_closed_levels", "levels", "gap to the standard its completers closed, summed over people and domains", summary: .total)
        }
    }
}

/// One decision of the adaptive policy (MODEL.md §6), for the report.
public struct Decision: Sendable, Equatable {
    public enum Action: String, Sendable { case switchMode, shiftBudget, drop }
    /// Month index from the start (0 = first month).
    public var month: Int
    public var region: Int
    public var programme: Int
    /// Measured gap closed per attendee since the last evaluation (levels, summed over domains).
    public var measuredGapClosedLevels: Double
    public var action: Action
    public var reason: String
    /// switchMode: the mode before and after.
    public var fromMode: Mode?
    public var toMode: Mode?
    /// shiftBudget and drop: the share of the programme's remaining planned money moved away (0–1).
    public var movedShare: Double
    public init(month: Int, region: Int, programme: Int, measuredGapClosedLevels: Double, action: Action, reason: String,
                fromMode: Mode? = nil, toMode: Mode? = nil, movedShare: Double = 0) {
        self.fromMode = fromMode
        self.toMode = toMode
        self.movedShare = movedShare
        self.month = month
        self.region = region
        self.programme = programme
        self.measuredGapClosedLevels = measuredGapClosedLevels
        self.action = action
        self.reason = reason
    }
}

/// A constraint of the model broken at run time (MODEL.md §5). A correct run has none; the run
/// counts each kind, writes the counts to `run.json` and warns on stderr.
public enum Breach: Int, Vocabulary {
    case budgetOverspent, sessionInBlackoutMonth, sessionInSuspendedMode, awayCapExceeded, attendeeBookedTwice, pppkAboveJPCap
    case sessionInNoTrainingPeriod

    public var meaning: String {
        switch self {
        case .budgetOverspent: return "spending above the year's budget"
        case .sessionInBlackoutMonth: return "a session running in a blackout month"
        case .sessionInSuspendedMode: return "a session starting in a suspended mode"
        case .awayCapExceeded: return "a unit above the away cap when a session starts"
        case .attendeeBookedTwice: return "an attendee listed twice in one session"
        case .pppkAboveJPCap: return "a PPPK credited above the JP cap"
        case .sessionInNoTrainingPeriod: return "an attendee from a unit a no-training period protects"
        }
    }
}

/// The outcome of one replication of one region: a value per metric and month, plus decisions
/// and the count of each kind of breach.
///
/// Values start as ``RegionResult/unwritten``, a NaN with its own payload, so a metric that no
/// code writes is caught by ``unwrittenCount`` (tests check it is 0); a measure that is written
/// as undefined is the ordinary NaN.
public struct RegionResult: Sendable {
    public var metricCount: Int
    public var months: Int
    /// `values[metric * months + month]`.
    public var values: [Double]
    public var decisions: [Decision]
    /// Count per ``Breach``, indexed by its raw value.
    public var breaches: [Int]

    /// The mark of a value never written.
    public static let unwritten = Double(nan: 0x5EED, signaling: false)

    public init(metricCount: Int, months: Int) {
        self.metricCount = metricCount
        self.months = months
        values = [Double](repeating: Self.unwritten, count: metricCount * months)
        decisions = []
        breaches = [Int](repeating: 0, count: Breach.allCases.count)
    }

    /// How many values no code wrote.
    public var unwrittenCount: Int { values.reduce(0) { $0 + ($1.bitPattern == Self.unwritten.bitPattern ? 1 : 0) } }

    public subscript(metric: Int, month: Int) -> Double {
        get { values[metric * months + month] }
        set { values[metric * months + month] = newValue }
    }

    public subscript(metric: Metric, month: Int) -> Double {
        get { self[metric.rawValue, month] }
        set { self[metric.rawValue, month] = newValue }
    }
}

/// The outcome of one replication: one result per region, in scenario order.
public struct ReplicationResult: Sendable {
    public var regions: [RegionResult]
    public init(regions: [RegionResult]) { self.regions = regions }
}
