import Foundation
import SimScenario
import SimWorkforce
import Testing

/// Workforce flows (MODEL.md §9): intake replaces leavers as the recruitment plan says, and
/// Latsar is delivered to new CPNS outside the discretionary caps.
@Suite struct WorkforceFlowTests {
    /// With every leaver replaced one month later, headcount holds: after 5 years it is within
    /// ±2% of the start in both regions (mean of 4 replications; the pipeline of one month's
    /// leavers is about 0.5% of staff).
    @Test func fullReplacementHoldsTheHeadcount() throws {
        let model = try bundled(
            "baseline.json", "regions.sawahlunto.recruitment.replaceShare=1", "regions.sorong.recruitment.replaceShare=1",
            "regions.sawahlunto.recruitment.lagMonths=1", "regions.sorong.recruitment.lagMonths=1")
        for (r, region) in model.regions.enumerated() {
            let end = meanOver(0..<4, model) { $0.regions[r][.headcount, model.months - 1] }
            let change = end / Double(region.headcount) - 1
            #expect(abs(change) <= 0.02, "\(region.id): headcount changed by \(change)")
        }
    }

    /// With no intake, headcount falls by the retirement and other-exit rates: 3.5–5.5% retiring
    /// (the facts' range) plus 1% other exits a year, so 4.5–6.5% a year compounded over 5 years.
    @Test func noReplacementShrinksByTheExitRates() throws {
        let model = try bundled(
            "baseline.json", "regions.sawahlunto.recruitment.replaceShare=0", "regions.sorong.recruitment.replaceShare=0")
        for (r, region) in model.regions.enumerated() {
            let result = runReplication(model, seed: 3, replication: 0).regions[r]
            #expect(result.total(.hires) == 0)
            let end = result[.headcount, model.months - 1]
            let yearlyDecline = 1 - pow(end / Double(region.headcount), 1 / Double(model.years))
            #expect(yearlyDecline >= 0.045 && yearlyDecline <= 0.065, "\(region.id): \(yearlyDecline) a year")
            #expect(
                Double(region.headcount) - end == result.total(.retirements) + result.total(.otherExits), "every leaver is counted once")
        }
    }

    /// Latsar's on-campus part (288 JP) is longer than the 80-JP discretionary cap, yet new CPNS
    /// do it: mandated programmes sit outside the cap.
    @Test func latsarIsDeliveredOutsideTheDiscretionaryCap() throws {
        let capped = try bundled("baseline.json")
        #expect(capped.regions[0].policy.maxJPPerEmployeePerYear < capped.programmes.first { $0.mandatoryForNewcomers }!.lengthJP)
        let result = runReplication(capped, seed: 8, replication: 0)
        for region in result.regions {
            #expect(region.total(.latsarStarted) > 50)
            #expect(region.total(.budgetMandatoryRupiah) > 0)
        }
    }

    /// Mandated programmes are funded first: at 1 bn instead of the baseline's budget (Latsar alone needs about Rp 0.7 bn a year in Sorong), discretionary training
    /// shrinks far more than Latsar does.
    @Test func latsarIsFundedBeforeDiscretionaryTraining() throws {
        let full = try bundled("baseline.json")
        let poor = try bundled("baseline.json", "regions.sorong.budget.rupiahPerYear=1e9")
        let r = 1
        let latsar = (
            meanOver(0..<3, full) { $0.regions[r].total(.latsarStarted) }, meanOver(0..<3, poor) { $0.regions[r].total(.latsarStarted) }
        )
        let others = (
            meanOver(0..<3, full) { $0.regions[r].total(.completed) - $0.regions[r].total(.latsarCompleted) },
            meanOver(0..<3, poor) { $0.regions[r].total(.completed) - $0.regions[r].total(.latsarCompleted) }
        )
        // Money left for discretionary training falls from about 0.75 to 0.29 bn (−61%); cheap
        // e-learning keeps part of the completions.
        #expect(latsar.1 / latsar.0 > 0.9, "Latsar kept \(latsar.1 / latsar.0) of its participants")
        #expect(others.1 / others.0 < 0.8, "discretionary training kept \(others.1 / others.0)")
    }

    /// Structural posts are filled by promotion down the ladder: over 5 years they shrink only by
    /// the vacancies still in the 3-month promotion lag (under 5%; the promoted are the most senior,
    /// so they turn over faster than average). Without promotion they shrink by the exit rates,
    /// about 5–6% a year, so by more than 15%. Means of 4 replications.
    @Test func promotionKeepsTheStructuralPosts() throws {
        let promoting = try bundled("baseline.json")
        let frozen = try bundled(
            "baseline.json", "regions.sawahlunto.recruitment.promoteIntoVacancies=false",
            "regions.sorong.recruitment.promoteIntoVacancies=false")
        let last = promoting.months - 1
        for r in promoting.regions.indices {
            let start = meanOver(0..<4, promoting) { $0.regions[r][.structuralPosts, 0] }
            let kept = meanOver(0..<4, promoting) { $0.regions[r][.structuralPosts, last] } / start
            let left = meanOver(0..<4, frozen) { $0.regions[r][.structuralPosts, last] } / start
            #expect(kept > 0.95 && kept <= 1.01, "\(promoting.regions[r].id): with promotion \(kept) of the posts are held")
            #expect(left < 0.85, "\(promoting.regions[r].id): without promotion \(left) are held")
            #expect(meanOver(0..<2, frozen) { $0.regions[r].total(.promotions) } == 0)
        }
    }

    /// PKP, declared mandatory on promotion to pengawas, is owed by the newly promoted and paid
    /// first: with money to spare few owe it at the horizon (those promoted since the last
    /// cohort); with no budget everyone promoted to pengawas still owes it, and nothing is spent.
    @Test func pkpIsOwedOnPromotionAndFundedFirst() throws {
        let rich = try bundled("leadership-pkp.json", "regions.sawahlunto.budget.rupiahPerYear=1e11")
        let broke = try bundled("leadership-pkp.json", "regions.sawahlunto.budget.rupiahPerYear=0")
        let base = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=1e11")
        let last = rich.months - 1
        let owed = (
            meanOver(0..<4, rich) { $0.regions[0][.promotionTrainingOwed, last] },
            meanOver(0..<4, broke) { $0.regions[0][.promotionTrainingOwed, last] }
        )
        #expect(meanOver(0..<2, rich) { $0.regions[0][.promotionTrainingOwed, 0] } == 0, "no one owes PKP before any promotion")
        #expect(owed.1 >= 30 && owed.1 > 2 * owed.0, "owed at the horizon: \(owed.0) with money, \(owed.1) without")
        #expect(meanOver(0..<2, broke) { $0.regions[0].total(.budgetMandatoryRupiah) } == 0)
        let extra =
            meanOver(0..<4, rich) { $0.regions[0].total(.budgetMandatoryRupiah) }
            - meanOver(0..<4, base) { $0.regions[0].total(.budgetMandatoryRupiah) }
        #expect(extra > 5e8, "PKP added Rp \(extra) of mandated spending over 5 years")
    }

    /// Money is planned only for sessions that can still run this year. At Rp 0.8 bn Sawahlunto
    /// spends over 90% of each year's budget; when the October replan gave Latsar money for a
    /// 36-day session that could no longer be placed before December's blackout, about 14% of the
    /// budget stayed unspent every year (Rp 690 M of 800 M spent).
    @Test func theLastQuartersMoneyGoesToSessionsThatCanRun() throws {
        let model = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=8e8")
        for year in 1..<model.years {
            let spent = meanOver(0..<4, model) { result in
                (year * 12..<(year + 1) * 12).reduce(0) { $0 + result.regions[0][.budgetSpentRupiah, $1] }
            }
            #expect(spent / 8e8 > 0.9, "year \(model.startYear + year): spent \(spent / 8e8) of the budget")
        }
    }
}
