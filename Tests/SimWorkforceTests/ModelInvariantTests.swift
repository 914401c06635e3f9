import SimScenario
import SimWorkforce
import Testing

/// The constraints hold in every month of every bundled scenario: budget never exceeded, away
/// share never above the cap, no session in a blackout month or a suspended mode, JP caps.
@Suite struct ModelInvariantTests {
    @Test(arguments: try bundledScenarioFiles())
    func constraintsHoldInEveryBundledScenario(file: String) throws {
        try check(try bundled(file), file: file)
        // Again without Latsar's workplace part and learning outside the budget (which staff take
        // on their own, blackout or not), so the blackout check below sees only sessions.
        var plain = try bundled(file)
        for p in plain.programmes.indices { plain.programmes[p].workplacePartJP = 0 }
        plain.externalLearning = []
        try check(plain, file: file + " (no workplace part)")
    }

    func check(_ model: ModelParameters, file: String) throws {
        for region in model.regions.indices {
            for replication in 0..<2 {
                var simulation = RegionSimulation(model: model, regionIndex: region, seed: 5, replication: replication)
                let result = simulation.runToHorizon()
                let breaches = Breach.allCases.filter { result.breaches[$0.rawValue] > 0 }.map {
                    "\(result.breaches[$0.rawValue]) × \($0.meaning)"
                }
                #expect(breaches.isEmpty, "\(file) region \(region): \(breaches)")
                checkDecisions(result.decisions, model: model, file: "\(file) region \(region)")
                checkProgrammesAddUp(result, model: model, file: "\(file) region \(region)")
                // Every metric is written every month (undefined measures as ordinary NaN).
                #expect(result.unwrittenCount == 0, "\(file) region \(region): \(result.unwrittenCount) values never written")
                let budget = model.regions[region].budget.rupiahPerYear
                for year in 0..<model.years {
                    let spent = (year * 12..<(year + 1) * 12).reduce(0) { $0 + result[.budgetSpentRupiah, $1] }
                    #expect(spent <= budget * (1 + 1e-9), "\(file) region \(region) year \(year): spent \(spent) of \(budget)")
                }
                // Seen from outside the model: in a blackout month nobody is away for training
                // (forums, participatory analysis, Latsar's workplace part and external learning,
                // which are not sessions, must be off for this check; the second run below turns the
                // last two off).
                let policy = model.regions[region].policy
                if !policy.forums.enabled && !policy.participatory && !model.programmes.contains(where: { $0.workplacePartJP > 0 })
                    && model.externalLearning.isEmpty
                {
                    for month in 0..<result.months where policy.blackoutMonths[(model.startYear * 12 + month) % 12] {
                        #expect(result[.staffDaysOffDuty, month] == 0, "\(file) region \(region) month \(month)")
                    }
                }
            }
        }
    }

    /// programmes.csv accounts for every invitation and completion of the region, month by month,
    /// and its spending never exceeds the region's.
    func checkProgrammesAddUp(_ result: RegionResult, model: ModelParameters, file: String) {
        func sum(_ measure: ProgrammeMeasure, _ month: Int) -> Double {
            model.programmes.indices.reduce(0) { $0 + result[series: .programme(measure, programme: model.programmes[$1].id), month] }
        }
        for month in 0..<result.months {
            #expect(sum(.invited, month) == result[.invited, month], "\(file) month \(month): invitations")
            #expect(sum(.completed, month) == result[.completed, month], "\(file) month \(month): completions")
            #expect(sum(.spentRupiah, month) <= result[.budgetSpentRupiah, month] * (1 + 1e-12), "\(file) month \(month): spending")
        }
    }

    /// The evaluation logs only decisions that change something: no budget shift of Rp 0, and no
    /// drop that leaves a domain taught by no programme open to the staff at large.
    func checkDecisions(_ decisions: [Decision], model: ModelParameters, file: String) {
        var dropped = Set<Int>()
        for decision in decisions.sorted(by: { $0.month < $1.month }) {
            #expect(!decision.reason.contains("moved Rp 0 "), "\(file): \(decision.reason)")
            #expect(!model.programmes[decision.programme].isMandated, "\(file): a mandated programme was changed")
            guard decision.action == .drop else { continue }
            dropped.insert(decision.programme)
            for (d, weight) in model.programmes[decision.programme].domains.enumerated() where weight > 0 {
                let taught = model.programmes.indices.contains { p in
                    !dropped.contains(p) && !model.programmes[p].isMandated && model.programmes[p].domains[d] > 0
                        && model.programmes[p].sessionsPerYear > 0
                }
                #expect(
                    taught, "\(file): dropping \(model.programmes[decision.programme].id) left \(model.domains[d].id) with no programme")
            }
        }
    }
}
