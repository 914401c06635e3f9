import SimCore

// The compiled model: every parameter a replication needs, as flat Sendable values with typed
// indices instead of string ids. Built once per scenario by SimScenario; read-only in the run.
// Units are in the names: Rupiah, JP, working days, months, levels (the 1–5 competency scale).

/// Delivery modes (fixed set; their parameters come from the scenario).
public enum Mode: Int, Sendable, CaseIterable {
    case classroom, workshop, simulation, elearning, elearningPractice, blended, coaching

    public var id: String {
        ["classroom", "workshop", "simulation", "elearning", "elearningPractice", "blended", "coaching"][rawValue]
    }

    public init?(id: String) {
        guard let mode = Mode.allCases.first(where: { $0.id == id }) else { return nil }
        self = mode
    }
}

/// Job levels (PermenPAN-RB 38/2017 ordering).
public enum JobLevel: Int, Sendable, CaseIterable {
    case jpt, administrator, pengawas, pelaksana, fungsional
    public var id: String { ["jpt", "administrator", "pengawas", "pelaksana", "fungsional"][rawValue] }
    /// Managers who can lead projects.
    public var leadsProjects: Bool { self == .administrator || self == .pengawas }
}

/// Education levels, for the IP ASN qualification dimension.
public enum Education: Int, Sendable, CaseIterable {
    case sma, diploma, s1, s2, s3
    public var id: String { ["sma", "diploma", "s1", "s2", "s3"][rawValue] }
    /// Qualification score out of 25 (PermenPAN-RB 38/2018: S3 25, S2 20; lower levels assumed).
    public var qualificationScore: Double { [5, 10, 15, 20, 25][rawValue] }
}

public enum AllocationRule: String, Sendable { case needsBased, equalHours, seniority, random }

public struct ModeParameters: Sendable {
    public var gainMultiplier: Double
    public var completionProbability: Double
    public var offDuty: Bool
    public var dutyShareWhileTraining: Double
    public var allowanceShare: Double
    public var switchTo: Mode?
    public init(gainMultiplier: Double, completionProbability: Double, offDuty: Bool, dutyShareWhileTraining: Double,
                allowanceShare: Double, switchTo: Mode?) {
        self.gainMultiplier = gainMultiplier
        self.completionProbability = completionProbability
        self.offDuty = offDuty
        self.dutyShareWhileTraining = dutyShareWhileTraining
        self.allowanceShare = allowanceShare
        self.switchTo = switchTo
    }
}

public struct DomainParameters: Sendable {
    public var id: String
    public var name: String
    public var kind: String
    public var requirementDriftPerYear: Double
    /// Required level per job level, indexed by `JobLevel.rawValue`.
    public var requiredLevel: [Double]
    public init(id: String, name: String, kind: String, requirementDriftPerYear: Double, requiredLevel: [Double]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.requirementDriftPerYear = requirementDriftPerYear
        self.requiredLevel = requiredLevel
    }
}

public struct LearningParameters: Sendable {
    public var baseGainSD = 0.6
    public var cohortSpreadSD = 0.6
    public var motivationEffectPerSD = 0.25
    public var participatoryRelevance = 1.2
    public var headroomLevels = 1.5
    public var transferImmediateShare = 0.62
    public var transferFloorShare = 0.22
    public var transferTimeConstantMonths = 10.0
    public var supportFloorGain = 0.15
    public var supportTimeConstantGain = 0.5
    public var decayHalfLifeMonths = 11.0
    public var refresherRestoreShare = 0.8
    public var rampUpTimeConstantMonths = 9.0
    public var rampUpPeerFactor = 0.64
    public var experiencedShareThreshold = 0.5
    public var newcomerLevel = 1.2
    public var proficientGapLevels = 0.3
    /// Tenure (months) after which a colleague counts as experienced and ramp-up ends.
    public var experiencedTenureMonths = 24.0
    public init() {}
}

public struct MotivationParameters: Sendable {
    public var monthlyAdjustment = 0.1
    public var supportBaselineGain = 0.1
    public var workloadPenalty = 0.3
    public var completionBoost = 0.02
    public init() {}
}

public struct ParticipationParameters: Sendable {
    public var baseAcceptance = 0.85
    public var motivationEffect = 0.8
    public var supportEffect = 0.6
    public var incentiveEffect = 0.5
    public var awardEffect = 4.0
    public var workloadThreshold = 0.85
    public var workloadMaxCut = 0.5
    public var motivationCompletionEffect = 0.4
    public var internetCompletionPenalty = 0.5
    public var invitationLeadDays = 10.0
    public init() {}
}

public struct ProgrammeParameters: Sendable {
    public var id: String
    public var name: String
    /// Gain share per domain, indexed by domain.
    public var domainWeights: [Double]
    public var mode: Mode
    public var lengthJP: Double
    public var seatsPerSession: Int
    public var sessionsPerYear: Int
    public var feePerParticipantRupiah: Double
    public var fixedCostPerSessionRupiah: Double
    public var platformCostPerYearRupiah: Double
    public var outsideRegion: Bool
    /// Eligible job levels (indexed by JobLevel.rawValue).
    public var eligibleJobLevels: [Bool]
    /// Eligible unit ids; empty means all.
    public var eligibleUnitIDs: [String]
    /// 0 all, 1 PNS only, 2 PPPK only.
    public var employment: Int
    public var countsTowardJP: Bool
    public var mandatoryForNewcomers: Bool
    public init(id: String, name: String, domainWeights: [Double], mode: Mode, lengthJP: Double, seatsPerSession: Int,
                sessionsPerYear: Int, feePerParticipantRupiah: Double, fixedCostPerSessionRupiah: Double,
                platformCostPerYearRupiah: Double, outsideRegion: Bool, eligibleJobLevels: [Bool],
                eligibleUnitIDs: [String], employment: Int, countsTowardJP: Bool, mandatoryForNewcomers: Bool) {
        self.id = id
        self.name = name
        self.domainWeights = domainWeights
        self.mode = mode
        self.lengthJP = lengthJP
        self.seatsPerSession = seatsPerSession
        self.sessionsPerYear = sessionsPerYear
        self.feePerParticipantRupiah = feePerParticipantRupiah
        self.fixedCostPerSessionRupiah = fixedCostPerSessionRupiah
        self.platformCostPerYearRupiah = platformCostPerYearRupiah
        self.outsideRegion = outsideRegion
        self.eligibleJobLevels = eligibleJobLevels
        self.eligibleUnitIDs = eligibleUnitIDs
        self.employment = employment
        self.countsTowardJP = countsTowardJP
        self.mandatoryForNewcomers = mandatoryForNewcomers
    }
}

public struct PolicyParameters: Sendable {
    public var allocation: AllocationRule = .needsBased
    public var participatory = false
    public var participatoryHoursPerEmployee = 4.0
    public var complaintWeighting = false
    public var complaintWeight = 2.0
    public var targetJPPerYear = 20.0
    public var pppkMaxJPPerYear = 24.0
    public var maxJPPerEmployeePerYear = 80.0
    public var maxAwayShare = 0.10
    /// Blackout flags per calendar month (index 0 = January).
    public var blackoutMonths = [Bool](repeating: false, count: 12)
    public var leadershipSupport = 0.3
    public var incentiveEnabled = false
    public var incentiveRupiahPerCompletion = 250_000.0
    public var incentiveCompletionOddsMultiplier = 1.7
    public var incentiveWearOffHalfLifeMonths = 4.0
    public var awardEnabled = false
    public var awardTopShare = 0.02
    public var awardRecipientBoost = 0.15
    public var awardPeerBoost = 0.02
    public var awardFadeHalfLifeMonths = 6.0
    public var awardRupiahPerRecipient = 2_500_000.0
    /// Calendar month of the award, 1–12.
    public var awardMonth = 8
    public var forumsEnabled = false
    public var forumEveryMonths = 1
    /// Domains discussed at forums (indices).
    public var forumDomains: [Int] = []
    public var forumParticipationShare = 0.5
    public var forumPullShare = 0.05
    public var forumJP = 2.0
    public var forumCostPerParticipantRupiah = 25_000.0
    public var evaluationEnabled = true
    public var evaluationEveryMonths = 6
    public var evaluationThresholdShareOfMedian = 0.6
    public var evaluationMaxBudgetShift = 0.2
    public var evaluationNoiseSD = 0.1
    public var evaluationDropAfterFailures = 2
    /// Programmes the evaluation measures but never changes, indexed by programme.
    public var evaluationExempt: [Bool] = []
    public init() {}
}

public struct ServiceChannelParameters: Sendable {
    public var requestsPerDay: Double
    public var minutesPerRequestProficient: Double
    public var noviceMultiplier: Double
    public var counterShare: Double
    /// The service level (1–5) at which a handler is fully proficient: ĉ = (level − 1)/(proficient − 1).
    public var proficientLevel: Double
    /// Exponential handling times (an M/M/c channel) instead of lognormal.
    public var exponentialHandling: Bool
    /// Coefficient of variation of lognormal handling times.
    public var handlingCV: Double
    public init(requestsPerDay: Double, minutesPerRequestProficient: Double, noviceMultiplier: Double, counterShare: Double,
                proficientLevel: Double = 3, exponentialHandling: Bool = false, handlingCV: Double = 0.5) {
        self.proficientLevel = proficientLevel
        self.exponentialHandling = exponentialHandling
        self.handlingCV = handlingCV
        self.requestsPerDay = requestsPerDay
        self.minutesPerRequestProficient = minutesPerRequestProficient
        self.noviceMultiplier = noviceMultiplier
        self.counterShare = counterShare
    }
}

/// How service outcomes follow from competency and waits (MODEL.md §7); shared by every counter
/// and by both service fidelities.
public struct ServiceQualityParameters: Sendable {
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
    public var weightTimeliness = 0.35
    public var weightCompetence = 0.25
    public var weightResolution = 0.20
    public var weightCourtesy = 0.10
    public var weightFairness = 0.10
    public var fairnessScore = 0.8
    public var resolutionDaysNovice = 12.5
    public var resolutionDaysProficient = 2.5
    public init() {}

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

    /// e^{−wait/scale}.
    public func timeliness(waitMinutes: Double) -> Double { exp(-waitMinutes / timelinessScaleMinutes) }

    /// A served request's satisfaction in [0,1] from its drivers (Citizens First ranking);
    /// `resolved` is 0 or 1, or its probability in analytic fidelity; courtesy follows motivation.
    public func satisfaction(timeliness: Double, competency: Double, resolved: Double, motivation: Double) -> Double {
        weightTimeliness * timeliness + weightCompetence * min(max(competency, 0), 1) + weightResolution * resolved
            + weightCourtesy * (0.5 + 0.5 * motivation) + weightFairness * fairnessScore
    }

    /// Mean working days to resolve a complaint in a unit of mean competency ĉ.
    public func resolutionDays(unitCompetency: Double) -> Double {
        resolutionDaysNovice + (resolutionDaysProficient - resolutionDaysNovice) * min(max(unitCompetency, 0), 1)
    }
}

public struct UnitParameters: Sendable {
    public var id: String
    public var name: String
    public var headcountShare: Double
    /// Usage weight per domain in [0,1].
    public var usage: [Double]
    public var workload: Double
    public var service: ServiceChannelParameters?
    public init(id: String, name: String, headcountShare: Double, usage: [Double], workload: Double, service: ServiceChannelParameters?) {
        self.id = id
        self.name = name
        self.headcountShare = headcountShare
        self.usage = usage
        self.workload = workload
        self.service = service
    }
}

public struct ProjectParameters: Sendable {
    public var perYear = 10.0
    public var plannedMonths = 8.0
    public var budgetRupiah = 2e9
    public var slipChanceNovice = 0.3
    public var slipChanceExpert = 0.05
    public var overrunPerSlippedMonth = 0.04
    public init() {}
}

public struct RegionParameters: Sendable {
    public var id: String
    public var name: String
    public var population: Double
    public var headcount: Int
    public var pppkShare: Double
    public var jobLevelShares: [Double]
    public var educationShares: [Double]
    public var ageMean: Double
    public var ageSD: Double
    public var motivationMean: Double
    public var motivationSD: Double
    public var initialGapLevels: Double
    public var units: [UnitParameters]
    public var budgetRupiahPerYear: Double
    public var quarterShares: [Double]
    public var budgetCarryOver: Bool
    public var dailyAllowanceRupiah: Double
    public var travelPerParticipantRupiah: Double
    public var internetQuality: Double
    /// Retirement age per job level (years).
    public var retirementAge: [Double]
    public var otherExitRatePerYear: Double
    public var replaceShare: Double
    public var recruitmentLagMonths: Double
    public var recruitmentPPPKShare: Double
    public var newcomerAgeCPNS = 27.0
    public var newcomerAgePPPK = 38.0
    public var newcomerMotivationLift = 0.1
    public var projects: ProjectParameters
    public var policy: PolicyParameters
    public init(id: String, name: String, population: Double, headcount: Int, pppkShare: Double, jobLevelShares: [Double],
                educationShares: [Double], ageMean: Double, ageSD: Double, motivationMean: Double, motivationSD: Double,
                initialGapLevels: Double, units: [UnitParameters], budgetRupiahPerYear: Double, quarterShares: [Double],
                budgetCarryOver: Bool, dailyAllowanceRupiah: Double, travelPerParticipantRupiah: Double, internetQuality: Double,
                retirementAge: [Double], otherExitRatePerYear: Double, replaceShare: Double, recruitmentLagMonths: Double,
                recruitmentPPPKShare: Double, projects: ProjectParameters, policy: PolicyParameters) {
        self.id = id
        self.name = name
        self.population = population
        self.headcount = headcount
        self.pppkShare = pppkShare
        self.jobLevelShares = jobLevelShares
        self.educationShares = educationShares
        self.ageMean = ageMean
        self.ageSD = ageSD
        self.motivationMean = motivationMean
        self.motivationSD = motivationSD
        self.initialGapLevels = initialGapLevels
        self.units = units
        self.budgetRupiahPerYear = budgetRupiahPerYear
        self.quarterShares = quarterShares
        self.budgetCarryOver = budgetCarryOver
        self.dailyAllowanceRupiah = dailyAllowanceRupiah
        self.travelPerParticipantRupiah = travelPerParticipantRupiah
        self.internetQuality = internetQuality
        self.retirementAge = retirementAge
        self.otherExitRatePerYear = otherExitRatePerYear
        self.replaceShare = replaceShare
        self.recruitmentLagMonths = recruitmentLagMonths
        self.recruitmentPPPKShare = recruitmentPPPKShare
        self.projects = projects
        self.policy = policy
    }
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
}

public enum ServiceFidelity: String, Sendable { case perRequest, analytic }

/// Everything one replication of one scenario needs.
public struct ModelParameters: Sendable {
    public var startYear: Int
    public var years: Int
    public var workingDaysPerYear: Double
    public var hoursPerWorkingDay: Double
    public var jpPerTrainingDay: Double
    public var serviceFidelity: ServiceFidelity
    public var domains: [DomainParameters]
    /// Indexed by `Mode.rawValue`.
    public var modes: [ModeParameters]
    public var learning: LearningParameters
    public var motivation: MotivationParameters
    public var participation: ParticipationParameters
    public var programmes: [ProgrammeParameters]
    public var regions: [RegionParameters]
    public var shocks: [Shock]
    public var serviceQuality = ServiceQualityParameters()
    public init(startYear: Int, years: Int, workingDaysPerYear: Double, hoursPerWorkingDay: Double, jpPerTrainingDay: Double,
                serviceFidelity: ServiceFidelity, domains: [DomainParameters], modes: [ModeParameters], learning: LearningParameters,
                motivation: MotivationParameters, participation: ParticipationParameters, programmes: [ProgrammeParameters],
                regions: [RegionParameters], shocks: [Shock]) {
        self.startYear = startYear
        self.years = years
        self.workingDaysPerYear = workingDaysPerYear
        self.hoursPerWorkingDay = hoursPerWorkingDay
        self.jpPerTrainingDay = jpPerTrainingDay
        self.serviceFidelity = serviceFidelity
        self.domains = domains
        self.modes = modes
        self.learning = learning
        self.motivation = motivation
        self.participation = participation
        self.programmes = programmes
        self.regions = regions
        self.shocks = shocks
    }

    /// Working days per month (a twelfth of the year).
    public var workingDaysPerMonth: Double { workingDaysPerYear / 12 }
    public var months: Int { years * 12 }
}
