import SimCore
import SimScenario
import Testing

@testable import SimWorkforce

/// Days to completion (issue 38 item 4; docs/model.md §7): requests that need work after the
/// counter wait, oldest first, for the staff-minutes of the unit's back office; SKM U3 scores
/// those done after the unit's standard at 1.
@Suite struct BackOfficeTests {
    static func backOffice(share: Double = 1, standardDays: Double) -> BackOffice {
        var parameters = BackOfficeParameters()
        parameters.share = share
        parameters.standardDays = standardDays
        return BackOffice(parameters)
    }

    /// Worked by hand: 10 served on day 0 and 10 on day 1, 4 done a day, then 20. Day 1 finishes 4
    /// of day 0's at 1 day; day 2 finishes 4 more of day 0's at 2 days; day 3 the last 2 of day 0's
    /// at 3 days and all 10 of day 1's at 2 days: 20 requests, 4·1 + 4·2 + 2·3 + 10·2 = 38 days.
    @Test(arguments: [(3.0, 20.0), (2.0, 18.0)])
    func theBacklogIsWorkedOldestFirst(standardDays: Double, withinStandard: Double) {
        var office = Self.backOffice(standardDays: standardDays)
        office.served = 10
        office.work(day: 1, capacity: 4)
        #expect(office.backlog == 6)
        office.served = 10
        office.work(day: 2, capacity: 4)
        #expect(office.backlog == 12)
        office.work(day: 3, capacity: 20)
        #expect(office.backlog == 0)
        #expect(office.month.requests == 20)
        #expect(office.month.daySum == 38)
        #expect(office.month.withinStandard == withinStandard)
        #expect(office.month.meanDays == 1.9)
    }

    /// Little's law, exactly, for the fluid: over 3,000 working days of random arrivals and
    /// capacities (load about 0.95, so a backlog forms and drains many times), the sum over days of
    /// the requests awaiting work when each day starts equals the sum over requests of their
    /// working days to completion (L = λW with both sides summed), once the last is drained.
    @Test func littlesLawHoldsForTheBacklog() {
        var office = Self.backOffice(share: 0.5, standardDays: 3)
        var random = RandomStream(seed: 5)
        var waitingDays = 0.0
        var arrived = 0.0
        for day in 1...3_000 {
            office.served = random.poisson(mean: 40)
            waitingDays += office.backlog + 0.5 * Double(office.served)
            arrived += 0.5 * Double(office.served)
            office.work(day: day, capacity: random.uniform() * 42)
        }
        #expect(office.backlog > 0, "the test must end with work left, to drain it below")
        var day = 3_001
        while office.backlog > 0 {
            waitingDays += office.backlog
            office.work(day: day, capacity: 1_000)
            day += 1
        }
        #expect(abs(office.month.requests - arrived) < 1e-6 * arrived)
        #expect(abs(office.month.daySum - waitingDays) < 1e-9 * waitingDays, "Σ days \(office.month.daySum) vs Σ backlog \(waitingDays)")
        #expect(office.month.meanDays > 1.5, "a load near 1 must leave requests waiting for days: \(office.month.meanDays)")
    }

    static let counter = "regions.town.units.counter.service"

    /// One year of the `counter.json` counter (100 staff, 8 at a continuous counter, 200 requests a
    /// day of 15 minutes, no training) with `backOffice` as given.
    static func year(backOffice: String?, fidelity: String = "perRequest", _ more: [String] = []) throws -> RegionResult {
        let overrides =
            ["simulation.years=1", "simulation.serviceFidelity=\"\(fidelity)\""]
            + (backOffice.map { ["\(counter).backOffice=\($0)"] } ?? []) + more
        return runReplication(try fixture("counter.json", overrides), seed: 3, replication: 0).regions[0]
    }

    static func value(_ region: RegionResult, _ measure: CounterMeasure, _ month: Int) -> Double {
        region[.counter(measure, unit: "counter"), month] ?? .nan
    }

    /// A back office with room to spare (half the requests, 20 minutes each, 10 staff: 2,000 of
    /// 4,500 minutes a day) finishes everything the next working day, within the standard, leaves
    /// no more waiting at a month's end than the last day brought, and
    /// changes nothing at the counter: waits, every SKM element and the IKM are those of the same
    /// counter without one, on the same random numbers.
    @Test func aBackOfficeWithRoomToSpareChangesNothingAtTheCounter() throws {
        let without = try Self.year(backOffice: nil)
        let with = try Self.year(backOffice: #"{"share": 0.5, "minutesPerRequest": 20, "staffShare": 0.1}"#)
        for month in 0..<12 {
            for measure in [CounterMeasure.waitMean, .requests, .ikm] + CounterMeasure.allCases.filter({ $0.skmElement != nil }) {
                #expect(Self.value(with, measure, month) == Self.value(without, measure, month), "\(measure) month \(month)")
            }
            #expect(Self.value(with, .daysToCompletion, month) == 1)
            #expect(Self.value(with, .withinStandard, month) == 1)
            // At most about the last day's requests (100 a day) await the next morning's work.
            #expect(Self.value(with, .backOfficeBacklog, month) < 150)
            #expect(Self.value(without, .daysToCompletion, month).isNaN, "no back office, no days to completion")
        }
    }

    /// The back office works through the counters' warm-up as they do: with 60 working days of
    /// warm-up, January starts with no more than a day's requests waiting and finishes them the
    /// next day (the warm-up's requests were once handed over all at once on the first day).
    @Test func theBackOfficeWorksThroughTheWarmUp() throws {
        let region = try Self.year(
            backOffice: #"{"share": 0.5, "minutesPerRequest": 20, "staffShare": 0.1}"#, ["simulation.warmUpDays=60"])
        #expect(Self.value(region, .daysToCompletion, 0) == 1)
        #expect(Self.value(region, .withinStandard, 0) == 1)
        #expect(Self.value(region, .backOfficeBacklog, 0) < 150)
    }

    /// Too small a back office: 3 staff × 450 minutes ÷ 20 minutes = 67.5 requests a day against
    /// half of the ≈ 200 served. The backlog grows by the difference every working day (fluid
    /// conservation, within 1%), days to completion rise month on month, and U3 follows the rule:
    /// (U3 − 1) is the same counter's without a back office × (1 − share + share × within standard),
    /// to 1e-9, since the back office leaves the counter's waits as they were. In both fidelities.
    @Test(arguments: ["perRequest", "analytic"])
    func anUndersizedBackOfficeFallsBehindAndU3FollowsIt(fidelity: String) throws {
        let without = try Self.year(backOffice: nil, fidelity: fidelity)
        let with = try Self.year(backOffice: #"{"share": 0.5, "minutesPerRequest": 20, "staffShare": 0.03}"#, fidelity: fidelity)
        var served = 0.0
        for month in 0..<12 {
            served += Self.value(with, .requests, month)
            if month > 0 {
                #expect(Self.value(with, .daysToCompletion, month) > Self.value(with, .daysToCompletion, month - 1))
            }
            let within = Self.value(with, .withinStandard, month)
            let factor = 0.5 + 0.5 * within
            let expected = (Self.value(without, .skmCompletionTime, month) - 1) * factor + 1
            #expect(abs(Self.value(with, .skmCompletionTime, month) - expected) < 1e-9, "month \(month)")
            #expect(Self.value(with, .waitMean, month) == Self.value(without, .waitMean, month))
        }
        #expect(Self.value(with, .withinStandard, 11) == 0, "by December every completion is late")
        #expect(Self.value(with, .ikm, 11) < Self.value(without, .ikm, 11) - 1)
        let workingDays = WorkingClock(try fixture("counter.json", ["simulation.years=1"]).simulation).horizonDays
        // Every working day but the first works 67.5 requests (the first has nothing yet).
        let expected = 0.5 * served - 67.5 * (workingDays.rounded(.up) - 1)
        let backlog = Self.value(with, .backOfficeBacklog, 11)
        #expect(abs(backlog - expected) < 0.01 * expected, "backlog \(backlog) vs arrivals less capacity \(expected)")
    }

    /// Training competes with the back office: the same two-week course for 10 of the desk's 100
    /// staff in October or in February, with common random numbers. The back office (5 staff, 20
    /// minutes for half of 200 requests a day: 89% busy) falls behind in the course's month:
    /// October's mean days to completion is higher with the October course (paired 95% interval
    /// above 0), and February's with the February course.
    @Test func aCourseTakingStaffAwayLengthensDaysToCompletion() throws {
        let backOffice = #"regions.town.units.desk.service.backOffice={"share": 0.5, "minutesPerRequest": 20, "staffShare": 0.05}"#
        func withCourse(from start: CivilDate) throws -> ModelParameters {
            withTwoWeekCourse(
                try fixture(
                    "two-counters.json",
                    ["simulation.years=1", backOffice, "regions.town.budget.rupiahPerYear=1e10", "programmes.course.sessionsPerYear=1"]),
                from: start)
        }
        let october: @Sendable (ReplicationResult) -> Double = { $0.regions[0][series: .counter(.daysToCompletion, unit: "desk"), 9] }
        let february: @Sendable (ReplicationResult) -> Double = { $0.regions[0][series: .counter(.daysToCompletion, unit: "desk"), 1] }
        let effects = pairedDifferences(
            try withCourse(from: CivilDate(2027, 2, 1)), try withCourse(from: CivilDate(2027, 10, 1)), replications: 12,
            [october, { -february($0) }])
        #expect(effects[0].low > 0, "October's days to completion, October course less February course: \(effects[0].shown)")
        #expect(effects[1].low > 0, "February's, February course less October course: \(effects[1].shown)")
    }
}
