import SimCore

/// Who works in the region: the workforce at the start, appointments, and leaving (MODEL.md §2, §9).
extension RegionSimulation {
    // MARK: - The workforce at the start

    /// Builds the region's staff: the roster's rows, and the units it does not cover (all units
    /// without a roster) drawn from the distributions, unit sizes by largest remainder (the same
    /// in every replication), then per person a post, employment, BUP, age, tenure, education,
    /// competency and motivation.
    mutating func generateWorkforce() {
        var sizes = region.startingUnitSizes
        // The starting staff and, at a guess, the hires of the horizon (a quarter more).
        workforce.reserveCapacity(sizes.reduce(0, +) * 5 / 4)
        if let roster = region.roster {
            takeWorkforce(from: roster)
            if let covers = region.rosterCovers {
                for u in covers { sizes[u] = 0 }
                drawWorkforce(unitSizes: sizes)
            }
        } else {
            drawWorkforce(unitSizes: sizes)
            markLastFormasi(region.startState.cpnsOwingLatsar)
        }
        jpLastYear = PerEmployee(repeating: 0, count: workforce.count)
    }

    /// Draws `unitSizes[u]` people for each unit `u` from the region's distributions.
    mutating func drawWorkforce(unitSizes sizes: [Int]) {
        let levels = JobLevel.allCases.count
        let domains = domainCount
        // Read once, not per person: the region's parameters and each level's mean starting level per domain.
        let parameters = region
        let spread = model.learning.cohortSpreadSD
        let targets = (0..<levels).flatMap { level in
            (0..<domains).map { d in required[d * levels + level] - model.domains[d].initialGapLevels - parameters.initialGapLevels }
        }
        for (unit, size) in sizes.enumerated() {
            for _ in 0..<size {
                let level = JobLevel(rawValue: streams.population.categorical(weights: parameters.jobLevelShares)) ?? .pelaksana
                let education = Education(rawValue: streams.population.categorical(weights: parameters.educationShares)) ?? .s1
                let pppk = streams.population.bernoulli(parameters.pppkShare)
                let retirementAge = drawRetirementAge(level)
                let age = drawStartingAge(below: retirementAge)
                let tenure = drawStartingTenureMonths(ageYears: age, isPPPK: pppk)
                var competency = [Double](repeating: 0, count: domains)
                for d in 0..<domains {
                    competency[d] = clamp(streams.population.normal(mean: targets[level.rawValue * domains + d], sd: spread), 1, 5)
                }
                let motivation = clamp(streams.population.normal(mean: parameters.motivation.mean, sd: parameters.motivation.sd), 0, 1)
                _ = addEmployee(
                    Employee(
                        unit: UnitIndex(unit), jobLevel: level, isPPPK: pppk, education: education, ageYears: age,
                        retirementAgeYears: retirementAge, tenureMonths: tenure, competency: competency,
                        motivation: motivation, owesLatsar: false, isCPNS: false))
            }
        }
    }

    /// Makes the `count` PNS with the shortest service (ties by employee number) the last
    /// formasi's CPNS, who owe Latsar; their service is at most 11 months, as a CPNS's is. No
    /// draw is made, so the rest of the replication draws alike.
    mutating func markLastFormasi(_ count: Int) {
        guard count > 0 else { return }
        let pns = workforce.indices.filter { !workforce.isPPPK[$0] }
        let youngest = pns.sorted { (workforce.tenureMonths[$0], $0) < (workforce.tenureMonths[$1], $1) }.prefix(count)
        for e in youngest {
            workforce.isCPNS[e] = true
            workforce.owesLatsar[e] = true
            workforce.tenureMonths[e] = min(workforce.tenureMonths[e], 11)
        }
    }

    /// The region's own staff, one employee per roster row in file order; what the roster leaves
    /// out is drawn as for a synthetic workforce, in the same order for every person (so the
    /// draws are the same in every scenario of a replication).
    mutating func takeWorkforce(from roster: Roster) {
        let levels = JobLevel.allCases.count
        for i in 0..<roster.count {
            let level = roster.jobLevel[i]
            let status = roster.status[i]
            let pppk = status == .pppk
            let retirementAge = roster.retirementAgeYears[i].isNaN ? drawRetirementAge(level) : roster.retirementAgeYears[i]
            let age = roster.ageYears[i].isNaN ? drawStartingAge(below: retirementAge) : roster.ageYears[i]
            let tenure = roster.tenureMonths[i].isNaN ? drawStartingTenureMonths(ageYears: age, isPPPK: pppk) : roster.tenureMonths[i]
            let education =
                roster.education[i] ?? Education(rawValue: streams.population.categorical(weights: region.educationShares)) ?? .s1
            var competency = [Double](repeating: 0, count: domainCount)
            for d in 0..<domainCount {
                let given = roster.competency[i * domainCount + d]
                let target = required[d * levels + level.rawValue] - model.domains[d].initialGapLevels - region.initialGapLevels
                competency[d] =
                    given.isNaN ? clamp(streams.population.normal(mean: target, sd: model.learning.cohortSpreadSD), 1, 5) : given
            }
            let motivation = clamp(streams.population.normal(mean: region.motivation.mean, sd: region.motivation.sd), 0, 1)
            let e = addEmployee(
                Employee(
                    unit: UnitIndex(roster.unit[i]), jobLevel: level, isPPPK: pppk, education: education, ageYears: age,
                    retirementAgeYears: retirementAge, tenureMonths: tenure, competency: competency,
                    motivation: motivation, owesLatsar: roster.owesLatsar[i], isCPNS: status == .cpns))
            workforce.jpThisYear[e] = roster.jpThisYear[i]
        }
    }

    /// BUP of a post: by job level, and for functional posts by jenjang (drawn from the senior shares).
    mutating func drawRetirementAge(_ level: JobLevel) -> Double {
        let retirement = region.retirement
        guard level == .fungsional else { return retirement.ageByJobLevel[level.rawValue] }
        let u = streams.population.uniform()
        if u < retirement.fungsionalUtamaShare { return retirement.fungsionalUtamaAgeYears }
        if u < retirement.fungsionalUtamaShare + retirement.fungsionalMadyaShare { return retirement.fungsionalMadyaAgeYears }
        return retirement.ageByJobLevel[level.rawValue]
    }

    /// An age from the region's profile, among the bands that start below the post's BUP, uniform
    /// within the band up to the BUP. Uniform ages near the BUP spread retirements evenly over the
    /// months; a distribution cut at the BUP would pile people on it and empty the offices in month 0.
    mutating func drawStartingAge(below retirementAge: Double) -> Double {
        let bands = region.age.bands
        let band = bands[streams.population.categorical(weights: bands.lazy.map { $0.from < retirementAge ? $0.share : 0 })]
        return streams.population.uniform(band.from, min(band.to, retirementAge))
    }

    /// Months of service at the start: a PNS was appointed between 22 and the latest entry age; a
    /// PPPK at most since the first PPPK appointments.
    mutating func drawStartingTenureMonths(ageYears: Double, isPPPK: Bool) -> Double {
        if isPPPK {
            let maxYears = max(0, min(ageYears - 22, Double(model.startYear) - region.age.pppkFirstYear))
            return streams.population.uniform(0, maxYears) * 12
        }
        let latestEntry = min(region.age.pnsEntryAgeMaxYears, ageYears)
        guard latestEntry > 22 else { return 0 }
        return (ageYears - streams.population.uniform(22, latestEntry)) * 12
    }

    // MARK: - Joining and leaving

    mutating func addEmployee(_ person: Employee) -> EmployeeIndex {
        let e = workforce.append(person)
        roster.join(e, unit: person.unit, off: person.partTimeOff)
        if jpLastYear.count < workforce.count { jpLastYear.append(0) }
        return e
    }

    mutating func removeEmployee(_ e: EmployeeIndex) {
        workforce.active[e] = false
        let unit = workforce.unit[e]
        roster.leave(unit: unit, wasAway: workforce.offDuty[e], off: workforce.partTimeOff[e])
        updateServers(unit: unit)
        let level = workforce.jobLevel[e]
        if region.recruitment.promoteIntoVacancies && level.promotedFrom != nil {
            calendar.schedule(
                .promote(level: Int32(level.rawValue), unit: unit.eventPayload),
                after: SimDuration(workingDays: region.recruitment.promotionLagMonths * clock.meanDaysPerMonth))
        }
    }

    // MARK: - Promotion

    /// Fills a vacant structural post by promotion, down the ladder: each promotion leaves a post
    /// one level lower, filled the same way, until an entry post that intake fills (MODEL.md §9).
    mutating func fillVacancy(_ vacant: JobLevel, in unit: UnitIndex) {
        var level = vacant
        var unit = unit
        while let below = level.promotedFrom {
            guard let e = promotionCandidate(from: below, preferring: unit) else {
                thisMonth.vacanciesUnfilled += 1
                return
            }
            let previousUnit = workforce.unit[e]
            promote(e, to: level, in: unit)
            level = below
            unit = previousUnit
        }
    }

    /// The longest-serving PNS on duty at `level` (ties to the lower number), in `unit` if it has
    /// one, else anywhere in the region; never someone in training or booked on a session, nor
    /// someone who still owes a mandated programme.
    func promotionCandidate(from level: JobLevel, preferring unit: UnitIndex) -> EmployeeIndex? {
        func best(in people: some Sequence<EmployeeIndex>) -> EmployeeIndex? {
            var chosen: EmployeeIndex?
            // The level first: it rules out most people.
            for e in people
            where workforce.jobLevel[e] == level && workforce.active[e] && !workforce.isPPPK[e]
                && !workforce.offDuty[e] && workforce.bookedUntil[e] < now.workingDays
                && !workforce.owesLatsar[e] && !workforce.owesPromotionTraining[e]
            {
                if let c = chosen,
                    workforce.tenureMonths[c] > workforce.tenureMonths[e]
                        || (workforce.tenureMonths[c] == workforce.tenureMonths[e] && c < e)
                {
                    continue
                }
                chosen = e
            }
            return chosen
        }
        return best(in: roster.members[unit]) ?? best(in: workforce.activeIndices)
    }

    mutating func promote(_ e: EmployeeIndex, to level: JobLevel, in unit: UnitIndex) {
        let from = workforce.unit[e]
        if from == unit { roster.staffChanged(unit) }  // a new post, the same unit
        if from != unit {
            roster.transfer(e, from: from, to: unit, off: workforce.partTimeOff[e])
            workforce.unit[e] = unit
            updateServers(unit: from)
            updateServers(unit: unit)
        }
        workforce.jobLevel[e] = level
        workforce.retirementAgeYears[e] = max(workforce.retirementAgeYears[e], region.retirement.ageByJobLevel[level.rawValue])
        workforce.owesPromotionTraining[e] = model.programmes.contains { $0.mandatoryOnPromotion && $0.eligibleJobLevels[level.rawValue] }
        thisMonth.promoted += 1
    }

    /// Appoints `count` newcomers at entry posts (pelaksana or junior functional), CPNS or PPPK
    /// by the recruitment plan, to replace leavers.
    mutating func hire(_ count: Int) {
        var stream = streams.hires
        for _ in 0..<count {
            appoint(newcomer(isPPPK: nil, unitWeights: hireUnitWeights, drawingFrom: &stream))
            thisMonth.hired += 1
        }
        streams.hires = stream
    }

    /// Appoints the dated intakes of month `m` (``Intake``), from a stream of their own so the
    /// replacement of leavers draws the same numbers with or without them.
    mutating func appointIntakes(inMonth m: Int) {
        for intake in region.intake where intake.month == model.startYear * 12 + m {
            let weights = intake.unitWeights.isEmpty ? hireUnitWeights : intake.unitWeights
            var stream = streams.intake
            for _ in 0..<intake.people {
                var person = newcomer(isPPPK: intake.isPPPK, unitWeights: weights, drawingFrom: &stream)
                if intake.isPartTime { person.partTimeOff = 1 - region.recruitment.partTimeDutyShare }
                appoint(person)
            }
            streams.intake = stream
            if intake.isPPPK { thisMonth.intakePPPK += intake.people } else { thisMonth.intakeCPNS += intake.people }
        }
    }

    /// One newcomer at an entry post: CPNS or PPPK as given, else by the recruitment plan. CPNS
    /// owe Latsar; PPPK owe a newcomer programme only if the scenario has one that admits them.
    func newcomer(isPPPK: Bool?, unitWeights: [Double], drawingFrom stream: inout RandomStream) -> Employee {
        let levels: [JobLevel] = [.pelaksana, .fungsional]
        let recruitment = region.recruitment
        let level = levels[stream.categorical(weights: levels.map { region.jobLevelShares[$0.rawValue] })]
        let unit = UnitIndex(stream.categorical(weights: unitWeights))
        let pppk = isPPPK ?? stream.bernoulli(recruitment.pppkShare)
        var competency = [Double](repeating: 0, count: domainCount)
        for d in 0..<domainCount {
            competency[d] = clamp(stream.normal(mean: model.learning.rampUp.newcomerLevel, sd: recruitment.competencySD), 1, 5)
        }
        let retirementAge = region.retirement.ageByJobLevel[level.rawValue]
        let meanAge = pppk ? recruitment.pppkAgeYears : recruitment.cpnsAgeYears
        let age = clamp(stream.normal(mean: meanAge, sd: recruitment.ageSDYears), 18, retirementAge - 1)
        let education: Education = stream.bernoulli(recruitment.degreeShare) ? .s1 : .diploma
        let motivation = clamp(stream.normal(mean: region.motivation.mean + recruitment.motivationLift, sd: region.motivation.sd), 0, 1)
        let owes = !pppk || model.programmes.contains { $0.mandatoryForNewcomers && $0.employment.admits(isPPPK: true) }
        return Employee(
            unit: unit, jobLevel: level, isPPPK: pppk, education: education, ageYears: age, retirementAgeYears: retirementAge,
            tenureMonths: 0, competency: competency, motivation: motivation, owesLatsar: owes, isCPNS: !pppk)
    }

    mutating func appoint(_ person: Employee) {
        _ = addEmployee(person)
        updateServers(unit: person.unit)
    }
}

/// One member of the staff as the model holds them, without anything personal: for synthetic
/// rosters and for checking that a roster was taken as written.
public struct StaffRecord: Sendable, Equatable {
    public var unit: Int
    public var jobLevel: JobLevel
    public var status: EmploymentStatus
    public var retirementAgeYears: Double
    public var ageYears: Double
    public var tenureMonths: Double
    public var education: Education
    /// Applied competency per domain, 1–5.
    public var competency: [Double]
    public var jpThisYear: Double
    public var owesLatsar: Bool
}

extension RegionSimulation {
    /// The region's staff now, in employee order (leavers left out).
    public var staff: [StaffRecord] {
        workforce.indices.filter { workforce.active[$0] }.map { e in
            StaffRecord(
                unit: workforce.unit[e].rawValue, jobLevel: workforce.jobLevel[e],
                status: workforce.isPPPK[e] ? .pppk : workforce.isCPNS[e] ? .cpns : .pns,
                retirementAgeYears: workforce.retirementAgeYears[e], ageYears: workforce.ageYears[e],
                tenureMonths: workforce.tenureMonths[e], education: workforce.education[e],
                competency: (0..<domainCount).map { workforce.applied(e, $0) }, jpThisYear: workforce.jpThisYear[e],
                owesLatsar: workforce.owesLatsar[e])
        }
    }
}
