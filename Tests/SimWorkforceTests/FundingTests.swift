import SimScenario
import SimWorkforce
import Testing

/// Who pays (issue 37 item 1; MODEL.md §5): `programmes.<id>.fundedBy` and the earmark
/// `programmes.<id>.budgetRupiahPerYear`. Two years at central values, analytic counters, the
/// evaluation off (it moves money between programmes, which is tested on its own).
@Suite struct FundingTests {
    static let common = ["simulation.serviceFidelity=\"analytic\"", "simulation.years=2", "policy.evaluation.enabled=false"]

    /// A programme's spending in fiscal year `year` (0 = the first) in region `r`, Rupiah.
    static func spent(_ result: ReplicationResult, region r: Int, programme p: Int, year: Int) -> Double {
        let slot = result.regions[r].slot(programme: p, .spentRupiah)
        return (year * 12..<year * 12 + 12).reduce(0) { $0 + result.regions[r][slot: slot, $1] }
    }

    static func total(_ result: ReplicationResult, _ metric: Metric, region r: Int, year: Int) -> Double {
        (year * 12..<year * 12 + 12).reduce(0) { $0 + result.regions[r][metric, $1] }
    }

    /// A programme paid from outside runs with no regional budget at all: its cost is in
    /// `budget.outside_rupiah`, to the Rupiah what the programme spent, and the region spends
    /// nothing. Fails if outside funding is charged to the region (nothing then runs) or not
    /// counted apart.
    @Test func aProgrammePaidFromOutsideRunsWithoutTheRegionsMoney() throws {
        let model = try bundled(
            "baseline.json",
            Self.common + [
                "regions.sawahlunto.budget.rupiahPerYear=0", "regions.sorong.budget.rupiahPerYear=0",
                "programmes.service-excellence.fundedBy=\"external\"",
            ])
        let p = try #require(model.programmes.firstIndex { $0.id == "service-excellence" })
        let result = runReplication(model, seed: 11, replication: 0)
        for r in model.regions.indices {
            for year in 0..<2 {
                let outside = Self.total(result, .budgetOutsideRupiah, region: r, year: year)
                #expect(Self.total(result, .budgetSpentRupiah, region: r, year: year) == 0, "region \(r) year \(year)")
                #expect(outside > 0, "region \(r) year \(year): the outside-funded programme ran")
                #expect(abs(outside - Self.spent(result, region: r, programme: p, year: year)) < 1, "region \(r) year \(year)")
                // Paid after the first quarter too: the funder's year is released in January.
                let slot = result.regions[r].slot(programme: p, .spentRupiah)
                let later = (year * 12 + 3..<year * 12 + 12).reduce(0) { $0 + result.regions[r][slot: slot, $1] }
                #expect(later > 0, "region \(r) year \(year): nothing paid after March")
            }
        }
    }

    /// An earmark is a ceiling for its programme and money no other programme may use: with Rp 150
    /// million earmarked for coaching in Sawahlunto, coaching spends at most that each year and
    /// everything else at most the rest of the budget. When coaching cannot run (no sessions), the
    /// earmark is not spent on others: the region spends at most the budget less the earmark,
    /// where without the earmark the same what-if spends more than that (the freed money flows
    /// to other programmes). Fails if the earmark is left in the common budget.
    @Test func anEarmarkIsKeptForItsProgramme() throws {
        let earmark = 150_000_000.0
        let set = "programmes.leadership-coaching.budgetRupiahPerYear.sawahlunto=\(Int(earmark))"
        let earmarked = try bundled("baseline.json", Self.common + [set])
        let stopped = ["programmes.leadership-coaching.sessionsPerYear=0"]
        let idle = try bundled("baseline.json", Self.common + [set] + stopped)
        let idleWithout = try bundled("baseline.json", Self.common + stopped)
        let r = try #require(earmarked.regions.firstIndex { $0.id == "sawahlunto" })
        let budget = earmarked.regions[r].budget.rupiahPerYear
        let coaching = try #require(earmarked.programmes.firstIndex { $0.id == "leadership-coaching" })
        for replication in 0..<3 {
            let running = runReplication(earmarked, seed: 11, replication: replication)
            let held = runReplication(idle, seed: 11, replication: replication)
            let flowed = runReplication(idleWithout, seed: 11, replication: replication)
            for year in 0..<2 {
                let coachingSpent = Self.spent(running, region: r, programme: coaching, year: year)
                let all = Self.total(running, .budgetSpentRupiah, region: r, year: year)
                #expect(coachingSpent > 0 && coachingSpent <= earmark + 0.5, "year \(year): coaching spent \(coachingSpent)")
                #expect(all - coachingSpent <= budget - earmark + 0.5, "year \(year): the rest spent \(all - coachingSpent)")
                #expect(Self.total(held, .budgetSpentRupiah, region: r, year: year) <= budget - earmark + 0.5, "year \(year)")
                #expect(Self.total(flowed, .budgetSpentRupiah, region: r, year: year) > budget - earmark, "year \(year)")
            }
        }
    }

    /// Earmarks together larger than the region's budget are refused at the budget, naming them.
    @Test func earmarksAboveTheBudgetAreRefused() {
        do {
            _ = try bundled("baseline.json", ["programmes.leadership-coaching.budgetRupiahPerYear.sorong=2000000000"])
            Issue.record("accepted earmarks above Sorong's budget")
        } catch let error as ScenarioError {
            #expect(error.diagnostics.map(\.path) == ["regions.sorong.budget.rupiahPerYear"], "\(error)")
            #expect(error.diagnostics.first?.message.contains("programmes.leadership-coaching.budgetRupiahPerYear.sorong") == true)
        } catch {
            Issue.record("\(error)")
        }
    }
}
