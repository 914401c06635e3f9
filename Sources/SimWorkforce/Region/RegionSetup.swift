import SimCore

/// The constants of one region's run, worked out once from the parameters and shared by reference
/// (immutable, so reading it needs no exclusivity check).
final class RegionSetup: Sendable {
    let model: ModelParameters
    let region: RegionParameters
    let regionIndex: Int
    /// The region's policy (a stored copy, so reading a field of it copies nothing).
    let policy: PolicyParameters
    let curve: LearningCurve
    /// Working days of each month and the dates they fall on.
    let clock: WorkingClock
    /// The no-training periods in working time.
    let trainingBlocks: [TrainingBlock]
    /// Each unit's away cap: its own, or the policy's.
    let awayCap: PerUnit<Double>
    /// The Lebaran window in working time (``CounterMeasure/lebaranWaitDays``), where each counter's Lebaran wait is measured.
    let lebaranSpans: [Range<Double>]
    let domainCount: Int
    /// A weight of 1 for every domain: the needs value without complaint weighting.
    let evenWeights: [Double]
    /// Where the region's series are written (``ResultLayout``).
    let layout: ResultLayout
    /// The first simulated month (from January of the start year): months before it stay empty.
    let firstMonth: Int
    /// How newcomers spread over units: the roster's unit sizes when the region has one, else the units' shares.
    let hireUnitWeights: [Double]

    /// The domain whose competency sets handling time and resolution (role `citizenService`), if any.
    let serviceDomain: Int?
    /// Domains whose competency sets how projects slip (role `projectManagement`).
    let managerialDomains: [Int]
    /// Who may attend each programme.
    let programmeEligibility: PerProgramme<ProgrammeEligibility>
    /// Share of latent knowledge kept a month, and experienced staff's on-the-job gain a month per
    /// level of headroom, `[unit * domains + domain]` (both follow the unit's usage of the domain).
    let latentKeep: [Double]
    let experienceRate: [Double]
    /// Learning outside the budget as the region's staff meet it: rates, completion, gains.
    let externalLearning: ExternalLearningTerms

    init(model: ModelParameters, regionIndex: Int, layoutShuffle: UInt64? = nil) {
        self.model = model
        self.regionIndex = regionIndex
        let region = model.regions[regionIndex]
        self.region = region
        policy = region.policy
        curve = LearningCurve(model.learning, leadershipSupport: region.policy.leadershipSupport)
        let clock = WorkingClock(model.simulation)
        self.clock = clock
        trainingBlocks = region.policy.noTraining.flatMap { TrainingBlock.blocks($0, units: region.units, clock: clock) }
        awayCap = PerUnit(region.units.map { $0.maxAwayShare ?? region.policy.maxAwayShare })
        let lebaran = CounterMeasure.lebaranWaitDays
        lebaranSpans = CalendarPeriod.named(.lebaran, daysBefore: lebaran.before, daysAfter: lebaran.after).spans(on: clock)
        domainCount = model.domains.count
        evenWeights = [Double](repeating: 1, count: model.domains.count)
        layout = ResultLayout(
            catalogue: RegionCatalogue(model, region: regionIndex), model: model, region: regionIndex, shuffledBy: layoutShuffle)
        serviceDomain = model.citizenServiceDomain
        managerialDomains = model.projectManagementDomains
        let units = region.units
        let curve = curve
        latentKeep = units.flatMap { unit in unit.usage.map { curve.monthlyLatentKeep(usage: $0) } }
        experienceRate = units.flatMap { unit in unit.usage.map { model.learning.experience.monthlyRate(usage: $0) } }
        programmeEligibility = PerProgramme(
            model.programmes.map { programme in
                let admitted = units.map { programme.eligibleUnits.isEmpty || programme.eligibleUnits.contains($0.id) }
                return ProgrammeEligibility(programme, units: PerUnit(admitted))
            })
        externalLearning = ExternalLearningTerms(model, region: region)
        firstMonth = model.simulation.firstMonth
        // Newcomers are spread as the starting staff are: a roster's units by its rows.
        hireUnitWeights = region.roster == nil ? region.units.map(\.headcountShare) : region.startingUnitSizes.map(Double.init)
    }
}
