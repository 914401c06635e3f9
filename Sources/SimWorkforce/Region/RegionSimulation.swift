import SimCore

/// One region of one replication: the ASN workforce, its training, its citizen-service channels
/// and projects, as a discrete-event model on the kernel (MODEL.md §2–9).
///
/// Events: the start of each month (which runs fiscal-year planning, shocks, the monthly dynamics,
/// the award, forums and evaluations in that order), invitations, session starts and ends, hires,
/// and citizen requests. `RegionSimulation` is not thread-safe; make one per replication.
public struct RegionSimulation: DiscreteEventModel {
    public enum Event: BitwiseCopyable {
        case monthStart(Int32)
        case invite(Int32)
        case sessionStart(Int32)
        case sessionEnd(Int32)
        case hire(Int32)
        case promote(level: Int32, unit: Int32)
        case serviceDay(Int32)
        case workplacePartEnd(employee: Int32, programme: Int32)
    }

    public var calendar = EventCalendar<Event>(reservingCapacity: 256)
    /// What does not change during the run, held once by reference. The simulation is a value
    /// type mutated in place; keeping its constants out of it keeps it small, so the compiler's
    /// copies of `self` (for a non-mutating call from a mutating one) cost a few hundred bytes,
    /// not kilobytes.
    let setup: RegionSetup
    var model: ModelParameters { setup.model }
    var region: RegionParameters { setup.region }
    var regionIndex: Int { setup.regionIndex }
    var policy: PolicyParameters { setup.policy }
    var curve: LearningCurve { setup.curve }
    var clock: WorkingClock { setup.clock }
    var trainingBlocks: [TrainingBlock] { setup.trainingBlocks }
    var awayCap: PerUnit<Double> { setup.awayCap }
    var lebaranSpans: [Range<Double>] { setup.lebaranSpans }
    var domainCount: Int { setup.domainCount }
    var evenWeights: [Double] { setup.evenWeights }
    var firstMonth: Int { setup.firstMonth }
    var hireUnitWeights: [Double] { setup.hireUnitWeights }
    var serviceDomain: Int? { setup.serviceDomain }
    var managerialDomains: [Int] { setup.managerialDomains }
    var programmeEligibility: PerProgramme<ProgrammeEligibility> { setup.programmeEligibility }

    var workforce: Workforce
    var programmes: PerProgramme<ProgrammeState>
    var sessions = Column<SessionTable, Session>()
    var channels: [ServiceChannel] = []
    /// Events fired so far that may change the staff of any unit (month starts), and per unit,
    /// changes to its staff by events that touch few units (a session changes its attendees' duty,
    /// competency and motivation; a hire or a promotion changes who is in a unit): the analytic
    /// staff sums are worked out again only when either moved.
    var eventsFired = 0
    /// Each employee's handler terms, kept with what they were worked out from (``handlerTerms(_:)``).
    var handlerMemo = PerEmployee<HandlerTerms>()
    var projects: [Project] = []

    var streams: RegionStreams

    // Time and rules in force
    var month = 0
    /// Required level now, `[domain * jobLevels + level]`.
    var required: [Double]

    /// Who is in each unit and at work.
    var roster: UnitRoster
    /// The employees currently off duty (or partly so, for e-learning), in staff-equivalents.
    var offDutyEquivalent: TimeWeightedAverage
    var offDutyAreaAtMonthStart = 0.0

    var funds: TrainingFunds
    /// Recruitment owed but not yet a whole person (a share of leavers is replaced).
    var pendingHires = 0.0
    /// Each employee's JP in the last fiscal year (for the IP ASN proxy's rolling 12 months).
    var jpLastYear = PerEmployee<Double>()
    /// Citizen complaints attributed to each domain since the start (complaint-weighted needs).
    var complaintsByDomain: [Double]
    /// Forums held so far; the forum domains take turns.
    var forumsHeld = 0
    /// Index of the first session placed this fiscal year.
    var firstSessionThisYear = SessionIndex(0)

    // Counters
    var thisMonth = MonthTally()
    /// The region's service month: complaint resolution times as they come, the counters' tallies added at month end.
    var service = ServiceTally()
    var projectTally = ProjectTally()
    var programmeTally: ProgrammeTally
    /// Competency gained since the start, in levels (for the cost per competency point).
    var gainTotalLevels = 0.0

    public internal(set) var result: RegionResult

    /// Builds the region's workforce from its distributions and schedules the first month.
    ///
    /// - Parameter layoutShuffle: tests only: write the results in shuffled slots (``ResultLayout``).
    public init(model: ModelParameters, regionIndex: Int, seed: UInt64, replication: Int, layoutShuffle: UInt64? = nil) {
        setup = RegionSetup(model: model, regionIndex: regionIndex, layoutShuffle: layoutShuffle)
        let region = setup.region
        programmeTally = ProgrammeTally(programmeCount: model.programmes.count)
        funds = TrainingFunds(programmes: model.programmes, region: model.regions[regionIndex].id)
        result = RegionResult(region: region.id, layout: setup.layout, months: model.months)
        streams = RegionStreams(seed: seed, replication: replication, region: region.id)
        workforce = Workforce(
            domainCount: model.domains.count, programmeCount: model.programmes.count, sourceCount: model.externalLearning.count)
        let effects = ProgrammeState.effects(model, seed: seed, replication: replication)
        programmes = PerProgramme(
            zip(model.programmes, effects).map { ProgrammeState(mode: $0.mode, trueEffect: $1.truth, expectedEffect: $1.expected) })
        let levels = JobLevel.allCases.count
        required = [Double](repeating: 0, count: model.domains.count * levels)
        for (d, domain) in model.domains.enumerated() {
            for level in 0..<levels { required[d * levels + level] = domain.requiredLevel[level] }
        }
        roster = UnitRoster(unitCount: region.units.count)
        complaintsByDomain = [Double](repeating: 0, count: model.domains.count)
        offDutyEquivalent = TimeWeightedAverage(value: 0, at: .zero)
        let start = clock.monthStart[firstMonth]
        // A warm-up runs the counters before the start; nothing else happens in it.
        calendar = EventCalendar(reservingCapacity: 256, startingAt: SimTime(workingDays: start - warmUpDays))
        for m in 0..<firstMonth { for slot in 0..<setup.layout.count { result[slot: slot, m] = .nan } }
        generateWorkforce()
        openChannels()
        calendar.schedule(.monthStart(Int32(firstMonth)), at: SimTime(workingDays: start))
    }

    /// Working days the counters run before the start (per-request fidelity only).
    var warmUpDays: Double { model.simulation.serviceFidelity == .perRequest ? model.simulation.warmUpDays : 0 }

    // MARK: - Running

    /// Runs the whole horizon and returns the region's monthly results.
    public mutating func runToHorizon() -> RegionResult {
        let horizon = SimTime(workingDays: clock.horizonDays)
        run(until: horizon)
        if perRequest { advanceChannels() }
        closeMonth(model.months - 1)
        return result
    }

    public mutating func fire(_ event: Event) {
        // The counters run on their own clocks up to every event that may change them.
        if perRequest { advanceChannels() }
        // An invitation changes no one's duty, competency or motivation (an acceptance only books
        // a seat), nor does a workplace part's end (JP and time at work); sessions, hires and
        // promotions count their change in the roster (``UnitRoster/staffChanges``).
        switch event {
        case .invite, .serviceDay, .workplacePartEnd, .sessionStart, .sessionEnd, .hire, .promote: break
        case .monthStart: eventsFired &+= 1
        }
        switch event {
        case .monthStart(let m): startMonth(Int(m))
        case .invite(let s): invite(session: SessionIndex(Int(s)))
        case .sessionStart(let s): startSession(SessionIndex(Int(s)))
        case .sessionEnd(let s): endSession(SessionIndex(Int(s)))
        case .hire(let count): hire(Int(count))
        case .promote(let level, let unit): fillVacancy(JobLevel(rawValue: Int(level)) ?? .pengawas, in: UnitIndex(Int(unit)))
        case .serviceDay(let day): serviceDay(Int(day))
        case .workplacePartEnd(let e, let p): endWorkplacePart(EmployeeIndex(Int(e)), programme: ProgrammeIndex(Int(p)))
        }
    }

    // MARK: - Monthly cycle

    mutating func startMonth(_ m: Int) {
        if m > firstMonth { closeMonth(m - 1) } else { openRun() }
        month = m
        appointIntakes(inMonth: m)
        let calendarMonth = (model.startYear * 12 + m) % 12
        if calendarMonth == 0 || m == firstMonth { startFiscalYear() }
        if calendarMonth % 3 == 0 { funds.release(quarter: calendarMonth / 3, shares: region.budget.quarterShares) }
        applyShocks(startingIn: model.startYear * 12 + m)
        monthlyDynamics()
        refreshUnitServiceCompetency()
        if policy.award.enabled && calendarMonth == policy.award.month - 1 { holdAward() }
        let sinceStart = m - firstMonth
        if policy.forums.enabled && sinceStart % policy.forums.everyMonths == 0 { holdForums() }
        if !model.externalLearning.isEmpty { takeExternalLearning() }
        if policy.evaluation.enabled && sinceStart > 0 && sinceStart % policy.evaluation.everyMonths == 0 { evaluateProgrammes() }
        if calendarMonth % 3 == 0 && calendarMonth != 0 && m != firstMonth { planYear() }
        calendar.schedule(.monthStart(Int32(m + 1)), at: SimTime(workingDays: clock.monthStart[m + 1]))
    }

    /// Opens a fiscal year: in January, or in the start month, part-way through the year, with
    /// the JP already done kept, the quarters already released and the start state's spending
    /// and booked sessions (MODEL.md §5; docs/roster.md, Your records).
    mutating func startFiscalYear() {
        let yearIndex = month / 12
        let calendarMonth = (model.startYear * 12 + month) % 12
        if calendarMonth == 0 {
            for e in workforce.indices { jpLastYear[e] = workforce.jpThisYear[e] }
            workforce.openJPYear()
        }
        firstSessionThisYear = sessions.endIndex
        funds.openYear(
            baseRupiah: region.budget.rupiahPerYear, multiplier: budgetMultiplier(atMonth: model.startYear * 12 + month),
            carryOver: region.budget.carryOver && month > firstMonth)
        for p in programmes.indices {
            programmes[p].sessionsThisYear = 0
        }
        if month == firstMonth {
            // Quarters before the start month's own were released before the start.
            for quarter in 0..<((calendarMonth + 2) / 3) {
                funds.release(quarter: quarter, shares: region.budget.quarterShares)
            }
            funds.spentBeforeStart(region.startState.budgetSpentRupiah)
            bookSessions(region.startState.bookedSessions)
        }
        if policy.participatory && calendarMonth == 0 {
            // Staff time spent on a participatory needs analysis, spread over January.
            let staffDays = Double(activeCount) * policy.participatoryHoursPerEmployee / model.hoursPerWorkingDay
            thisMonth.extraStaffDays += staffDays
        }
        planYear()
        startProjects(year: yearIndex, shareOfYear: Double(12 - calendarMonth) / 12)
    }

    var activeCount: Int { roster.totalHeadcount }

    /// Whether a shock suspends `mode` in month `m` (from the start) in this region.
    func isSuspended(_ mode: Mode, inMonth m: Int) -> Bool {
        model.shocks.contains { shock in
            guard case .suspendMode(let suspended) = shock.kind, suspended == mode else { return false }
            return shock.applies(atMonth: model.startYear * 12 + m, region: regionIndex)
        }
    }

    func budgetMultiplier(atMonth absoluteMonth: Int) -> Double {
        var multiplier = 1.0
        for shock in model.shocks where shock.applies(atMonth: absoluteMonth, region: regionIndex) {
            if case .budgetCut(let share) = shock.kind {
                multiplier *= 1 - share
            }
        }
        return multiplier
    }

    mutating func applyShocks(startingIn absoluteMonth: Int) {
        for shock in model.shocks where shock.region == nil || shock.region == regionIndex {
            let inWindow = shock.applies(atMonth: absoluteMonth, region: regionIndex)
            switch shock.kind {
            case .suspendMode(let mode):
                if inWindow && shock.fromMonth == absoluteMonth {
                    // Only the sessions that would run inside the window: those after it stand.
                    let first = shock.fromMonth - model.startYear * 12
                    let last = (shock.toMonth ?? Int.max / 2) - model.startYear * 12
                    let clock = clock
                    cancelPlannedSessions { $0.mode == mode && $0.months(on: clock).overlaps(first...last) }
                }
            case .budgetCut(let share):
                // A cut that starts mid-year removes that share of what is left of the year's budget.
                if shock.fromMonth == absoluteMonth && absoluteMonth % 12 != 0 {
                    funds.cutRemaining(share: share)
                    trimPlanToBudget()
                }
            case .requirementJump(let domain, let levels):
                if shock.fromMonth == absoluteMonth {
                    for level in 0..<JobLevel.allCases.count { required[domain * JobLevel.allCases.count + level] += levels }
                }
            }
        }
    }

    /// Relapse, decay, ramp-up, requirement drift, motivation, ageing, exits and projects.
    mutating func monthlyDynamics() {
        let learning = model.learning
        let levels = JobLevel.allCases.count
        for (d, domain) in model.domains.enumerated() where month > firstMonth {
            for level in 0..<levels { required[d * levels + level] += domain.requirementDriftPerYear / 12 }
        }
        var rules = MonthRules(
            domainCount: domainCount,
            latentKeep: setup.latentKeep,
            experienceRate: setup.experienceRate,
            curve: curve,
            awardKeep: exp2(-1 / policy.award.fadeHalfLifeMonths),
            motivationBaseline: clamp(region.motivation.mean + model.motivation.supportBaselineGain * policy.leadershipSupport, 0, 1),
            crowdingOutLevels: policy.incentive.enabled ? policy.incentive.crowdingOutSD * region.motivation.sd : 0,
            crowdingOutHalfLifeMonths: policy.incentive.crowdingOutHalfLifeMonths,
            month: Double(month),
            motivationAdjustment: model.motivation.monthlyAdjustment,
            workloadPenalty: model.motivation.workloadPenalty,
            workloadThreshold: model.participation.workloadThreshold,
            rampKeepAlone: exp(-1 / learning.rampUp.timeConstantMonths),
            rampKeepPeers: exp(-1 / (learning.rampUp.timeConstantMonths * learning.rampUp.peerFactor)),
            ramp: learning.rampUp,
            exitChance: 1 - pow(1 - region.retirement.otherExitRatePerYear, 1.0 / 12),
            units: UnitMonthCounts(roster: roster, baseWorkload: region.units.map(\.workload), awayCap: awayCap.storage))
        rules.measureExperienced(workforce)
        let leavers = workforce.passMonth(rules, exits: &streams.exits)
        for leaver in leavers {
            removeEmployee(leaver.employee)
            if leaver.retired { thisMonth.retired += 1 } else { thisMonth.otherExits += 1 }
        }
        if !leavers.isEmpty {
            let active = workforce.active  // read apart from `self`, so the closure does not copy the simulation
            // Only the leavers' units have members to prune (this pass is the only way out).
            var units = PerUnit<Bool>(repeating: false, count: roster.count)
            for leaver in leavers { units[workforce.unit[leaver.employee]] = true }
            workforce.dropLeavers(leavers.count)
            roster.pruneMembers(of: units) { active[$0] }
            pendingHires += Double(leavers.count) * region.recruitment.replaceShare
            let count = Int(pendingHires.rounded(.down))
            if count > 0 {
                pendingHires -= Double(count)
                calendar.schedule(
                    .hire(Int32(count)), after: SimDuration(workingDays: region.recruitment.lagMonths * clock.meanDaysPerMonth))
            }
        }
        progressProjects()
    }

    // MARK: - Month-end metrics

    mutating func closeMonth(_ m: Int) {
        let monthEnd = SimTime(workingDays: clock.monthStart[m + 1])
        let sums = workforce.monthEndSums(
            required: required, targetJP: policy.targetJPPerYear, jpLastYear: jpLastYear,
            monthOfYear: Double((model.startYear * 12 + m) % 12), ip: model.ipASN)
        let n = Double(max(sums.active, 1))
        result[.competencyMean, m] = sums.competency / Double(max(sums.pairs, 1))
        result[.competencyShareAtStandard, m] = sums.assessed > 0 ? Double(sums.atStandard) / Double(sums.assessed) : .nan
        result[.competencyGapMean, m] = sums.gap / Double(max(sums.pairs, 1))
        result[.staffAtStandard, m] = Double(sums.staffAtStandard)
        recordJP(sums, month: m)
        result[.ipASNProxy, m] = sums.ip / n
        result[.motivationMean, m] = sums.motivation / n
        for d in 0..<domainCount {
            result[slot: result.slot(domain: d, .mean), m] = sums.domain[d] / n
            result[slot: result.slot(domain: d, .shareAtStandard), m] =
                sums.domainAssessed[d] > 0 ? Double(sums.domainAtStandard[d]) / Double(sums.domainAssessed[d]) : .nan
        }
        recordFlowsMonth(m, monthEnd: monthEnd)
        recordWorkforceMonth(m, sums)
        recordServiceMonth(m, monthEnd: monthEnd)
        thisMonth.reset()
    }

    /// What happened in the month: participation, time away, money, gains, projects, programmes.
    mutating func recordFlowsMonth(_ m: Int, monthEnd: SimTime) {
        result[.invited, m] = Double(thisMonth.invited)
        result[.accepted, m] = Double(thisMonth.accepted)
        result[.completed, m] = Double(thisMonth.completed)
        result[.droppedOut, m] = Double(thisMonth.droppedOut)
        result[.cutForMoney, m] = Double(thisMonth.cutForMoney)
        let offDutyArea = offDutyEquivalent.area(upTo: monthEnd)
        result[.staffDaysOffDuty, m] = offDutyArea - offDutyAreaAtMonthStart + thisMonth.extraStaffDays
        offDutyAreaAtMonthStart = offDutyArea
        result[.budgetSpentRupiah, m] = thisMonth.spentRupiah
        result[.budgetUnspentRupiah, m] = funds.regionAvailableRupiah
        result[.budgetOutsideRupiah, m] = thisMonth.outsideRupiah
        gainTotalLevels += thisMonth.gainLevels
        result[.costPerCompetencyPointRupiah, m] = gainTotalLevels > 0 ? funds.regionSpentTotalRupiah / gainTotalLevels : .nan
        result[.trainingGainLevels, m] = thisMonth.gainLevels
        result[.projectsCompleted, m] = Double(thisMonth.projectsCompleted)
        result[.projectsOverrunRupiah, m] = thisMonth.projectOverrunRupiah
        // Undefined (NaN, written empty) until a project has finished.
        result[.projectsOnTimeShare, m] = projectTally.completed > 0 ? Double(projectTally.onTime) / Double(projectTally.completed) : .nan
        result[.projectsMeanDelayMonths, m] =
            projectTally.completed > 0 ? projectTally.delayMonthsSum / Double(projectTally.completed) : .nan
        result[.projectsMeanOverrunShare, m] =
            projectTally.completed > 0 ? projectTally.overrunShareSum / Double(projectTally.completed) : .nan
        for p in model.programmes.indices {
            for measure in ProgrammeMeasure.allCases { result[slot: result.slot(programme: p, measure), m] = programmeTally[p, measure] }
        }
        programmeTally.reset()
    }

    /// Counts a breach of the model's constraints (none in a correct run).
    mutating func record(_ breach: Breach) { result.breaches[breach.rawValue] += 1 }

    /// Charges `rupiah` to the fund in `slot` (the common budget unless a programme's own) and to
    /// this month's spending: the region's, or outside it.
    mutating func spend(_ rupiah: Double, slot: Int = 0) {
        if !funds.charge(rupiah, slot: slot) { record(.budgetOverspent) }
        if funds.isRegion(slot) { thisMonth.spentRupiah += rupiah } else { thisMonth.outsideRupiah += rupiah }
    }
}

extension RegionSimulation {
    /// Who the region has and who owes what (MODEL.md §9): headcount, flows, age, promotions, Latsar.
    mutating func recordWorkforceMonth(_ m: Int, _ sums: MonthEndSums) {
        let active = sums.active
        let n = Double(max(active, 1))
        result[.headcount, m] = Double(active)
        result[.retirements, m] = Double(thisMonth.retired)
        result[.otherExits, m] = Double(thisMonth.otherExits)
        result[.hires, m] = Double(thisMonth.hired)
        result[.intakeCPNS, m] = Double(thisMonth.intakeCPNS)
        result[.intakePPPK, m] = Double(thisMonth.intakePPPK)
        result[.retirementRate, m] = Double(thisMonth.retired) * 12 / n
        result[.age51PlusShare, m] = Double(sums.aged51Plus) / n
        result[.latsarStarted, m] = Double(thisMonth.latsarStarted)
        result[.latsarCompleted, m] = Double(thisMonth.latsarCompleted)
        result[.latsarOverdue, m] = Double(sums.latsarOverdue)
        result[.budgetMandatoryRupiah, m] = thisMonth.mandatoryRupiah
        result[.structuralPosts, m] = Double(sums.structural)
        result[.promotions, m] = Double(thisMonth.promoted)
        result[.vacanciesUnfilled, m] = Double(thisMonth.vacanciesUnfilled)
        result[.promotionTrainingOwed, m] = Double(sums.promotionTrainingOwed)
    }
}
