import SimCore
import SimWorkforce
import Testing

/// The analytic counters reuse their sums over a unit's staff until the roster counts a change
/// (`UnitRoster.staffChanges`). Built with `SIM_INTERNAL_CHECKS` (the second run of `.ci/run`),
/// every reuse recomputes the sums and traps if they differ, so a mutator that forgets to count
/// its change fails here; without the checks this is one analytic year of both cities.
@Suite struct StaffSumsCheckTests {
    @Test func analyticSumsAreReusedOnlyWhileTheStaffAreUnchanged() throws {
        let model = try bundled("baseline.json", "simulation.years=1", "simulation.serviceFidelity=analytic")
        let result = runReplication(model, seed: 5, replication: 0)
        #expect(result.regions.count == 2)
    }
}
