import Foundation
import SimCore
import SimScenario
import SimWorkforce
import Testing

/// Experienced staff learn on the job (issue 36 item 4, docs/model.md §3): in a domain the unit
/// uses at u, an employee past ramp-up at applied level L gains r ÷ 12 × u × (5 − L) ÷ 4 a month.
@Suite struct ExperienceTests {
    /// The desk of `two-counters.json` uses service fully and digital half, leadership not at all;
    /// no budget, no leavers, no hires. After 12 months each employee experienced at the start is,
    /// in each domain, exactly where the recurrence puts them: 5 − (5 − L₀)(1 − r u ÷ 48)¹² (to
    /// 1e-9), so the used domains rise (the more, the lower they started) and the unused one does not.
    @Test func experiencedStaffLearnWhatTheirJobUsesAndLessTheMoreTheyKnow() throws {
        let r = 0.06
        let usage = ["service": 1.0, "digital": 0.5, "management": 0.25, "leadership": 0, "socioCultural": 0.5]
        let usageJSON = usage.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        let model = try fixture(
            "two-counters.json", "simulation.years=1", "learning.experience.levelsPerYear=\(r)",
            "regions.town.units.desk.usage={\(usageJSON)}")
        let domains = model.domains.map(\.id)
        let clock = WorkingClock(model.simulation)
        var simulation = RegionSimulation(model: model, regionIndex: 0, seed: 5, replication: 0)
        simulation.run(until: SimTime(workingDays: clock.monthStart[0]))
        let before = simulation.staff
        simulation.run(until: SimTime(workingDays: clock.monthStart[11] + Double(clock.days(inMonth: 11))))
        let after = simulation.staff
        #expect(before.count == after.count && before.count > 150)
        var checked = 0
        var rose = 0.0
        for (a, b) in zip(before, after) where a.unit == 0 && a.tenureMonths >= model.learning.rampUp.experiencedTenureMonths {
            for (d, id) in domains.enumerated() {
                let u = try #require(usage[id])
                let expected = 5 - (5 - a.competency[d]) * pow(1 - r * u / 48, 12)
                #expect(abs(b.competency[d] - expected) < 1e-9, "\(id): \(a.competency[d]) → \(b.competency[d]), expected \(expected)")
                if id == "service" { rose += b.competency[d] - a.competency[d] }
            }
            checked += 1
        }
        #expect(checked > 50, "experienced desk staff checked: \(checked)")
        #expect(rose / Double(checked) > 0.02, "mean rise in service: \(rose / Double(checked)) levels")
    }
}
