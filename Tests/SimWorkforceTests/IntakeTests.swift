import SimCore
import Testing

@testable import SimWorkforce

/// Dated intakes (`regions.<r>.intake`, issue 37 item 4): the people join in their month, beside
/// the replacement of leavers, from a stream of their own.
@Suite struct IntakeTests {
    static let analytic = "simulation.serviceFidelity=\"analytic\""

    /// One replication of `region` run to the end of the model's last month.
    static func result(of model: ModelParameters, region: Int) -> RegionResult {
        var simulation = RegionSimulation(model: model, regionIndex: region, seed: 3, replication: 2)
        simulation.run(until: SimTime(workingDays: WorkingClock(model.simulation).monthStart[model.simulation.years * 12]))
        return simulation.result
    }

    /// 300 PPPK in March 2027 raise Sorong's headcount by 300 that month against the same
    /// replication without them (less any of them who leave in their first month: exits are
    /// drawn per employee, the newcomers after everyone else), are counted in the intake metric
    /// that month and no other, and leave Sawahlunto's every number alone.
    @Test func anIntakeJoinsInItsMonth() throws {
        let without = try bundled("baseline.json", Self.analytic, "simulation.years=1")
        let with = try bundled(
            "baseline.json", Self.analytic, "simulation.years=1",
            "regions.sorong.intake=[{\"month\": \"2027-03\", \"people\": 300, \"status\": \"pppk\"}]")
        let sorong = try #require(with.regions.firstIndex { $0.id == "sorong" })
        let results = [without, with].map { Self.result(of: $0, region: sorong) }
        let march = 2
        let joined = results[1][.headcount, march] - results[0][.headcount, march]
        #expect((295...300).contains(joined), "headcount rose by \(joined) in March")
        #expect(results[1][.headcount, march - 1] == results[0][.headcount, march - 1], "nobody joins before March")
        // The last month closes at the horizon, which a run until the horizon leaves unprocessed.
        for month in 0..<11 {
            #expect(results[1][.intakePPPK, month] == (month == march ? 300 : 0))
            #expect(results[1][.intakeCPNS, month] == 0)
        }
        let sawahlunto = try #require(with.regions.firstIndex { $0.id == "sawahlunto" })
        let other = [without, with].map { Self.result(of: $0, region: sawahlunto) }
        #expect(
            (0..<11).allSatisfy { m in Metric.allCases.allSatisfy { other[0][$0, m].isNaN || other[0][$0, m] == other[1][$0, m] } },
            "Sawahlunto unchanged")
    }

    /// Part-time PPPK (PPPK paruh waktu, `status: pppkPartTime`) join as PPPK, one person each in
    /// the headcount, but bring only `recruitment.partTimeDutyShare` of a full-time ASN's hours to
    /// their unit: on their first day, the same 300 newcomers (the same draws) as full-time PPPK
    /// add exactly that share of the working staff full-timers add, and the units' full-time
    /// equivalents likewise. Fails with the part-time share left out of the unit's count.
    @Test func partTimePPPKBringTheirShareOfTheHours() throws {
        func firstDay(_ status: String?) throws -> (headcount: Int, working: Double, fte: Double, partTime: Int) {
            let intake = status.map { ["regions.sorong.intake=[{\"month\": \"2027-03\", \"people\": 300, \"status\": \"\($0)\"}]"] } ?? []
            let model = try bundled(
                "baseline.json", [Self.analytic, "simulation.years=1", "regions.sorong.recruitment.partTimeDutyShare=0.4"] + intake)
            let sorong = try #require(model.regions.firstIndex { $0.id == "sorong" })
            var simulation = RegionSimulation(model: model, regionIndex: sorong, seed: 3, replication: 2)
            simulation.run(until: SimTime(workingDays: WorkingClock(model.simulation).monthStart[2] + 0.01))
            let roster = simulation.roster
            let partTime = simulation.workforce.indices.filter {
                simulation.workforce.active[$0] && simulation.workforce.partTimeOff[$0] > 0
            }
            #expect(partTime.allSatisfy { simulation.workforce.isPPPK[$0] && abs(simulation.workforce.partTimeOff[$0] - 0.6) < 1e-12 })
            return (
                roster.totalHeadcount, roster.units.reduce(0) { $0 + roster.workingStaff($1) },
                roster.units.reduce(0) { $0 + roster.fullTimeEquivalent($1) }, partTime.count
            )
        }
        let none = try firstDay(nil)
        let full = try firstDay("pppk")
        let part = try firstDay("pppkPartTime")
        #expect(full.headcount - none.headcount == 300 && part.headcount == full.headcount, "\(none) \(full) \(part)")
        #expect(full.partTime == 0 && part.partTime == 300)
        #expect(abs((part.working - none.working) - 0.4 * (full.working - none.working)) < 1e-6, "\(none) \(full) \(part)")
        #expect(abs((part.fte - none.fte) - 0.4 * 300) < 1e-6, "\(none) \(full) \(part)")
    }

    /// Over a year of training away, exits, promotions between units and returns, each unit's
    /// count of part-timers' unworked hours stays what its members add up to: the roster's
    /// bookkeeping (join, transfer, leave, go away, come back) loses none of it. Seats go at
    /// random here: under needs-based planning the newcomers' small gaps keep them off the lists,
    /// and the away path would go unchecked.
    @Test func partTimeHoursStayInTheUnitsBooks() throws {
        let model = try bundled(
            "baseline.json", Self.analytic, "simulation.years=1", "policy.allocation=\"random\"",
            "regions.sorong.intake=[{\"month\": \"2027-01\", \"people\": 400, \"status\": \"pppkPartTime\"}]")
        let sorong = try #require(model.regions.firstIndex { $0.id == "sorong" })
        var simulation = RegionSimulation(model: model, regionIndex: sorong, seed: 7, replication: 1)
        let clock = WorkingClock(model.simulation)
        var awaySeen = 0
        for month in 1...11 {
            for day in [1.5, 6.5, 12.5, 17.5] {
                simulation.run(until: SimTime(workingDays: clock.monthStart[month] + day))
                let workforce = simulation.workforce
                for unit in simulation.roster.units {
                    let members = simulation.roster.members[unit].filter { workforce.active[$0] }
                    let all = members.reduce(0) { $0 + workforce.partTimeOff[$1] }
                    let onDuty = members.filter { !workforce.offDuty[$0] }.reduce(0) { $0 + workforce.partTimeOff[$1] }
                    awaySeen += members.filter { workforce.offDuty[$0] && workforce.partTimeOff[$0] > 0 }.count
                    #expect(abs(simulation.roster.partTimeOff[unit] - all) < 1e-6, "month \(month) unit \(unit.rawValue)")
                    #expect(abs(simulation.roster.partTimeOffOnDuty[unit] - onDuty) < 1e-6, "month \(month) unit \(unit.rawValue)")
                }
            }
        }
        #expect(awaySeen > 0, "some part-timers were away on training: the check saw that path")
    }

    /// 60 CPNS appointed in February owe Latsar, and at least 90% of those still employed have
    /// done it twelve months later: Latsar is funded first, and the baseline's budget allows it.
    @Test func cpnsOfAnIntakeCompleteLatsarWithinAYear() throws {
        let model = try bundled(
            "baseline.json", Self.analytic, "simulation.years=2",
            "regions.sawahlunto.intake=[{\"month\": \"2027-02\", \"people\": 60, \"status\": \"cpns\"}]")
        let clock = WorkingClock(model.simulation)
        var simulation = RegionSimulation(model: model, regionIndex: 0, seed: 5, replication: 1)
        simulation.run(until: SimTime(workingDays: clock.monthStart[1]))
        let before = simulation.workforce.count
        simulation.run(until: SimTime(workingDays: clock.monthStart[1] + 1))
        // The intake is appointed first at the month's start: the next 60 rows.
        try #require(simulation.workforce.count >= before + 60, "60 joined in February")
        let newcomers = (before..<before + 60).map(EmployeeIndex.init)
        #expect(newcomers.allSatisfy { simulation.workforce.owesLatsar[$0] && simulation.workforce.isCPNS[$0] }, "new CPNS owe Latsar")
        simulation.run(until: SimTime(workingDays: clock.monthStart[13]))
        let stayed = newcomers.filter { simulation.workforce.active[$0] }
        let done = stayed.filter { !simulation.workforce.owesLatsar[$0] }
        #expect(stayed.count >= 50 && Double(done.count) >= 0.9 * Double(stayed.count), "\(done.count) of \(stayed.count) did Latsar")
    }

    /// The last formasi's CPNS who still owe Latsar on the start date (`startState.cpnsOwingLatsar`)
    /// are the PNS with the shortest service, and they start Latsar in the first year: without
    /// them a drawn workforce owes none, and the first year has no Latsar at all.
    @Test func theLastFormasiOwesLatsarFromTheStart() throws {
        let without = try bundled("baseline.json", Self.analytic, "simulation.years=1")
        let with = try bundled(
            "baseline.json", Self.analytic, "simulation.years=1", "regions.sawahlunto.startState.cpnsOwingLatsar=40")
        var simulation = RegionSimulation(model: with, regionIndex: 0, seed: 3, replication: 2)
        simulation.run(until: SimTime(workingDays: 0.5))
        let owing = simulation.workforce.indices.filter { simulation.workforce.owesLatsar[$0] }
        #expect(owing.count == 40 && owing.allSatisfy { simulation.workforce.isCPNS[$0] && simulation.workforce.tenureMonths[$0] <= 11 })
        let longest = owing.map { simulation.workforce.tenureMonths[$0] }.max() ?? 0
        let others = simulation.workforce.indices.filter { !simulation.workforce.isPPPK[$0] && !simulation.workforce.owesLatsar[$0] }
        #expect(others.allSatisfy { simulation.workforce.tenureMonths[$0] >= longest }, "the shortest service owes")
        let started = [without, with].map { model in
            let result = Self.result(of: model, region: 0)
            return (0..<11).reduce(0.0) { $0 + result[.latsarStarted, $1] }
        }
        #expect(started[0] == 0 && started[1] >= 36, "Latsar started in 2027: \(started[0]) without, \(started[1]) with")
    }
}
