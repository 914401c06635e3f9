import Testing
import SimScenario
import SimWorkforce

/// The constraints hold in every month of every bundled scenario: budget never exceeded, away
/// share never above the cap, no session in a blackout month or a suspended mode, JP caps.
@Suite struct ModelInvariantTests {
    @Test(arguments: try bundledScenarioFiles())
    func constraintsHoldInEveryBundledScenario(file: String) throws {
        try check(try bundled(file), file: file)
        // Again without Latsar's workplace part, so the blackout check below sees only sessions.
        var plain = try bundled(file)
        for p in plain.programmes.indices { plain.programmes[p].workplacePartJP = 0 }
        try check(plain, file: file + " (no workplace part)")
    }

    func check(_ model: ModelParameters, file: String) throws {
        for region in model.regions.indices {
            for replication in 0..<2 {
                var simulation = RegionSimulation(model: model, regionIndex: region, seed: 5, replication: replication)
                let result = simulation.runToHorizon()
                let breaches = Breach.allCases.filter { result.breaches[$0.rawValue] > 0 }.map { "\(result.breaches[$0.rawValue]) × \($0.meaning)" }
                #expect(breaches.isEmpty, "\(file) region \(region): \(breaches)")
                // Every metric is written every month (undefined measures as ordinary NaN).
                #expect(result.unwrittenCount == 0, "\(file) region \(region): \(result.unwrittenCount) values never written")
                let budget = model.regions[region].budget.rupiahPerYear
                for year in 0..<model.years {
                    let spent = (year * 12..<(year + 1) * 12).reduce(0) { $0 + result[.budgetSpentRupiah, $1] }
                    #expect(spent <= budget * (1 + 1e-9), "\(file) region \(region) year \(year): spent \(spent) of \(budget)")
                }
                // Seen from outside the model: in a blackout month nobody is away for training
                // (forums, participatory analysis and Latsar's workplace part, which are not
                // sessions, must be off for this check; the second run below turns the last off).
                let policy = model.regions[region].policy
                if !policy.forums.enabled && !policy.participatory && !model.programmes.contains(where: { $0.workplacePartJP > 0 }) {
                    for month in 0..<result.months where policy.blackoutMonths[(model.startYear * 12 + month) % 12] {
                        #expect(result[.staffDaysOffDuty, month] == 0, "\(file) region \(region) month \(month)")
                    }
                }
            }
        }
    }
}
