// Where JP come from besides the region's sessions (learning outside the budget), and the month's JP measures.

import Foundation

/// What learning outside the budget needs that does not change over a region's run, worked out
/// once (``RegionSetup``) rather than once per employee and month.
struct ExternalLearningTerms: Sendable {
    /// Each source's monthly rate for the staff of each unit, PNS and PPPK,
    /// `[(unit * 2 + isPPPK) * sources + source]` (0 where it is not open to them), and each
    /// row's total.
    var rates: [Double]
    var totals: [Double]
    /// logit of each source's completion share.
    var logitCompletion: [Double]
    /// Levels one completed course of each source teaches in each domain, `[source * domains + d]`.
    var gains: [Double]
    /// Staff-days of duty one completed course of each source takes.
    var dutyDays: [Double]

    init(_ model: ModelParameters, region: RegionParameters) {
        let sources = model.externalLearning
        let domains = model.domains.count
        var rates = [Double](repeating: 0, count: region.units.count * 2 * sources.count)
        for (u, unit) in region.units.enumerated() {
            for (s, source) in sources.enumerated() where source.units.isEmpty || source.units.contains(unit.id) {
                let rate = source.monthlyRate(internetQuality: region.internetQuality)
                if source.employment.admits(isPPPK: false) { rates[(u * 2) * sources.count + s] = rate }
                if source.employment.admits(isPPPK: true) { rates[(u * 2 + 1) * sources.count + s] = rate }
            }
        }
        self.rates = rates
        totals = stride(from: 0, to: rates.count, by: max(sources.count, 1)).map { rates[$0..<$0 + sources.count].reduce(0, +) }
        logitCompletion = sources.map { logit($0.completionShare) }
        gains = sources.flatMap { source in
            let weights = source.domains.reduce(0, +)
            return (0..<domains).map { source.gainLevelsPerJP * source.jpPerCourse * source.domains[$0] / weights }
        }
        dutyDays = sources.map { $0.jpPerCourse * ModelParameters.hoursPerJP / model.hoursPerWorkingDay * $0.dutyShare }
    }
}

extension RegionSimulation {
    /// Learning outside the budget, once a month (MODEL.md §3; docs/model.md, Learning outside
    /// the budget). Each active employee starts a course of one of the sources open to them with
    /// chance 1 − e^(−Λ), where Λ adds up the sources' monthly rates (uptake, less what poor
    /// internet takes) times e^(β·z) for their motivation z: an exponential variate below Λ
    /// starts one, which is the same chance. A completed course credits its JP within the
    /// source's yearly cap (and a PPPK's), teaches `gainLevelsPerJP` per JP over the source's
    /// domains, and takes its duty share of the hours; half that for one abandoned. The region
    /// pays nothing. One draw per employee a month whatever happens, so the stream stays aligned
    /// across scenarios.
    mutating func takeExternalLearning() {
        let count = model.externalLearning.count
        let terms = setup.externalLearning
        let beta = model.participation.motivationEffect
        let completionBeta = model.participation.motivationCompletionEffect
        // A PNS under the JP target with TPP at stake takes more (policy.tpp).
        let tpp = policy.tpp.uptakeMultiplier(inYear: calendarYear)
        for e in workforce.activeIndices where workforce.active[e] {
            let group = workforce.unit[e].rawValue * 2 + (workforce.isPPPK[e] ? 1 : 0)
            let (row, total) = (group * count, terms.totals[group])
            let threshold = streams.external.standardExponential()
            let chasing = !workforce.isPPPK[e] && workforce.jpThisYear[e] < policy.targetJPPerYear
            let z = motivationZ(e)
            guard threshold < total * (chasing ? tpp : 1) * exp(beta * z) else { continue }
            var pick = streams.external.uniform() * total
            var s = 0
            while s < count - 1 && pick >= terms.rates[row + s] {
                pick -= terms.rates[row + s]
                s += 1
            }
            let completes = streams.external.bernoulli(logistic(terms.logitCompletion[s] + completionBeta * z))
            thisMonth.extraStaffDays += terms.dutyDays[s] * (completes ? 1 : 0.5)
            guard completes else { continue }
            creditExternal(e, source: s, jp: model.externalLearning[s].jpPerCourse)
            for d in 0..<domainCount where terms.gains[s * domainCount + d] > 0 {
                absorb(terms.gains[s * domainCount + d], at: workforce.slot(e, domain: d))
            }
        }
    }

    /// Credits `jp` of source `s` to `e`, within the source's yearly cap and a PPPK's cap.
    mutating func creditExternal(_ e: EmployeeIndex, source s: Int, jp: Double) {
        let slot = e.rawValue * model.externalLearning.count + s
        var credited = min(jp, max(0, model.externalLearning[s].maxJPPerYear - workforce.jpFromSourceThisYear[slot]))
        if workforce.isPPPK[e] { credited = min(credited, workforce.jpRoom(e, cap: policy.pppkMaxJPPerYear)) }
        workforce.jpFromSourceThisYear[slot] += credited
        workforce.jpExternalThisYear[e] += credited
        workforce.jpThisYear[e] += credited
    }
}

extension RegionSimulation {
    /// The month's JP measures, from all sources and by source (the 20 JP obligation is over PNS).
    mutating func recordJP(_ sums: MonthEndSums, month m: Int) {
        let pns = Double(max(sums.pns, 1))
        result[.pnsReaching20, m] = Double(sums.pnsReaching)
        result[.pnsHeadcount, m] = Double(sums.pns)
        result[.jpMean, m] = sums.jp / Double(max(sums.active, 1))
        result[.jpMedian, m] = sums.pnsMedianJP
        result[.jpShareReaching20, m] = Double(sums.pnsReaching) / pns
        result[.jpShareWithNone, m] = Double(sums.pnsWithNone) / pns
        result[.jpShareExternal, m] = sums.pnsJP > 0 ? sums.pnsExternalJP / sums.pnsJP : 0
        result[.jpShareReaching20WithoutMandated, m] = Double(sums.pnsReachingWithoutMandated) / pns
        result[.jpShareReaching20WithoutExternal, m] = Double(sums.pnsReachingWithoutExternal) / pns
    }
}
