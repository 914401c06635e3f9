import Foundation
import SimExperiment
import SimWorkforce
import Testing

/// Policy directions, each from 20 paired replications with common random numbers: the paired
/// 95% interval of the difference must exclude zero on the expected side, so a mechanism that does
/// nothing fails (a `≤` would pass). Each test names the mechanism it exercises; the closing note
/// of issue 12 says how each was seen to fail with its mechanism broken.
@Suite struct PolicyDirectionTests {
    static func atHorizon(_ metric: Metric, region r: Int) -> @Sendable (ReplicationResult) -> Double {
        { $0.regions[r][metric, $0.regions[r].months - 1] }
    }

    static func expectAbove(_ d: Estimate, _ what: String) { #expect(d.low > 0, "\(what): \(d.shown)") }
    static func expectBelow(_ d: Estimate, _ what: String) { #expect(d.high < 0, "\(what): \(d.shown)") }

    /// Budget: +50% narrows the mean gap to the standard and raises the share reaching 20 JP in
    /// both regions; no budget lowers the share at standard and the 20 JP share. (+50% on the share
    /// at standard itself, a threshold count, is too small to resolve in Sorong: +0.0002
    /// [−0.0002, 0.0006] over 80 replications, because the extra money goes mostly to digital,
    /// where few cross the line; the gap is the continuous measure of the same mechanism.)
    @Test func budgetMovesCompetencyAndTheTwentyJP() throws {
        let base = try bundled("baseline.json")
        let more = try bundled("budget-plus-50.json")
        let none = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0")
        for r in base.regions.indices {
            let region = base.regions[r].id
            Self.expectBelow(
                pairedDifference(base, more, Self.atHorizon(.competencyGapMean, region: r)), "+50%: \(region) competency.gap_mean")
            Self.expectAbove(
                pairedDifference(base, more, Self.atHorizon(.jpShareReaching20, region: r)), "+50%: \(region) jp.share_reaching_20")
            for metric in [Metric.competencyShareAtStandard, .jpShareReaching20] {
                Self.expectBelow(
                    pairedDifference(base, none, Self.atHorizon(metric, region: r)), "no budget: \(region) \(metric.definition.id)")
            }
        }
    }

    /// Leadership support raises transfer (the floor of applied learning). Acceptance and the
    /// motivation baseline are held fixed (their support effects set to 0 in both arms), so only
    /// transfer can make the difference.
    @Test func leadershipSupportRaisesTransferWithAcceptanceHeldFixed() throws {
        let fixed = ["participation.supportEffect=0", "motivation.supportBaselineGain=0"]
        let low = try bundled("baseline.json", fixed + ["policy.leadershipSupport=0"])
        let high = try bundled("baseline.json", fixed + ["policy.leadershipSupport=1"])
        for r in low.regions.indices {
            Self.expectAbove(
                pairedDifference(low, high, Self.atHorizon(.competencyMean, region: r)), "\(low.regions[r].id) competency.mean")
        }
    }

    /// equalHours ranks those with the fewest JP first, so fewer PNS end the year with none than
    /// under random allocation, which spreads seats just as widely but blindly (against needsBased,
    /// which concentrates on the largest gaps, random would pass too). Sawahlunto only: Sorong's
    /// providers and budget reach about 14% of its staff a year under any rule, so who is first in
    /// line changes little there.
    @Test func equalHoursLeavesFewerWithoutTraining() throws {
        let random = try bundled("baseline.json", "policy.allocation=random")
        let equal = try bundled("equal-hours.json")
        Self.expectBelow(pairedDifference(random, equal, Self.atHorizon(.jpShareWithNone, region: 0)), "sawahlunto jp.share_with_none")
    }

    /// needsBased targets the largest gaps, so seniority and random allocation leave a larger mean gap.
    @Test func needsBasedClosesMoreGapThanSeniorityOrRandom() throws {
        let needs = try bundled("baseline.json")
        for rule in ["seniority", "random"] {
            let other = try bundled("baseline.json", "policy.allocation=\(rule)")
            for r in needs.regions.indices {
                Self.expectAbove(
                    pairedDifference(needs, other, Self.atHorizon(.competencyGapMean, region: r)),
                    "\(rule): \(needs.regions[r].id) competency.gap_mean")
            }
        }
    }

    /// A participatory needs analysis raises relevance, so each completion teaches more.
    @Test func participatoryAnalysisRaisesGainPerCompletion() throws {
        let base = try bundled("baseline.json")
        let participatory = try bundled("baseline.json", "policy.needsAnalysis=participatory")
        for r in base.regions.indices {
            let perCompletion: @Sendable (ReplicationResult) -> Double = {
                $0.regions[r].total(.trainingGainLevels) / $0.regions[r].total(.completed)
            }
            Self.expectAbove(pairedDifference(base, participatory, perCompletion), "\(base.regions[r].id) gain per completion")
        }
    }

    /// An incentive raises completion, and still does in the last year: its effect fades from the
    /// reward each employee last earned, not from the start of the run (after 4 years at a 4-month
    /// half-life that would leave 2⁻¹² of it). The reward costs nothing here, so the money it would
    /// take does not change which programmes run (a paid reward moves money toward cheap e-learning,
    /// whose completion is lower, and the mix hides the effect). The evaluation is off in both arms:
    /// it switches poorly completed e-learning to modes that complete better, and would do so less
    /// often where the incentive props completion up. Sorong's last-year effect is under a
    /// percentage point (+0.8 pp [−0.3, +1.8] at 20 replications), so this test pools 60.
    @Test func incentivesRaiseCompletionToTheLastYear() throws {
        let base = try bundled("baseline.json", "policy.evaluation.enabled=false")
        let paid = try bundled(
            "baseline.json", "policy.evaluation.enabled=false", "policy.incentive.enabled=true", "policy.incentive.rupiahPerCompletion=0")
        for r in base.regions.indices {
            let lastYearRate: @Sendable (ReplicationResult) -> Double = { result in
                let months = (result.regions[r].months - 12)..<result.regions[r].months
                let done = months.reduce(0.0) { $0 + result.regions[r][.completed, $1] }
                let dropped = months.reduce(0.0) { $0 + result.regions[r][.droppedOut, $1] }
                return done / (done + dropped)
            }
            Self.expectAbove(
                pairedDifference(base, paid, replications: 60, lastYearRate), "\(base.regions[r].id) completion rate in the last year")
        }
    }

    /// Forums credit JP and pull staff toward their unit's upper quartile (through transfer).
    @Test func forumsRaiseJPAndCompetency() throws {
        let base = try bundled("baseline.json")
        let forums = try bundled("knowledge-forums.json")
        for r in base.regions.indices {
            Self.expectAbove(pairedDifference(base, forums, Self.atHorizon(.jpMean, region: r)), "\(base.regions[r].id) jp.mean")
            Self.expectAbove(
                pairedDifference(base, forums, { $0.regions[r].total(.trainingGainLevels) }), "\(base.regions[r].id) training.gain_levels")
        }
    }

    /// Complaint weighting steers needs-based training toward the domain citizens complain about
    /// (service), so service competency ends higher with it than without. The fixture offers two
    /// courses of equal cost and value, one for service and one for digital, and money for only
    /// part of them; unweighted, the tie goes to digital (the first listed). In the bundled baseline
    /// the weights change nothing: the service and ethics programmes are already the best value per
    /// Rupiah, and the others never win the margin.
    @Test func complaintWeightingRaisesServiceCompetency() throws {
        let without = try fixture("complaint-choice.json", "policy.complaintWeighting=false")
        let with = try fixture("complaint-choice.json")
        #expect(with.regions.allSatisfy { $0.policy.complaintWeighting }, "complaint weighting is on by default")
        let service = try #require(without.domains.firstIndex { $0.id == "service" })
        let metric = MetricKey.domain(.mean, domain: without.domains[service].id)
        for r in without.regions.indices {
            let value: @Sendable (ReplicationResult) -> Double = { $0.regions[r][series: metric, $0.regions[r].months - 1] }
            Self.expectAbove(pairedDifference(without, with, value), "\(without.regions[r].id) competency.service")
        }
    }

    /// Shocks: a suspension lowers completions inside its window, a mid-year cut lowers spending,
    /// a requirement jump lowers the share at standard from its month on.
    @Test func eachShockKindActsInItsWindow() throws {
        let base = try bundled("baseline.json")
        let pandemic = try bundled("pandemic.json")
        let cut = try bundled("budget-cut-30.json")
        let jump = try fixture("requirement-jump.json")
        let window = 14..<29  // 2028-03 to 2029-05
        for r in base.regions.indices {
            let id = base.regions[r].id
            Self.expectBelow(
                pairedDifference(base, pandemic, { result in window.reduce(0) { $0 + result.regions[r][.completed, $1] } }),
                "\(id) completions while suspended")
            Self.expectBelow(pairedDifference(base, cut, { $0.regions[r].total(.budgetSpentRupiah) }), "\(id) spending under the cut")
            Self.expectBelow(
                pairedDifference(base, jump, { $0.regions[r][.competencyShareAtStandard, 18] }),
                "\(id) share at standard in the jump's month")
            let before = pairedDifference(base, jump, { $0.regions[r][.competencyShareAtStandard, 17] })
            #expect(before.mean == 0, "\(id): nothing changes before the jump (\(before.shown))")
        }
    }

    /// A one-month suspension of a mode cancels only the sessions inside its window, and planning
    /// during it still places sessions in the months after. Workshops suspended every April cost
    /// the workshop programme about one open month in eleven (December is a blackout month); when
    /// the suspension cancelled the whole year's planned workshops and a replan in April placed
    /// none, it lost 79% of its completions in Sawahlunto. Sawahlunto's workshops fill every open
    /// month, so the lost April shows (its paired difference excludes zero); Sorong's are held back
    /// by its budget and mostly move to other months (−0.8% over 16 replications, too small to
    /// resolve), so there the test guards only against the old loss.
    @Test func aOneMonthSuspensionCostsAboutOneMonth() throws {
        let base = try bundled("baseline.json")
        let april = try fixture("april-workshop-suspension.json")
        let programme = try #require(base.programmes.firstIndex { $0.id == "service-excellence" })
        let metric = MetricKey.programme(.completed, programme: base.programmes[programme].id)
        func completions(_ r: Int) -> @Sendable (ReplicationResult) -> Double {
            { result in (0..<result.regions[r].months).reduce(0) { $0 + result.regions[r][series: metric, $1] } }
        }
        for r in base.regions.indices {
            let kept = meanOver(0..<4, april, completions(r)) / meanOver(0..<4, base, completions(r))
            #expect(kept > 0.8, "\(base.regions[r].id): the workshop programme kept \(kept) of its completions")
        }
        let sawahlunto = try #require(base.regions.firstIndex { $0.id == "sawahlunto" })
        Self.expectBelow(pairedDifference(base, april, completions(sawahlunto)), "sawahlunto workshop completions without April")
    }

    /// The same budget spread over more staff reaches 20 JP for a smaller share of them (under the
    /// 30% cut, Sawahlunto at 2,300 instead of 1,800 staff). A planner once saw the opposite
    /// (19.4% against 16.1%, before Latsar was delivered and the other fixes of issues 11–12); this
    /// test keeps it from coming back.
    @Test func moreStaffOnTheSameBudgetReachTwentyJPLessOften() throws {
        let fewer = try bundled("budget-cut-30.json")
        let more = try bundled("budget-cut-30.json", "regions.sawahlunto.headcount=2300")
        Self.expectBelow(pairedDifference(fewer, more, Self.atHorizon(.jpShareReaching20, region: 0)), "sawahlunto jp.share_reaching_20")
    }

    /// Projects slip less when managers are more competent in project management.
    @Test func competentManagersDelayProjectsLess() throws {
        let weak = try bundled("baseline.json", "regions.sawahlunto.initialGapLevels=1.5", "regions.sorong.initialGapLevels=1.5")
        let strong = try bundled("baseline.json", "regions.sawahlunto.initialGapLevels=-0.5", "regions.sorong.initialGapLevels=-0.5")
        for r in weak.regions.indices {
            Self.expectBelow(
                pairedDifference(weak, strong, Self.atHorizon(.projectsMeanDelayMonths, region: r)),
                "\(weak.regions[r].id) projects.mean_delay_months")
        }
    }

    /// The IP ASN proxy rises with training (JP and competency are two of its parts).
    @Test func trainingRaisesTheIPASNProxy() throws {
        let base = try bundled("baseline.json")
        let more = try bundled("budget-plus-50.json")
        for r in base.regions.indices {
            Self.expectAbove(pairedDifference(base, more, Self.atHorizon(.ipASNProxy, region: r)), "\(base.regions[r].id) ip_asn.proxy")
        }
    }

    /// With no budget no session runs: nobody completes, drops out or is away for the region's
    /// training (learning outside the budget, which also takes duty time, is left out here; its
    /// own tests show it runs without a budget).
    @Test func zeroBudgetRunsNoSession() throws {
        var model = try bundled("baseline.json", "regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0")
        model.externalLearning = []
        let result = runReplication(model, seed: 3, replication: 0)
        for region in result.regions {
            #expect(region.total(.completed) == 0)
            #expect(region.total(.droppedOut) == 0)
            #expect(region.total(.budgetSpentRupiah) == 0)
            #expect(region.total(.staffDaysOffDuty) == 0)
        }
    }

    @Test func anAwardRaisesAcceptance() throws {
        let base = try bundled("baseline.json")
        let award = try bundled("baseline.json", "policy.award.enabled=true")
        let acceptance: @Sendable (ReplicationResult) -> Double = { result in
            result.regions.map { $0.total(.accepted) }.reduce(0, +) / result.regions.map { $0.total(.invited) }.reduce(0, +)
        }
        Self.expectAbove(pairedDifference(base, award, acceptance), "acceptance")
    }

    @Test func theSameSeedGivesIdenticalResults() throws {
        let model = try bundled("baseline.json")
        let a = runReplication(model, seed: 42, replication: 3)
        let b = runReplication(model, seed: 42, replication: 3)
        let c = runReplication(model, seed: 43, replication: 3)
        #expect(a.regions.map { $0.values.map(\.bitPattern) } == b.regions.map { $0.values.map(\.bitPattern) })
        #expect(a.regions.map(\.decisions) == b.regions.map(\.decisions))
        #expect(a.regions.map { $0.values } != c.regions.map { $0.values })
    }
}
