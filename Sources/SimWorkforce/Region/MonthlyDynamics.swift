import SimCore

/// The month's rules for every employee (MODEL.md §3, §5, §9), worked out once per month so the
/// per-employee pass reads plain numbers.
struct MonthRules {
    let domainCount: Int
    /// Share of latent knowledge kept this month, `[unit * domains + domain]`.
    let latentKeep: [Double]
    /// Experienced staff's on-the-job gain a month per level below 5, `[unit * domains + domain]`.
    let experienceRate: [Double]
    let curve: LearningCurve
    let awardKeep: Double
    let motivationBaseline: Double
    /// The fall in a rewarded employee's own baseline just after a reward (0–1 scale; 0 without
    /// incentives), its half-life and the month now, in the simulation's month index.
    let crowdingOutLevels: Double
    let crowdingOutHalfLifeMonths: Double
    let month: Double
    let motivationAdjustment: Double
    let workloadPenalty: Double
    let workloadThreshold: Double
    let rampKeepAlone: Double
    let rampKeepPeers: Double
    let ramp: RampUpParameters
    let exitChance: Double
    /// Each unit's staff as the pass goes: a leaver changes the workload and peer share of those after.
    var units: UnitMonthCounts
    /// Experienced staff per unit, and their applied levels summed, `[unit * domains + domain]`.
    var experiencedCount: [Int] = []
    var experiencedSum: [Double] = []

    /// Experienced staff's mean level per unit and domain: the target of newcomers' ramp-up.
    mutating func measureExperienced(_ workforce: Workforce) {
        let unitCount = units.headcount.count
        let domains = domainCount
        let experiencedTenure = ramp.experiencedTenureMonths
        var count = [Int](repeating: 0, count: unitCount)
        var sum = [Double](repeating: 0, count: unitCount * domains)
        for e in workforce.activeIndices where workforce.active[e] && workforce.tenureMonths[e] >= experiencedTenure {
            let u = workforce.unit[e].rawValue
            count[u] &+= 1
            let base = e.rawValue &* domains
            let row = u &* domains
            for d in 0..<domains { sum[row &+ d] += workforce.stable[base &+ d] + workforce.transient[base &+ d] }
        }
        experiencedCount = count
        experiencedSum = sum
    }
}

/// Per unit: headcount, staff on duty and the away counts the month's pass reads, kept up to date
/// as employees leave during it, exactly as the roster would be.
struct UnitMonthCounts {
    var headcount: [Int]
    var onDuty: [Int]
    let partlyAway: [Double]
    /// Unworked hours of part-time members, all and on duty (``UnitRoster/partTimeOff``).
    var partTimeOff: [Double]
    var partTimeOffOnDuty: [Double]
    let awayUnderCap: [Int]
    let baseWorkload: [Double]
    let awayCap: [Double]
    /// Each unit's workload now.
    private(set) var workload: [Double]

    init(roster: UnitRoster, baseWorkload: [Double], awayCap: [Double]) {
        headcount = roster.units.map { roster.headcount[$0] }
        onDuty = roster.units.map { roster.onDuty[$0] }
        partlyAway = roster.units.map { roster.partlyAway[$0] }
        partTimeOff = roster.units.map { roster.partTimeOff[$0] }
        partTimeOffOnDuty = roster.units.map { roster.partTimeOffOnDuty[$0] }
        awayUnderCap = roster.units.map { roster.awayUnderCap($0) }
        self.baseWorkload = baseWorkload
        self.awayCap = awayCap
        workload = []
        workload = (0..<headcount.count).map(workloadNow)
    }

    /// Utilisation of a unit's staff: staff away for training, or training part of the day, leave
    /// their work to the others. `staff` is in full-time equivalents (part-timers bring their share
    /// of the work and of the hours).
    static func workload(base: Double, staff: Double, workingStaff: Double) -> Double {
        guard staff > 0 else { return base }
        return base * staff / max(workingStaff, 1)
    }

    func workloadNow(_ u: Int) -> Double {
        Self.workload(
            base: baseWorkload[u], staff: Double(headcount[u]) - partTimeOff[u],
            workingStaff: max(0, Double(onDuty[u]) - partTimeOffOnDuty[u] - partlyAway[u]))
    }

    /// Whether one more exit keeps the unit's away share within its cap (the cap holds against the
    /// staff actually there).
    func exitKeepsCap(_ u: Int) -> Bool { Double(awayUnderCap[u]) <= awayCap[u] * Double(headcount[u] - 1) }

    /// An employee on duty leaves; `off` is their unworked share of hours (part-time).
    mutating func leave(_ u: Int, off: Double) {
        headcount[u] -= 1
        onDuty[u] -= 1
        partTimeOff[u] -= off
        partTimeOffOnDuty[u] -= off
        workload[u] = workloadNow(u)
    }
}

extension Workforce {
    /// One month for every active employee, in employee order: relapse and decay, ramp-up toward
    /// experienced peers (or, past ramp-up, learning on the job), motivation, award fade, ageing,
    /// then retirement at BUP or another exit.
    /// Returns the leavers in order (the caller removes them); the exit draws are made in the same
    /// order as before, one per employee not retiring.
    mutating func passMonth(_ rules: MonthRules, exits: inout RandomStream) -> [(employee: EmployeeIndex, retired: Bool)] {
        var rules = rules
        var leavers: [(employee: EmployeeIndex, retired: Bool)] = []
        let domains = domainCount
        let ramp = rules.ramp
        advanceLearningCurves(rules)
        for e in activeIndices where active[e] {
            let u = unit[e].rawValue
            let base = slot(e, domain: 0)
            let experienced = rules.experiencedCount[u]
            if tenureMonths[e] < ramp.experiencedTenureMonths && experienced > 0 {
                let peers = Double(experienced) / Double(max(rules.units.headcount[u], 1)) >= ramp.experiencedShareThreshold
                let keep = peers ? rules.rampKeepPeers : rules.rampKeepAlone
                for d in 0..<domains {
                    let target = rules.experiencedSum[u * domains + d] / Double(experienced) - ramp.proficientGapLevels
                    let now = stable[base + d] + transient[base + d]
                    if now < target { stable[base + d] += (target - now) * (1 - keep) }
                }
            } else if tenureMonths[e] >= ramp.experiencedTenureMonths {
                let row = u * domains
                for d in 0..<domains {
                    stable[base + d] += rules.experienceRate[row + d] * max(0, 5 - stable[base + d] - transient[base + d])
                }
            }
            var m = motivation[e]
            var baseline = rules.motivationBaseline
            if rules.crowdingOutLevels > 0 && lastRewardMonth[e] > -.infinity {
                baseline -= rules.crowdingOutLevels * exp2(-(rules.month - lastRewardMonth[e]) / rules.crowdingOutHalfLifeMonths)
            }
            m += rules.motivationAdjustment * (baseline - m)
            m -= rules.workloadPenalty * max(0, rules.units.workload[u] - rules.workloadThreshold)
            motivation[e] = clamp(m, 0, 1)
            awardBoost[e] *= rules.awardKeep
            ageYears[e] += 1.0 / 12
            tenureMonths[e] += 1
            // Someone in class leaves after the session; an exit that would push the unit's away
            // share above the cap waits a month.
            let keepsCap = rules.units.exitKeepsCap(u)
            let leaves: Bool
            let retired: Bool
            if ageYears[e] >= retirementAgeYears[e] {
                leaves = !offDuty[e] && keepsCap
                retired = true
            } else {
                leaves = exits.bernoulli(rules.exitChance) && !offDuty[e] && keepsCap
                retired = false
            }
            if leaves {
                leavers.append((e, retired))
                rules.units.leave(u, off: partTimeOff[e])
            }
        }
        return leavers
    }
}

extension Workforce {
    /// Relapse and decay of every active employee's competency for one month (MODEL.md §3).
    mutating func advanceLearningCurves(_ rules: MonthRules) {
        let domains = domainCount
        let curve = rules.curve
        let latentKeep = rules.latentKeep
        let (activeIndices, active, unit) = (activeIndices, active, unit)
        transient.update { transient in
            latent.update { latent in
                for e in activeIndices where active[e] {
                    let base = e.rawValue &* domains
                    let row = unit[e].rawValue &* domains
                    for d in 0..<domains {
                        var (t, l) = (transient[base &+ d], latent[base &+ d])
                        curve.advanceMonth(transient: &t, latent: &l, latentKeep: latentKeep[row &+ d])
                        (transient[base &+ d], latent[base &+ d]) = (t, l)
                    }
                }
            }
        }
    }
}

/// The month-end measures of MODEL.md §10, summed over the active employees in employee order.
struct MonthEndSums {
    var active = 0, pairs = 0, assessed = 0, atStandard = 0
    /// Employees who meet every assessed requirement of their post (people, not pairs).
    var staffAtStandard = 0
    var competency = 0.0, gap = 0.0
    var domain: [Double], domainAssessed: [Int], domainAtStandard: [Int]
    var jp = 0.0, pns = 0, pnsReaching = 0, pnsWithNone = 0
    /// JP of PNS, all and from outside the budget, for the share from outside.
    var pnsJP = 0.0, pnsExternalJP = 0.0
    /// PNS reaching the yearly target without the JP of mandated programmes, and without those
    /// from outside the budget: which sources carry the 20 JP share.
    var pnsReachingWithoutMandated = 0, pnsReachingWithoutExternal = 0
    /// PNS by whole JP this year (the last bin holds everyone from `jpHistogramTop` up), for the median.
    var pnsByJP = [Int](repeating: 0, count: MonthEndSums.jpHistogramTop + 1)
    static let jpHistogramTop = 2_000

    /// The median of the PNS's JP this year, in whole JP (each counted as its JP rounded down).
    var pnsMedianJP: Double {
        guard pns > 0 else { return .nan }
        var below = 0
        for (jp, people) in pnsByJP.enumerated() {
            below += people
            if 2 * below >= pns { return Double(jp) }
        }
        return Double(MonthEndSums.jpHistogramTop)
    }
    var motivation = 0.0, ip = 0.0
    var aged51Plus = 0, latsarOverdue = 0, promotionTrainingOwed = 0, structural = 0

    init(domainCount: Int) {
        domain = [Double](repeating: 0, count: domainCount)
        domainAssessed = [Int](repeating: 0, count: domainCount)
        domainAtStandard = [Int](repeating: 0, count: domainCount)
    }
}

/// What the month-end sums look up per job level and education, worked out once a month.
struct MonthEndTables {
    let domains: Int
    /// `[level * domains + d]`: the level domain d requires of a post at that level, and 1 where
    /// that pair is assessed. Level 1 (Paham) is the floor of the scale: a requirement of 1 is
    /// met by everyone, so only pairs that require more are assessed, as an assessment would.
    var need: UncheckedArray<Double>
    var assessedPair: UncheckedArray<Int>
    /// 1 / (what a level requires, summed over domains, at least 1): the IP proxy's ratio is a
    /// product, not a division per employee (the proxy is a reported mean, nothing reads it back;
    /// its last bit may differ from a division's).
    // PERF: with this and the JP target's reciprocal against two divisions per employee-month,
    // 3.68M → 3.82M employee-months/s/core per request (+4.0%), 6.89M → 7.34M analytic (+6.6%)
    // (Benchmarks/compare-binaries.sh, the dividing build against this one).
    var inverseNeedSum: [Double]
    let qualification: [Double]
    /// 1 for a structural post's level.
    let structural: [Int]

    /// `required` is the level required now, `[domain * jobLevels + level]`.
    init(required: [Double], domains: Int, ip: IPASNParameters) {
        let levels = JobLevel.allCases.count
        self.domains = domains
        need = UncheckedArray(repeating: 0, count: levels * domains)
        assessedPair = UncheckedArray(repeating: 0, count: levels * domains)
        inverseNeedSum = [Double](repeating: 0, count: levels)
        for level in 0..<levels {
            var total = 0.0
            for d in 0..<domains {
                let value = required[d * levels + level]
                need[level * domains + d] = value
                assessedPair[level * domains + d] = value > 1 + 1e-9 ? 1 : 0
                total += value
            }
            inverseNeedSum[level] = 1 / max(total, 1)
        }
        qualification = Education.allCases.map(ip.qualificationScore)
        structural = JobLevel.allCases.map { $0.promotedFrom != nil ? 1 : 0 }
    }

    /// Employees at each level × whether the level's pair is assessed: the assessed pairs per
    /// domain, without a count per employee and domain.
    func assessed(levelCount: [Int]) -> [Int] {
        (0..<domains).map { d in levelCount.indices.reduce(0) { $0 + levelCount[$1] * assessedPair[$1 * domains + d] } }
    }
}

extension Workforce {
    /// One pass over the active employees for every month-end measure: competency and the share at
    /// standard, JP, motivation, the IP ASN proxy, age and what is owed. `required` is the level
    /// required now, `[domain * jobLevels + level]`.
    ///
    /// Sums are made in employee order; the loop reads ``UncheckedArray``s and looks per-level and
    /// per-education constants up in small tables worked out first, because it runs over every
    /// employee each month.
    func monthEndSums(
        required: [Double], targetJP: Double, jpLastYear: PerEmployee<Double>, monthOfYear: Double,
        ip: IPASNParameters
    ) -> MonthEndSums {
        let tables = MonthEndTables(required: required, domains: domainCount, ip: ip)
        let domains = domainCount
        var sums = MonthEndSums(domainCount: domains)
        // The share of last year's JP still inside the last 12 months, and 1 / the yearly target.
        let jpWindow = (lastYearShare: (11 - monthOfYear) / 12, inverseTarget: 1 / targetJP, target: targetJP)
        // Per domain: the sum of competency and the count at standard.
        var domainSums = [Double](repeating: 0, count: domains)
        var domainAtStandard = [Int](repeating: 0, count: domains)
        // Whether a pair is assessed depends on the level only: counting each level's employees
        // gives the assessed pairs without a count per employee and domain.
        var levelCount = [Int](repeating: 0, count: JobLevel.allCases.count)
        // The tables and columns are read through locals: `self` and `tables` would be loaded again
        // after every write to the sums.
        let need = tables.need
        let assessedPair = tables.assessedPair
        let stable = stable
        let transient = transient
        for e in activeIndices where active[e] {
            var appliedSum = 0.0
            var unmet = 0
            let base = e.rawValue &* domains
            let level = jobLevel[e].rawValue
            levelCount[level] &+= 1
            let row = level &* domains
            for d in 0..<domains {
                let applied = stable[base &+ d] + transient[base &+ d]
                let required = need[row &+ d]
                appliedSum += applied
                domainSums[d] += applied
                sums.gap += max(0, required - applied)
                // PERF: branch-free masks here, in `count` and in `Workforce.needsKeys` (the
                // comparisons go either way from one employee to the next): against branches, 3.79M
                // → 4.11M employee-months/s/core per request (+8.5%), 6.94M → 8.15M analytic (+17.5%)
                // (Benchmarks/compare-binaries.sh, the branching build against this one, 10
                // replications, 5 rounds).
                domainAtStandard[d] &+= assessedPair[row &+ d] & (applied >= required ? 1 : 0)
                unmet |= assessedPair[row &+ d] & (applied < required ? 1 : 0)
            }
            sums.staffAtStandard &+= 1 &- unmet
            count(e, appliedSum: appliedSum, level: level, tables, jpLastYear, jpWindow, ip, into: &sums)
        }
        sums.pairs = sums.active * domains
        sums.domain = domainSums
        sums.domainAtStandard = domainAtStandard
        sums.domainAssessed = tables.assessed(levelCount: levelCount)
        sums.assessed = sums.domainAssessed.reduce(0, +)
        sums.atStandard = sums.domainAtStandard.reduce(0, +)
        return sums
    }

    /// One active employee's part of the month-end sums other than the per-domain ones.
    @inline(__always)
    func count(
        _ e: EmployeeIndex, appliedSum: Double, level: Int, _ tables: MonthEndTables, _ jpLastYear: PerEmployee<Double>,
        _ jpWindow: (lastYearShare: Double, inverseTarget: Double, target: Double), _ ip: IPASNParameters,
        into sums: inout MonthEndSums
    ) {
        sums.active &+= 1
        sums.competency += appliedSum
        let jp = jpThisYear[e]
        sums.jp += jp
        // Counts as 0/1 masks, not branches: PNS and PPPK alternate unpredictably (PERF: see
        // `monthEndSums`).
        let isPNS = isPPPK[e] ? 0 : 1
        sums.pns &+= isPNS
        sums.pnsReaching &+= isPNS & (jp >= jpWindow.target ? 1 : 0)
        sums.pnsWithNone &+= isPNS & (jp == 0 ? 1 : 0)
        sums.pnsJP += Double(isPNS) * jp
        sums.pnsExternalJP += Double(isPNS) * jpExternalThisYear[e]
        sums.pnsReachingWithoutMandated &+= isPNS & (jp - jpMandatoryThisYear[e] >= jpWindow.target ? 1 : 0)
        sums.pnsReachingWithoutExternal &+= isPNS & (jp - jpExternalThisYear[e] >= jpWindow.target ? 1 : 0)
        sums.pnsByJP[min(Int(jp), MonthEndSums.jpHistogramTop)] &+= isPNS
        let motivation = effectiveMotivation(e)
        sums.motivation += motivation
        let jpLast12 = jp + jpLastYear[e] * jpWindow.lastYearShare
        let ratio = min(1, appliedSum * tables.inverseNeedSum[level])
        let competencyScore = 40 * (ip.competencyJPShare * min(1, jpLast12 * jpWindow.inverseTarget) + (1 - ip.competencyJPShare) * ratio)
        let performance = 30 * clamp(ip.performanceCompetencyShare * ratio + (1 - ip.performanceCompetencyShare) * motivation, 0, 1)
        sums.ip += tables.qualification[education[e].rawValue] + competencyScore + performance + ip.disciplineScore
        sums.aged51Plus &+= ageYears[e] >= 51 ? 1 : 0
        sums.latsarOverdue &+= isPNS & (owesLatsar[e] ? 1 : 0) & (tenureMonths[e] > 12 ? 1 : 0)
        sums.promotionTrainingOwed &+= owesPromotionTraining[e] ? 1 : 0
        sums.structural &+= tables.structural[level]
    }
}
