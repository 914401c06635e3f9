import SimCore
import SimScenario
import SimWorkforce
import Testing

/// The office's day (docs/model.md §7): hours, a morning rush, a daily quota, and the day's
/// closing, on the counter of `counter.json` (100 fixed staff, 15-minute exponential handling).
@Suite struct OfficeDayTests {
    static let office = [
        "regions.town.units.counter.service.day.kind=\"office\"", "simulation.years=1",
    ]

    /// 300 citizens a day against 150 numbers, and 20 counters that serve every numbered citizen
    /// before closing (Friday hours made equal): each month turns away exactly the requests
    /// beyond 150 a working day, per request and in analytic fidelity.
    @Test(arguments: ["perRequest", "analytic"])
    func aQuotaTurnsAwayExactlyTheArrivalsBeyondIt(fidelity: String) throws {
        let model = try fixture(
            "counter.json",
            Self.office + [
                "regions.town.units.counter.service.requestsPerDay=300", "regions.town.units.counter.service.counterShare=0.2",
                "regions.town.units.counter.service.day.dailyQuota=150", "regions.town.units.counter.service.day.fridayClosesAtHour=14",
                "simulation.serviceFidelity=\"\(fidelity)\"",
            ])
        let clock = WorkingClock(model.simulation)
        for replication in 0..<2 {
            let region = runReplication(model, seed: 3, replication: replication).regions[0]
            for month in 0..<region.months {
                let requests = region[.serviceRequests, month]
                let beyond = requests - 150 * clock.days(inMonth: month)
                #expect(beyond > 0, "the test needs every day over its quota")
                #expect(region[.serviceTurnedAway, month] == beyond, "month \(month): \(region[.serviceTurnedAway, month]) vs \(beyond)")
                #expect(region[.serviceAbandoned, month] == 0)
            }
        }
    }

    /// Twice the counters' daily capacity: a continuous day's line grows without bound (the
    /// mean wait of the year's last month is days), while the office sends home at closing whoever
    /// still waits, so no wait is longer than a working day and about half are turned away.
    @Test func theDaysClosingSendsHomeWhoeverStillWaits() throws {
        let overload = [
            "regions.town.units.counter.service.requestsPerDay=400", "regions.town.units.counter.service.day.fridayClosesAtHour=14",
        ]
        let office = try fixture("counter.json", Self.office + overload)
        let continuous = try fixture("counter.json", ["simulation.years=1"] + overload)
        let a = runReplication(office, seed: 3, replication: 0).regions[0]
        let b = runReplication(continuous, seed: 3, replication: 0).regions[0]
        let minutesPerDay = office.hoursPerWorkingDay * 60
        #expect(b[.serviceWaitMean, 11] > 5 * minutesPerDay, "continuous: \(b[.serviceWaitMean, 11])")
        for month in 0..<a.months {
            #expect(a[.serviceWaitMean, month] < minutesPerDay, "office month \(month): \(a[.serviceWaitMean, month])")
            let share = a[.serviceTurnedAway, month] / a[.serviceRequests, month]
            // 8 counters × 360 open minutes ÷ 15 = 192 a day against 400: a little over half go home.
            #expect(share > 0.45 && share < 0.6, "month \(month): turned away \(share)")
        }
    }

    /// Half the day's citizens in the first hour of the numbers window against the same citizens
    /// spread evenly over it (common random numbers: the same draws, moved in the day): the rush
    /// makes the year's mean wait longer in every one of 4 paired replications.
    @Test func aMorningRushLengthensWaits() throws {
        let rush = try fixture("counter.json", Self.office)
        // Flat: the rush's share equals its share of the 4.5-hour window.
        let flat = try fixture("counter.json", Self.office + ["regions.town.units.counter.service.day.rushShare=\(1.0 / 4.5)"])
        for replication in 0..<4 {
            let a = runReplication(rush, seed: 11, replication: replication).regions[0]
            let b = runReplication(flat, seed: 11, replication: replication).regions[0]
            let waitA = (0..<12).map { a[.serviceWaitMean, $0] }.reduce(0, +)
            let waitB = (0..<12).map { b[.serviceWaitMean, $0] }.reduce(0, +)
            #expect(waitA > waitB + 120, "replication \(replication): rush \(waitA / 12) vs flat \(waitB / 12) minutes")
        }
    }

    /// services-hourly.csv's series: the numbers taken by hour add up to the month's requests
    /// (no quota, Friday's hours as the others', nobody comes back); on a day the counters keep up with, the rush makes the
    /// morning's waits longer than the late morning's, by more than the same citizens spread
    /// evenly do (paired, every replication).
    @Test func theRushRaisesTheMorningsWaitsOverTheLateMornings() throws {
        // 100 a day over the 4.5-hour numbers window (22 an hour) against 8 counters serving 32 an
        // hour: a day the counters keep up with unless the citizens come at once.
        let light =
            Self.office + [
                "regions.town.units.counter.service.requestsPerDay=100", "regions.town.units.counter.service.day.fridayClosesAtHour=14",
            ]
        let rush = try fixture("counter.json", light)
        let flat = try fixture("counter.json", light + ["regions.town.units.counter.service.day.rushShare=\(1.0 / 4.5)"])
        func wait(_ region: RegionResult, hour: Int) -> Double {
            (0..<12).map { region[.counterHour(.waitMean, unit: "counter", hour: hour), $0] ?? .nan }.reduce(0, +) / 12
        }
        for replication in 0..<4 {
            let a = runReplication(rush, seed: 5, replication: replication).regions[0]
            let b = runReplication(flat, seed: 5, replication: replication).regions[0]
            for month in 0..<12 {
                let numbers = (7...11).map { a[.counterHour(.numbersTaken, unit: "counter", hour: $0), month] ?? .nan }.reduce(0, +)
                #expect(
                    numbers == a[.serviceRequests, month], "month \(month): \(numbers) numbers vs \(a[.serviceRequests, month]) requests")
                #expect(a[.serviceTurnedAway, month] == 0)
            }
            let rushGap = wait(a, hour: 8) - wait(a, hour: 11)
            let flatGap = wait(b, hour: 8) - wait(b, hour: 11)
            #expect(
                rushGap > 0 && rushGap > flatGap + 10,
                "replication \(replication): 08–11 gap \(rushGap) min with the rush, \(flatGap) without")
        }
    }

    /// services-hourly.csv's p90 by hour. With the numbers given only from 08:00 to 09:00 every
    /// served citizen came in that hour, so its p90 is the month's p90 exactly; with the full
    /// window the hours split the month's waits, so the month's p90 lies between the hours'
    /// lowest and highest; on a day the counters keep up with, the rush hour's p90 is above the
    /// late morning's (every month of every replication, per request). On a day they do not, the
    /// late morning's is the longer: the line carries over from the rush.
    @Test func theHourlyP90SplitsTheMonthsWaits() throws {
        let busy = Self.office + ["regions.town.units.counter.service.requestsPerDay=140"]
        let oneHour = try fixture(
            "counter.json",
            busy + [
                "regions.town.units.counter.service.day.numbersFromHour=8", "regions.town.units.counter.service.day.numbersUntilHour=9",
            ])
        let p90 = MetricKey.counter(.waitP90, unit: "counter")
        for replication in 0..<2 {
            let region = runReplication(oneHour, seed: 7, replication: replication).regions[0]
            for month in 0..<12 {
                let hour = region[.counterHour(.waitP90, unit: "counter", hour: 8), month]
                #expect(
                    hour != nil && hour == region[p90, month],
                    "month \(month): \(String(describing: hour)) vs \(String(describing: region[p90, month]))")
            }
        }
        let day = try fixture("counter.json", busy)
        for replication in 0..<2 {
            let region = runReplication(day, seed: 7, replication: replication).regions[0]
            for month in 0..<12 {
                let hours = (7...11).compactMap { region[.counterHour(.waitP90, unit: "counter", hour: $0), month] }.filter { !$0.isNaN }
                let month90 = try #require(region[p90, month])
                #expect(hours.count >= 4 && hours.min()! <= month90 && month90 <= hours.max()!, "month \(month): \(hours) vs \(month90)")
            }
        }
        // On a day the counters keep up with (the rush test's), the rush hour's p90 is the longer.
        let light = try fixture(
            "counter.json",
            Self.office + [
                "regions.town.units.counter.service.requestsPerDay=100", "regions.town.units.counter.service.day.fridayClosesAtHour=14",
            ])
        for replication in 0..<2 {
            let region = runReplication(light, seed: 7, replication: replication).regions[0]
            for month in 0..<12 {
                let rush = try #require(region[.counterHour(.waitP90, unit: "counter", hour: 8), month])
                let late = try #require(region[.counterHour(.waitP90, unit: "counter", hour: 11), month])
                #expect(rush > late, "month \(month): p90 \(rush) min at 08:00 vs \(late) at 11:00")
            }
        }
    }
}

/// An office's hours that cannot hold are refused at the key to change.
@Suite struct OfficeDayValidationTests {
    @Test func hoursOutOfOrderAreRefusedAtTheirKey() throws {
        let cases: [(String, String, String)] = [
            ("closesAtHour=7", "closesAtHour", "expected a closing after opening (08:00)"),
            ("numbersUntilHour=15", "numbersUntilHour", "and by closing (14:00)"),
            ("fridayClosesAtHour=15", "fridayClosesAtHour", "no later than the other days' (14:00)"),
            ("breakUntilHour=11", "breakUntilHour", "the break ends before it starts"),
        ]
        for (setting, key, message) in cases {
            var overrides = OfficeDayTests.office + ["regions.town.units.counter.service.day.\(setting)"]
            if key == "breakUntilHour" { overrides.append("regions.town.units.counter.service.day.breakFromHour=12") }
            do {
                _ = try fixture("counter.json", overrides)
                Issue.record("\(setting) was accepted")
            } catch let error as ScenarioError {
                let found = error.diagnostics.first { $0.path == "regions.town.units.counter.service.day.\(key)" }
                #expect(found?.message.contains(message) == true, "\(error.diagnostics)")
            }
        }
    }
}
