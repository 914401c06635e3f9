import Foundation
import SimCore
import SimScenario
import Testing

@testable import SimWorkforce

/// A roster of part of a region (issue 39 item 4): `rosterCovers` lists the units the roster
/// holds; the others are drawn at their shares of `headcount`, as without a roster. The town's
/// roster (20 at loket, 40 at kantor) is given for a city of 120 with a third unit, desk, of
/// twice the others' share: desk is drawn with 120 × 2/4 = 60 people.
@Suite struct RosterCoversTests {
    static let scenario = packageRoot.appendingPathComponent("Tests/SimWorkforceTests/Fixtures/roster-town.json").path
    static let city = [#"regions.town.units.desk={"headcountShare": 2}"#, "regions.town.headcount=120"]

    func load(_ overrides: [String]) throws -> Scenario {
        try ScenarioLoader.load(Self.scenario, overrides: (Self.city + overrides).compactMap(Override.init))
    }

    func problems(_ overrides: [String]) -> [Diagnostic] {
        do {
            _ = try load(overrides)
            return []
        } catch let error as ScenarioError { return error.diagnostics } catch { return [] }
    }

    @Test func theUnitsTheRosterLeavesOutAreDrawnAtTheirShares() throws {
        let scenario = try load([#"regions.town.rosterCovers=["loket", "kantor"]"#])
        let region = scenario.parameters.regions[0]
        #expect(region.headcount == 120 && region.rosterCovers == [0, 1])
        #expect(region.startingUnitSizes == [20, 40, 60])
        let rows = try readRosterFixture("town.csv")
        let simulation = RegionSimulation(model: scenario.parameters, regionIndex: 0, seed: 3, replication: 1)
        let staff = simulation.staff
        var perUnit = [0, 0, 0]
        for person in staff { perUnit[person.unit] += 1 }
        #expect(perUnit == [20, 40, 60])
        // The roster's people first, in file order, as written; the desk's drawn after them.
        for (person, row) in zip(staff, rows) { #expect(region.units[person.unit].id == row.unit && person.jpThisYear == row.jp) }
        #expect(staff.dropFirst(rows.count).allSatisfy { $0.unit == 2 })
        // Newcomers join units as the starting staff are spread, the drawn unit included.
        #expect(simulation.hireUnitWeights == [20, 40, 60])
        // The planner said which units the roster is: no roster-partial warning to raise.
        #expect(scenario.rosterSizes.isEmpty)
        let whole = try load([])
        #expect(whole.rosterSizes == [RosterSize(region: "town", rows: 60, statedHeadcount: 120)])
        #expect(whole.parameters.regions[0].headcount == 60 && whole.parameters.regions[0].startingUnitSizes == [20, 40, 0])
    }

    /// A roster row in a unit the list leaves out is refused, with how many and the first row,
    /// never a cell; a list without a roster is refused at its path.
    @Test func rowsOutsideTheListedUnitsAreRefused() throws {
        let rows = try readRosterFixture("town.csv")
        let outside = rows.filter { $0.unit == "kantor" }.count
        let firstRow = try #require(rows.firstIndex { $0.unit == "kantor" }) + 2
        let found = problems([#"regions.town.rosterCovers=["loket", "desk"]"#])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == "regions.town.rosterCovers")
        #expect(found.first?.message.contains("\(outside) rows of") == true && found.first?.message.contains("row \(firstRow))") == true)
        #expect(found.first?.message.contains("(kantor)") == true, "\(found)")
        let bundledFile = packageRoot.appendingPathComponent("scenarios/baseline.json").path
        var noRoster: [Diagnostic] = []
        do {
            _ = try ScenarioLoader.load(bundledFile, overrides: [#"regions.sorong.rosterCovers=["dukcapil"]"#].compactMap(Override.init))
        } catch let error as ScenarioError { noRoster = error.diagnostics } catch {}
        #expect(noRoster.map(\.path) == ["regions.sorong.rosterCovers"] && noRoster.first?.message.contains("has no roster") == true)
    }

    /// The drawn unit's people come from the population stream after the roster's, so a run is
    /// reproducible: the same seed and replication give the same staff.
    @Test func thePartRosterRegionIsReproducible() throws {
        let model = try load([#"regions.town.rosterCovers=["loket", "kantor"]"#]).parameters
        let a = RegionSimulation(model: model, regionIndex: 0, seed: 9, replication: 4).staff
        let b = RegionSimulation(model: model, regionIndex: 0, seed: 9, replication: 4).staff
        #expect(a.map(\.ageYears) == b.map(\.ageYears) && a.map(\.jobLevel) == b.map(\.jobLevel))
        let c = RegionSimulation(model: model, regionIndex: 0, seed: 9, replication: 5).staff
        #expect(a.suffix(60).map(\.ageYears) != c.suffix(60).map(\.ageYears))
    }
}
