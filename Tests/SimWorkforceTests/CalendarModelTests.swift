import Foundation
import SimCore
import SimExperiment
import SimScenario
import SimWorkforce
import Testing

/// The working calendar in the model: seasonal demand, no-training periods scoped to a unit,
/// per-counter results, and Erlang C per counter without seasonality.
@Suite struct CalendarModelTests {
    static func counterMetric(_ model: ModelParameters, _ unit: String, _ measure: CounterMeasure) -> MetricKey {
        .counter(measure, unit: unit)
    }

    /// The same counter, flat or with March at 1.3× the other months (the profile is scaled so
    /// the year's mean stays 150 requests a day). With common random numbers, March's mean wait
    /// is longer with the peak (paired 95% interval above zero), and the year's requests are the
    /// same within 0.5%: the profile moves demand, it does not add any.
    @Test func aDemandPeakLengthensThatMonthsWaitsAtTheSameYearlyDemand() throws {
        let flat = try fixture("counter.json", "regions.town.units.counter.service.requestsPerDay=150", "simulation.years=1")
        let peak = try fixture("counter-march-peak.json", "simulation.years=1")
        let marchWait = pairedDifference(flat, peak, replications: 20) { $0.regions[0][.serviceWaitMean, 2] }
        #expect(marchWait.low > 0, "March wait with the peak minus flat: \(marchWait.shown) minutes")
        let requests = pairedDifference(flat, peak, replications: 20) { $0.regions[0].total(.serviceRequests) }
        let yearly = meanOver(0..<4, flat) { $0.regions[0].total(.serviceRequests) }
        #expect(abs(requests.mean) / yearly < 0.005, "yearly requests moved by \(requests.shown) of \(yearly)")
        let marchRequests = pairedDifference(flat, peak, replications: 4) { $0.regions[0][.serviceRequests, 2] }
        #expect(marchRequests.low > 0, "March requests: \(marchRequests.shown)")
    }

    /// A window from March to April each year that keeps the desk's staff on duty: the desk loses
    /// no staff-day to training in those months, while the office, unprotected, still trains then,
    /// and the desk trains in the other months. No session starts with a protected attendee.
    @Test func aWindowScopedToOneUnitKeepsItsStaffOnDutyWhileOthersTrain() throws {
        let window = #"policy.noTraining=[{"from": "03-01", "to": "04-30", "units": ["desk"]}]"#
        let model = try fixture("two-counters.json", "regions.town.budget.rupiahPerYear=1e10", window)
        let desk = Self.counterMetric(model, "desk", .staffDaysTraining)
        let office = Self.counterMetric(model, "office", .staffDaysTraining)
        var inWindow = (desk: 0.0, office: 0.0)
        var outside = 0.0
        for replication in 0..<4 {
            let region = runReplication(model, seed: 7, replication: replication).regions[0]
            #expect(region.breaches[Breach.sessionInNoTrainingPeriod.rawValue] == 0)
            for month in 0..<region.months {
                if [2, 3].contains(month % 12) {
                    inWindow.desk += region[series: desk, month]
                    inWindow.office += region[series: office, month]
                } else {
                    outside += region[series: desk, month]
                }
            }
        }
        #expect(inWindow.desk == 0, "desk staff-days at training in March–April: \(inWindow.desk)")
        #expect(inWindow.office > 100, "office staff-days at training in March–April: \(inWindow.office)")
        #expect(outside > 100, "desk staff-days at training in the other months: \(outside)")
    }

    /// A unit's own away cap: the desk at 5% (5 of its 100 staff away at once) while the policy
    /// allows 30%. The desk then gives fewer staff-days to training (paired interval below zero),
    /// and no session starts above either unit's cap.
    @Test func aUnitsOwnAwayCapHoldsAndBindsOnlyThatUnit() throws {
        let open = try fixture("two-counters.json", "regions.town.budget.rupiahPerYear=1e10", "simulation.years=1")
        let capped = try fixture(
            "two-counters.json", "regions.town.budget.rupiahPerYear=1e10", "simulation.years=1",
            "regions.town.units.desk.maxAwayShare=0.05")
        let desk = Self.counterMetric(open, "desk", .staffDaysTraining)
        let fewer = pairedDifference(open, capped, replications: 8) { result in
            #expect(result.regions[0].breaches[Breach.awayCapExceeded.rawValue] == 0)
            return (0..<12).reduce(0) { $0 + result.regions[0][series: desk, $1] }
        }
        #expect(fewer.high < 0, "desk staff-days at training with its own 5% cap, minus without: \(fewer.shown)")
    }

    /// With no training and fixed staff each counter is its own M/M/c: desk 8 servers at 200
    /// requests a day (ρ = 0.83), office 5 servers at 100 (ρ = 0.67), 15-minute exponential
    /// handling, on Indonesia's calendar with no seasonality. Each counter's mean wait pooled
    /// over 48 replications of 2 years (the first month left out as the empty-start transient) is
    /// within ±3% of Erlang C. (12 replications left the desk 3.4% off on the streams keyed by
    /// name, noise at ρ = 0.83; 48 give 1.0%.)
    @Test func erlangCHoldsAtEachCounterWithoutSeasonality() throws {
        let model = try fixture("two-counters.json")
        let minutesPerDay = model.hoursPerWorkingDay * 60
        for (unit, servers, perDay) in [("desk", 8, 200.0), ("office", 5, 100.0)] {
            let theory = ErlangC(arrivalRate: perDay / minutesPerDay, serviceRate: 1.0 / 15, servers: servers)
            let wait = Self.counterMetric(model, unit, .waitMean)
            let requests = Self.counterMetric(model, unit, .requests)
            var sum = 0.0
            var count = 0.0
            for replication in 0..<48 {
                let region = runReplication(model, seed: 3, replication: replication).regions[0]
                for month in 1..<region.months {
                    sum += region[series: wait, month] * region[series: requests, month]
                    count += region[series: requests, month]
                }
            }
            let pooled = sum / count
            #expect(
                abs(pooled - theory.meanWait) / theory.meanWait < 0.03, "\(unit): \(pooled) min against Erlang C \(theory.meanWait) min")
        }
    }

    /// The clock's months hold the calendar's working days: March 2027 (Nyepi and Idul Fitri)
    /// fewer than its weekdays, and every month exactly its weekdays less its weekday holidays.
    @Test func monthsHoldTheCalendarsWorkingDays() throws {
        var simulation = SimulationParameters()
        simulation.startYear = 2026
        simulation.years = 2
        let clock = WorkingClock(simulation)
        for m in 0..<clock.months {
            let year = 2026 + m / 12
            let month = m % 12 + 1
            let table = IndonesianCalendar.holidays(in: year)
            let days = (1...CivilDate.daysIn(month: month, year: year)).map { CivilDate(year, month, $0) }
            let weekdays = days.filter { !$0.isWeekend }.count
            let off = table.holidays.filter { $0.date.year == year && $0.date.month == month && !$0.date.isWeekend }.count
            #expect(clock.days(inMonth: m) == Double(weekdays - off), "\(year)-\(month)")
        }
        // 2026: 261 weekdays; of the 25 decreed days off, 4 fall on a weekend (21–22 March, 5 April, 31 May).
        let year2026 = (0..<12).reduce(0.0) { $0 + clock.days(inMonth: $1) }
        #expect(year2026 == 261 - 21, "working days in 2026: \(year2026)")
        // A named window maps to working time: Lebaran 2026 (21 March) ± 7 days holds the working days around the holidays.
        let lebaran = CalendarPeriod.named(.lebaran, daysBefore: 7, daysAfter: 7).spans(on: clock)
        #expect(lebaran.count == 2 && lebaran[0].lowerBound == clock.time(of: CivilDate(2026, 3, 14)))
        #expect(lebaran[0].upperBound - lebaran[0].lowerBound == 5, "working days from 14 to 28 March 2026: \(lebaran[0])")
    }
}
