import SimCore
import SimExperiment
import Testing

@testable import SimWorkforce

/// Learning outside the budget (`externalLearning`, issue 37 item 1): JP that cost the region
/// nothing, taken more by the motivated, within each source's recognised cap and its units.
@Suite struct ExternalLearningTests {
    static let fast = ["simulation.serviceFidelity=\"analytic\"", "simulation.years=2"]
    static let noBudget = ["regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0"]
    static let sources = ["lan-mooc", "webinar", "merdeka-mengajar", "plataran-sehat"]

    /// Every source's uptake times `factor`.
    static func uptake(_ factor: Double) throws -> [String] {
        let model = try bundled("baseline.json", fast)
        return model.externalLearning.map { "externalLearning.\($0.id).coursesPerYear=\($0.coursesPerYear * factor)" }
    }

    /// A simulation of Sorong run into the first year's last month (`closed`: into the next
    /// year's first, so December's results are written and this year's JP are last year's).
    static func firstYear(_ overrides: [String], closed: Bool = false, seed: UInt64 = 3, replication: Int = 1) throws -> RegionSimulation {
        let model = try bundled("baseline.json", fast + overrides)
        let sorong = try #require(model.regions.firstIndex { $0.id == "sorong" })
        var simulation = RegionSimulation(model: model, regionIndex: sorong, seed: seed, replication: replication)
        simulation.run(until: SimTime(workingDays: WorkingClock(model.simulation).monthStart[closed ? 12 : 11] + 1))
        return simulation
    }

    /// With no budget at all, no Rupiah is spent and no session runs, yet PNS reach 20 JP from
    /// the sources outside it, and all their JP are external; with the sources' uptake at 0,
    /// nobody has any JP. Doubling the uptake lowers the share with none (paired, 8 replications).
    @Test func withNoBudgetTheJPComeFromOutsideIt() throws {
        let without = try Self.firstYear(Self.noBudget + Self.uptake(0), closed: true).result
        let with = try Self.firstYear(Self.noBudget, closed: true).result
        let december = 11
        func spent(_ result: RegionResult) -> Double { (0...december).reduce(0) { $0 + result[.budgetSpentRupiah, $1] } }
        #expect(spent(with) == 0 && spent(without) == 0, "external learning costs nothing: \(spent(with)), \(spent(without))")
        #expect(without[.jpShareReaching20, december] == 0 && without[.jpShareWithNone, december] == 1)
        #expect(with[.jpShareReaching20, december] > 0.02, "PNS reach 20 JP without a budget: \(with[.jpShareReaching20, december])")
        #expect(with[.jpShareWithNone, december] < 0.6, "most PNS have some JP: \(with[.jpShareWithNone, december])")
        #expect(with[.jpShareExternal, december] == 1, "every JP is from outside the budget")
        var differences: [Double] = []
        for replication in 0..<8 {
            let base = try Self.firstYear(Self.noBudget, closed: true, replication: replication).result
            let more = try Self.firstYear(Self.noBudget + Self.uptake(2), closed: true, replication: replication).result
            differences.append(more[.jpShareWithNone, december] - base[.jpShareWithNone, december])
        }
        var statistics = RunningStatistics()
        for d in differences { statistics.add(d) }
        let estimate = Estimate(statistics)
        #expect(estimate.high < 0, "twice the uptake leaves fewer with none: \(estimate.mean) [\(estimate.low), \(estimate.high)]")
    }

    /// A sector platform open to one unit credits JP to that unit's staff only, and no employee
    /// is credited more than the source's yearly cap, however many courses they take.
    @Test func aSourceKeepsToItsUnitsAndItsCap() throws {
        let overrides =
            try Self.noBudget + Self.uptake(0) + [
                "externalLearning.merdeka-mengajar.coursesPerYear=12", "externalLearning.merdeka-mengajar.maxJPPerYear=20",
                "externalLearning.merdeka-mengajar.jpPerCourse=8",
            ]
        let simulation = try Self.firstYear(overrides)
        let workforce = simulation.workforce
        let education = try #require(simulation.region.units.firstIndex { $0.id == "education" })
        let credited = workforce.indices.filter { workforce.jpExternalThisYear[$0] > 0 }
        #expect(credited.count > 100, "teachers use their platform: \(credited.count)")
        #expect(credited.allSatisfy { workforce.unit[$0].rawValue == education }, "only the education unit's staff")
        #expect(credited.allSatisfy { workforce.jpExternalThisYear[$0] <= 20 }, "the cap of 20 JP a year holds")
        #expect(credited.contains { workforce.jpExternalThisYear[$0] == 20 }, "at 12 courses a year some reach the cap")
    }

    /// The motivated take more: among staff on the same sources, the top motivation quartile
    /// has more external JP than the bottom one.
    @Test func theMotivatedTakeMore() throws {
        let simulation = try Self.firstYear(Self.noBudget)
        let workforce = simulation.workforce
        let pns = workforce.indices.filter { workforce.active[$0] && !workforce.isPPPK[$0] }
            .sorted { workforce.effectiveMotivation($0) < workforce.effectiveMotivation($1) }
        let quarter = pns.count / 4
        func mean(_ people: ArraySlice<EmployeeIndex>) -> Double {
            people.reduce(0) { $0 + workforce.jpExternalThisYear[$1] } / Double(people.count)
        }
        let low = mean(pns.prefix(quarter))
        let high = mean(pns.suffix(quarter))
        #expect(high > 1.5 * low, "top quartile \(high) JP against bottom \(low)")
    }

    /// The JP measures agree with each other month by month: the shares without mandated or
    /// external JP never exceed the share reaching 20 JP; the median is at least 20 exactly when
    /// more than half reach 20; with no budget nobody reaches 20 JP without external JP, and with no
    /// external uptake the share without them is the share itself.
    @Test func theJPMeasuresAgree() throws {
        for overrides in [[], Self.noBudget, try Self.uptake(0)] {
            let result = try Self.firstYear(overrides, closed: true).result
            for month in 0...11 {
                let share = result[.jpShareReaching20, month]
                let median = result[.jpMedian, month]
                let withoutExternal = result[.jpShareReaching20WithoutExternal, month]
                #expect(withoutExternal <= share && result[.jpShareReaching20WithoutMandated, month] <= share)
                if share > 0.5 { #expect(median >= 20, "month \(month): median \(median) with \(share) reaching 20") }
                if share < 0.5 { #expect(median < 20, "month \(month): median \(median) with \(share) reaching 20") }
                if overrides == Self.noBudget { #expect(withoutExternal == 0) }
                if overrides.first?.hasPrefix("externalLearning") == true { #expect(withoutExternal == share) }
            }
        }
    }

    /// TPP tied to 20 JP (`policy.tpp`, issue 37 item 2): PNS short of the target take more
    /// courses outside the budget, so the 20 JP share rises in both cities (paired, 6 replications,
    /// the rule from the first year), while the share at standard moves by less than a fifth as
    /// much: the cheap JP it buys teach little. Fails with the uptake multiplier at 1.
    @Test func tppTiedTo20JPRaisesJPMoreThanLearning() throws {
        let years = ["simulation.serviceFidelity=\"analytic\"", "simulation.years=1"]
        let base = try bundled("baseline.json", years)
        let tpp = try bundled("tpp-20jp.json", years + ["policy.tpp.fromYear=0"])
        for region in base.regions.indices {
            let reaching = pairedDifference(base, tpp, replications: 6) { $0.regions[region][.jpShareReaching20, 10] }
            let standard = pairedDifference(base, tpp, replications: 6) { $0.regions[region][.competencyShareAtStandard, 10] }
            #expect(reaching.low > 0.02, "region \(region): the 20 JP share rises by \(reaching.shown)")
            #expect(abs(standard.mean) < reaching.mean / 5, "region \(region): at standard \(standard.shown) against \(reaching.shown)")
        }
    }

    /// MODEL.md §11: a pandemic year lowers the 20 JP share by less than a third, since webinars and
    /// e-learning carried JP in 2020–21. A directional expectation from expert judgement, not a
    /// measured fact: the bundled pandemic stops in-person training from March 2028, and the JP from
    /// outside the budget, which it does not touch, soften the fall (how much is set by
    /// `externalLearning`'s uptake, an assumption). Checked on December 2028 in both cities over 6
    /// replications at central values; without external learning the same shock takes a larger share.
    @Test func aPandemicYearCostsLessThanAThirdOfThe20JPShare() throws {
        let years = ["simulation.serviceFidelity=\"analytic\"", "simulation.years=2"]
        let december2028 = 23
        func relativeFall(_ off: [String], region: Int) throws -> (fall: Double, share: Double) {
            let baseline = try bundled("baseline.json", years + off)
            let pandemic = try bundled("pandemic.json", years + off)
            let share = meanOver(0..<6, baseline) { $0.regions[region][.jpShareReaching20, december2028] }
            let fall = pairedDifference(baseline, pandemic, replications: 6) { $0.regions[region][.jpShareReaching20, december2028] }
            return (-fall.mean / share, share)
        }
        for region in 0..<2 {
            let with = try relativeFall([], region: region)
            let without = try relativeFall(Self.uptake(0), region: region)
            #expect(with.fall > 0 && with.fall < 1.0 / 3, "region \(region): the share falls by \(with.fall) of \(with.share)")
            #expect(without.fall > with.fall, "region \(region): without external JP it falls by \(without.fall) of \(without.share)")
        }
    }
}
