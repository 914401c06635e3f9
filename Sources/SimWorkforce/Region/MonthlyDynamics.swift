import SimCore

/// The month's rules for every employee (MODEL.md §3, §5, §9), worked out once per month so the
/// per-employee pass reads plain numbers.
struct MonthRules {
    let domainCount: Int
    /// Share of latent knowledge kept this month, `[unit * domains + domain]`.
    let latentKeep: [Double]
    let curve: LearningCurve
    let awardKeep: Double
    let motivationBaseline: Double
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
        let unitCount = units.headcount.count, domains = domainCount, experiencedTenure = ramp.experiencedTenureMonths
        // Summed in raw local buffers (no uniqueness or bounds check per addition), stored once at the end.
        let count = UnsafeMutableBufferPointer<Int>.allocate(capacity: unitCount)
        let sum = UnsafeMutableBufferPointer<Double>.allocate(capacity: unitCount * domains)
        defer { count.deallocate(); sum.deallocate() }
        count.initialize(repeating: 0)
        sum.initialize(repeating: 0)
        workforce.stable.withUnsafeBufferPointer { stable in
            workforce.transient.withUnsafeBufferPointer { transient in
                for e in workforce.activeIndices where workforce.active[e] && workforce.tenureMonths[e] >= experiencedTenure {
                    let u = workforce.unit[e].rawValue
                    count[u] &+= 1
                    let base = e.rawValue &* domains, row = u &* domains
                    for d in 0..<domains { sum[row &+ d] += stable[base &+ d] + transient[base &+ d] }
                }
            }
        }
        experiencedCount = Array(count)
        experiencedSum = Array(sum)
    }
}

/// Per unit: headcount, staff on duty and the away counts the month's pass reads, kept up to date
/// as employees leave during it, exactly as the roster would be.
struct UnitMonthCounts {
    var headcount: [Int]
    var onDuty: [Int]
    let partlyAway: [Double]
    let awayUnderCap: [Int]
    let baseWorkload: [Double]
    let awayCap: [Double]
    /// Each unit's workload now.
    private(set) var workload: [Double]

    init(roster: UnitRoster, baseWorkload: [Double], awayCap: [Double]) {
        headcount = roster.units.map { roster.headcount[$0] }
        onDuty = roster.units.map { roster.onDuty[$0] }
        partlyAway = roster.units.map { roster.partlyAway[$0] }
        awayUnderCap = roster.units.map { roster.awayUnderCap($0) }
        self.baseWorkload = baseWorkload
        self.awayCap = awayCap
        workload = []
        workload = (0..<headcount.count).map(workloadNow)
    }

    /// Utilisation of a unit's staff: staff away for training, or training part of the day, leave
    /// their work to the others.
    static func workload(base: Double, headcount: Int, workingStaff: Double) -> Double {
        guard headcount > 0 else { return base }
        return base * Double(headcount) / max(workingStaff, 1)
    }

    func workloadNow(_ u: Int) -> Double {
        Self.workload(base: baseWorkload[u], headcount: headcount[u], workingStaff: max(0, Double(onDuty[u]) - partlyAway[u]))
    }

    /// Whether one more exit keeps the unit's away share within its cap (the cap holds against the
    /// staff actually there).
    func exitKeepsCap(_ u: Int) -> Bool { Double(awayUnderCap[u]) <= awayCap[u] * Double(headcount[u] - 1) }

    /// An employee on duty leaves.
    mutating func leave(_ u: Int) {
        headcount[u] -= 1
        onDuty[u] -= 1
        workload[u] = workloadNow(u)
    }
}

extension Workforce {
    /// One month for every active employee, in employee order: relapse and decay, ramp-up toward
    /// experienced peers, motivation, award fade, ageing, then retirement at BUP or another exit.
    /// Returns the leavers in order (the caller removes them); the exit draws are made in the same
    /// order as before, one per employee not retiring.
    mutating func passMonth(_ rules: MonthRules, exits: inout RandomStream) -> [(employee: EmployeeIndex, retired: Bool)] {
        var rules = rules
        var leavers: [(employee: EmployeeIndex, retired: Bool)] = []
        let domains = domainCount
        let ramp = rules.ramp
        for e in activeIndices where active[e] {
            let u = unit[e].rawValue
            let base = slot(e, domain: 0)
            for d in 0..<domains {
                rules.curve.advanceMonth(transient: &transient[base + d], latent: &latent[base + d], latentKeep: rules.latentKeep[u * domains + d])
            }
            let experienced = rules.experiencedCount[u]
            if tenureMonths[e] < ramp.experiencedTenureMonths && experienced > 0 {
                let peers = Double(experienced) / Double(max(rules.units.headcount[u], 1)) >= ramp.experiencedShareThreshold
                let keep = peers ? rules.rampKeepPeers : rules.rampKeepAlone
                for d in 0..<domains {
                    let target = rules.experiencedSum[u * domains + d] / Double(experienced) - ramp.proficientGapLevels
                    let now = stable[base + d] + transient[base + d]
                    if now < target { stable[base + d] += (target - now) * (1 - keep) }
                }
            }
            var m = motivation[e]
            m += rules.motivationAdjustment * (rules.motivationBaseline - m)
            m -= rules.workloadPenalty * max(0, rules.units.workload[u] - rules.workloadThreshold)
            motivation[e] = clamp(m, 0, 1)
            awardBoost[e] *= rules.awardKeep
            ageYears[e] += 1.0 / 12
            tenureMonths[e] += 1
            // Someone in class leaves after the session; an exit that would push the unit's away
            // share above the cap waits a month.
            let keepsCap = rules.units.exitKeepsCap(u)
            let leaves: Bool, retired: Bool
            if ageYears[e] >= retirementAgeYears[e] {
                leaves = !offDuty[e] && keepsCap
                retired = true
            } else {
                leaves = exits.bernoulli(rules.exitChance) && !offDuty[e] && keepsCap
                retired = false
            }
            if leaves {
                leavers.append((e, retired))
                rules.units.leave(u)
            }
        }
        return leavers
    }
}

/// The month-end measures of MODEL.md §10, summed over the active employees in employee order.
struct MonthEndSums {
    var active = 0, pairs = 0, assessed = 0, atStandard = 0
    var competency = 0.0, gap = 0.0
    var domain: [Double], domainAssessed: [Int], domainAtStandard: [Int]
    var jp = 0.0, pns = 0, pnsReaching = 0, pnsWithNone = 0
    var motivation = 0.0, ip = 0.0
    var aged51Plus = 0, latsarOverdue = 0, promotionTrainingOwed = 0, structural = 0

    init(domainCount: Int) {
        domain = [Double](repeating: 0, count: domainCount)
        domainAssessed = [Int](repeating: 0, count: domainCount)
        domainAtStandard = [Int](repeating: 0, count: domainCount)
    }
}

extension Workforce {
    /// One pass over the active employees for every month-end measure: competency and the share at
    /// standard, JP, motivation, the IP ASN proxy, age and what is owed. `required` is the level
    /// required now, `[domain * jobLevels + level]`.
    ///
    /// Sums are made in employee order (the gap per domain first, then over domains); the loop
    /// reads raw buffers and looks per-level and per-education constants up in small tables worked
    /// out first, because it runs over every employee each month.
    func monthEndSums(required: [Double], targetJP: Double, jpLastYear: PerEmployee<Double>, monthOfYear: Double,
                      ip: IPASNParameters) -> MonthEndSums {
        var sums = MonthEndSums(domainCount: domainCount)
        let levels = JobLevel.allCases.count
        let domains = domainCount
        // Per job level, a row of what each domain requires and whether that pair is assessed.
        // Level 1 (Paham) is the floor of the scale: a requirement of 1 is met by everyone, so
        // only pairs that require more are assessed, as a competency assessment would.
        var need = [Double](repeating: 0, count: levels * domains)
        var assessedPair = [Int](repeating: 0, count: levels * domains)
        // 1 / (what a level requires, summed over domains, at least 1): the IP proxy's ratio is a
        // product, not a division per employee (the proxy is a reported mean, nothing reads it back).
        var inverseNeedSum = [Double](repeating: 0, count: levels)
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
        let qualification = Education.allCases.map(ip.qualificationScore)
        // The share of last year's JP still inside the last 12 months, and 1 / the yearly target.
        let lastYearShare = (11 - monthOfYear) / 12, inverseTargetJP = 1 / targetJP
        let structural = JobLevel.allCases.map { $0.promotedFrom != nil ? 1 : 0 }
        var active = 0, pns = 0, pnsReaching = 0, pnsWithNone = 0
        var aged51Plus = 0, latsarOverdue = 0, promotionTrainingOwed = 0, structuralPosts = 0
        var competency = 0.0, jpTotal = 0.0, motivationTotal = 0.0, ipTotal = 0.0
        let domainSum = UnsafeMutableBufferPointer<Double>.allocate(capacity: domains)
        let domainGap = UnsafeMutableBufferPointer<Double>.allocate(capacity: domains)
        let domainAtStandard = UnsafeMutableBufferPointer<Int>.allocate(capacity: domains)
        defer { domainSum.deallocate(); domainGap.deallocate(); domainAtStandard.deallocate() }
        domainSum.initialize(repeating: 0)
        domainGap.initialize(repeating: 0)
        domainAtStandard.initialize(repeating: 0)
        // Whether a pair is assessed depends on the level only: counting each level's employees
        // gives the assessed pairs without a count per employee and domain.
        var levelCount = [Int](repeating: 0, count: levels)
        need.withUnsafeBufferPointer { need in
        assessedPair.withUnsafeBufferPointer { assessedPair in
        stable.withUnsafeBufferPointer { stable in
        transient.withUnsafeBufferPointer { transient in
        for e in activeIndices where self.active[e] {
            active &+= 1
            var appliedSum = 0.0
            let base = e.rawValue &* domains
            let level = jobLevel[e].rawValue
            levelCount[level] &+= 1
            let row = level &* domains
            for d in 0..<domains {
                let applied = stable[base &+ d] + transient[base &+ d]
                let required = need[row &+ d]
                appliedSum += applied
                domainSum[d] += applied
                // Branch-free (the comparisons go either way from one employee to the next). The gap
                // is summed per domain, then over domains: one running sum would chain every
                // employee's additions one after another.
                domainGap[d] += max(0, required - applied)
                domainAtStandard[d] &+= assessedPair[row &+ d] & (applied >= required ? 1 : 0)
            }
            competency += appliedSum
            let jp = jpThisYear[e]
            jpTotal += jp
            // Counts as 0/1 masks, not branches: PNS and PPPK alternate unpredictably.
            let isPNS = isPPPK[e] ? 0 : 1
            pns &+= isPNS
            pnsReaching &+= isPNS & (jp >= targetJP ? 1 : 0)
            pnsWithNone &+= isPNS & (jp == 0 ? 1 : 0)
            let motivation = effectiveMotivation(e)
            motivationTotal += motivation
            let jpLast12 = jp + jpLastYear[e] * lastYearShare
            let ratio = min(1, appliedSum * inverseNeedSum[level])
            let competencyScore = 40 * (ip.competencyJPShare * min(1, jpLast12 * inverseTargetJP) + (1 - ip.competencyJPShare) * ratio)
            let performance = 30 * clamp(ip.performanceCompetencyShare * ratio + (1 - ip.performanceCompetencyShare) * motivation, 0, 1)
            ipTotal += qualification[education[e].rawValue] + competencyScore + performance + ip.disciplineScore
            aged51Plus &+= ageYears[e] >= 51 ? 1 : 0
            latsarOverdue &+= isPNS & (owesLatsar[e] ? 1 : 0) & (tenureMonths[e] > 12 ? 1 : 0)
            promotionTrainingOwed &+= owesPromotionTraining[e] ? 1 : 0
            structuralPosts &+= structural[level]
        }
        }
        }
        }
        }
        sums.active = active
        sums.pairs = active * domains
        sums.competency = competency
        sums.gap = domainGap.reduce(0, +)
        let domainAssessed = (0..<domains).map { d in (0..<levels).reduce(0) { $0 + levelCount[$1] * assessedPair[$1 * domains + d] } }
        sums.assessed = domainAssessed.reduce(0, +)
        sums.atStandard = domainAtStandard.reduce(0, +)
        sums.domain = Array(domainSum)
        sums.domainAssessed = domainAssessed
        sums.domainAtStandard = Array(domainAtStandard)
        sums.jp = jpTotal
        sums.pns = pns
        sums.pnsReaching = pnsReaching
        sums.pnsWithNone = pnsWithNone
        sums.motivation = motivationTotal
        sums.ip = ipTotal
        sums.aged51Plus = aged51Plus
        sums.latsarOverdue = latsarOverdue
        sums.promotionTrainingOwed = promotionTrainingOwed
        sums.structural = structuralPosts
        return sums
    }
}
