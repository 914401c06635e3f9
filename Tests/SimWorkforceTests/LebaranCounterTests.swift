import SimCore
import SimScenario
import SimWorkforce
import Testing

/// Training and the Lebaran rush at a counter (issue 38): the desk of `two-counters.json` (100
/// staff, 8 at the counter, 200 requests a day of 15 minutes, about 80% busy) with demand ×1.15
/// from 7 days before Idul Fitri to 21 after, as the bundled Dukcapil profile has it (×1.4 there).
@Suite struct LebaranCounterTests {
    static let rush = [
        "simulation.years=1",
        #"regions.town.units.desk.service.demand={"peaks": [{"period": "lebaran", "daysBefore": 7, "daysAfter": 21, "multiplier": 1.15}], "source": "test"}"#,
    ]

    /// The model with one two-week course (10 working days, 10 seats) booked for the desk's staff
    /// from the first working day on or after `start`; nothing else is trained (no budget).
    static func withCourse(from start: CivilDate) throws -> ModelParameters {
        withTwoWeekCourse(
            try fixture("two-counters.json", rush + ["regions.town.budget.rupiahPerYear=1e10", "programmes.course.sessionsPerYear=1"]),
            from: start)
    }

    static func monthWait(_ month: Int) -> @Sendable (ReplicationResult) -> Double {
        { $0.regions[0][series: .counter(.waitMean, unit: "desk"), month] }
    }

    /// The same course for the desk's staff starting 3 days before Idul Fitri 2027 (in the rush) or
    /// on the first working day of October (a quiet month), with common random numbers. Each
    /// raises the wait of its own month, and the Lebaran month's rise is larger than the quiet
    /// month's: the paired difference of (Lebaran month's wait + October's wait) between the two
    /// bookings, which is the Lebaran rise less the October rise, has its 95% interval above 0.
    @Test func aCourseInTheLebaranMonthRaisesItsWaitsMoreThanInAQuietMonth() throws {
        let idulFitri = try #require(IndonesianCalendar.holidays(in: 2027).idulFitri.first)
        let month = idulFitri.month - 1
        let lebaran = try Self.withCourse(from: idulFitri.adding(days: -3))
        let quiet = try Self.withCourse(from: CivilDate(2027, 10, 1))
        #expect(month != 9)
        let (lebaranWait, octoberWait) = (Self.monthWait(month), Self.monthWait(9))
        let effects = pairedDifferences(
            quiet, lebaran, replications: 20,
            [lebaranWait, { -octoberWait($0) }, { lebaranWait($0) + octoberWait($0) }])
        #expect(effects[0].low > 0, "the course raises the Lebaran month's wait: \(effects[0].shown) minutes")
        #expect(effects[1].low > 0, "the course raises October's wait: \(effects[1].shown) minutes")
        #expect(effects[2].low > 0, "Lebaran rise less October rise: \(effects[2].shown) minutes")
    }

    /// The same year's training (a budget that buys every session the desk and office can take)
    /// with and without the desk's face-to-face training stopped from 14 days before Idul Fitri to
    /// 21 after: protecting the counter lowers its mean wait in the Lebaran window (paired 95%
    /// interval below 0) and keeps every desk staff member on duty there.
    @Test func protectingTheCounterAtLebaranLowersItsLebaranWaits() throws {
        let trained = try fixture("two-counters.json", Self.rush + ["regions.town.budget.rupiahPerYear=1e10"])
        let protected = try fixture(
            "two-counters.json",
            Self.rush + [
                "regions.town.budget.rupiahPerYear=1e10",
                #"policy.noTraining=[{"period": "lebaran", "daysBefore": 14, "daysAfter": 21, "units": ["desk"]}]"#,
            ])
        let lebaranWait: @Sendable (ReplicationResult) -> Double = { result in
            let months = (0..<12).map { result.regions[0][series: .counter(.lebaranWaitMean, unit: "desk"), $0] }.filter { !$0.isNaN }
            return months.reduce(0, +) / Double(months.count)
        }
        let saved = pairedDifference(trained, protected, replications: 20, lebaranWait)
        #expect(saved.high < 0, "protected minus trained, mean wait in the Lebaran window: \(saved.shown) minutes")
    }
}
