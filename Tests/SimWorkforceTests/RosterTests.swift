import Foundation
import SimCore
import SimScenario
import SimWorkforce
import Testing

/// The roster fixture read independently of the product: a plain split on ';' (the fixture has
/// no quoted field), so a test checks the reader against what the file says, not against itself.
struct RosterFixtureRow {
    var unit: String, post: String, status: String, born: CivilDate, jp: Double
}

func readRosterFixture(_ name: String) throws -> [RosterFixtureRow] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/rosters/\(name)").path
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\r\n").dropFirst()
    return lines.map { line in
        let f = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let d = f[6].split(separator: "-").map { Int($0)! }
        let born = d[0] > 31 ? CivilDate(d[0], d[1], d[2]) : CivilDate(d[2], d[1], d[0])
        return RosterFixtureRow(unit: f[2], post: f[3].lowercased(), status: f[5].lowercased(), born: born, jp: Double(f[9])!)
    }
}

@Suite struct RosterTests {
    /// Every roster row is one employee at the start, in its unit, post and status: counts by
    /// unit × post × status equal the file's exactly, and each age is the birth date's on the
    /// start date (1 October 2026). Columns the file leaves empty are drawn, and reported.
    @Test func aRosterReproducesItselfAtTheStart() throws {
        let model = try fixture("roster-town.json")
        let rows = try readRosterFixture("town.csv")
        let region = model.regions[0]
        let staff = RegionSimulation(model: model, regionIndex: 0, seed: 3, replication: 2).staff
        #expect(staff.count == rows.count && region.headcount == rows.count)
        func key(_ unit: String, _ post: String, _ status: String) -> String { "\(unit) \(post) \(status)" }
        var expected: [String: Int] = [:]
        var found: [String: Int] = [:]
        for row in rows { expected[key(row.unit, row.post == "jpt" ? "jpt" : row.post, row.status), default: 0] += 1 }
        for person in staff { found[key(region.units[person.unit].id, person.jobLevel.id, person.status.id), default: 0] += 1 }
        #expect(found == expected)
        #expect(expected.count >= 8, "the fixture should spread over several cells")
        let start = CivilDate(2026, 10, 1)
        for (person, row) in zip(staff, rows) {
            #expect(abs(person.ageYears - Double(start.dayNumber - row.born.dayNumber) / 365.25) < 1e-9)
            #expect(person.jpThisYear == row.jp)
            #expect(person.owesLatsar == (row.status == "cpns"))
        }
        let imputed = Dictionary(uniqueKeysWithValues: (region.roster?.imputed ?? []).map { ($0.column, $0.people) })
        #expect(imputed["competency.digital"] == 30 && imputed["competency.service"] == 10)
        #expect(imputed["education"] == 2 && imputed["tmt"] == 2 && imputed["birthDate"] == nil)
    }

    /// An employee with 18 JP done by October, booked on a 2-JP session on 10 November, has 20 JP
    /// at the start of December; the run starts in October (January–September are empty), the
    /// year's budget is what the start state leaves, and the people waiting at the counter are
    /// served in October.
    @Test func eighteenJPByOctoberReachTwentyAfterANovemberSession() throws {
        let model = try fixture("roster-town.json")
        let clock = WorkingClock(model.simulation)
        var simulation = RegionSimulation(model: model, regionIndex: 0, seed: 3, replication: 0)
        #expect(simulation.staff[2].jpThisYear == 18, "row 4 of the roster is the third employee")
        simulation.run(until: SimTime(workingDays: clock.monthStart[10]))
        #expect(simulation.staff[2].jpThisYear == 18, "nothing before the session")
        simulation.run(until: SimTime(workingDays: clock.monthStart[11]))
        #expect(simulation.staff[2].jpThisYear == 20)
        let result = runReplication(model, seed: 3, replication: 0).regions[0]
        #expect(
            (0..<9).allSatisfy { result[.jpShareReaching20, $0].isNaN && result[.headcount, $0].isNaN }, "months before the start are empty"
        )
        #expect(result[.headcount, 9] == 60)
        // 100 M a year less 70 M spent before the start: what October spends (the CPNS' Latsar)
        // and what is left add up to 30 M.
        #expect(result[.budgetSpentRupiah, 9] > 0)
        #expect(abs(result[.budgetSpentRupiah, 9] + result[.budgetUnspentRupiah, 9] - 30_000_000) < 1)
        #expect(result[.serviceRequests, 9] > 0 && result[.serviceWaitMean, 9] > 0)
    }

    /// A warm-up removes the empty-office start. On an M/M/10 counter at ρ = 0.97 (the load at
    /// which a queue takes longest to fill) the first month's mean wait, over 1,000 one-year
    /// replications, reads below the warm-started first month by more than two standard errors of
    /// the difference when the counter opens empty, and within 10% of Erlang C after a 60-day
    /// warm-up. Measured with the CLI (200 replications, seed 1): cold 38.0 minutes, warm 43.1,
    /// Erlang C 44.7. At ρ = 0.9 the empty start costs only about 1–3% of the first month's wait
    /// (600 replications, in this code and the code before it), too little to test.
    @Test func aWarmUpRemovesTheEmptyOfficeStart() throws {
        let base = [
            "simulation.years=1", "simulation.calendar=flat", "regions.town.units.counter.service.counterShare=0.1",
            "regions.town.units.counter.service.requestsPerDay=291",
        ]
        let cold = try fixture("counter.json", base)
        let warm = try fixture("counter.json", base + ["simulation.warmUpDays=60"])
        let theory = ErlangC(arrivalRate: 291 / (cold.hoursPerWorkingDay * 60), serviceRate: 1.0 / 15, servers: 10).meanWait
        let n = 1000
        func firstMonth(_ model: ModelParameters) -> (mean: Double, standardError: Double) {
            let waits = (0..<n).map { runReplication(model, seed: 21, replication: $0).regions[0][.serviceWaitMean, 0] }
            var stats = RunningStatistics()
            for wait in waits { stats.add(wait) }
            return (stats.mean, stats.standardDeviation / Double(n).squareRoot())
        }
        let coldWait = firstMonth(cold)
        let warmWait = firstMonth(warm)
        #expect(abs(warmWait.mean / theory - 1) < 0.10, "warm \(warmWait) against Erlang C \(theory)")
        let standardError = (coldWait.standardError * coldWait.standardError + warmWait.standardError * warmWait.standardError).squareRoot()
        #expect(
            warmWait.mean - coldWait.mean > 2 * standardError,
            "the warm-up must change the first month: cold \(coldWait), warm \(warmWait), Erlang C \(theory)")
    }
}
