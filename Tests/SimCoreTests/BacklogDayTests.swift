import SimCore
import Testing

/// The fluid day of analytic service fidelity, against hand-worked cases (T = 450 minutes).
@Suite struct BacklogDayTests {
    let stationary = (mean: 6.0, p90: 15.0)

    @Test func anOverloadedDayGrowsItsBacklogAndWaitsRiseEvenly() {
        // λ = 0.5, s = 0.4 per minute from an empty counter: 45 requests left, waits 0 → 112.5 min.
        let day = BacklogDay(backlog: 0, arrivalsPerMinute: 0.5, servicePerMinute: 0.4, minutes: 450, stationary: stationary)
        #expect(abs(day.backlogAtEnd - 45) < 1e-9)
        #expect(abs(day.meanWait - 56.25) < 1e-9)
        #expect(abs(day.p90Wait - 101.25) < 1e-9)
        #expect(day.queuedShare == 1)
    }

    @Test func aBacklogThatOutlastsTheDayDrainsLinearly() {
        // 100 waiting, drain 0.1 per minute: 55 left; waits 250 → 137.5 min, mean 193.75.
        let day = BacklogDay(backlog: 100, arrivalsPerMinute: 0.3, servicePerMinute: 0.4, minutes: 450, stationary: stationary)
        #expect(abs(day.backlogAtEnd - 55) < 1e-9)
        #expect(abs(day.meanWait - 193.75) < 1e-9)
        #expect(abs(day.p90Wait - (100 - 4.5) / 0.4) < 1e-9)
    }

    @Test func aBacklogClearedDuringTheDayLeavesTheStationaryQueue() {
        // 20 waiting, drain 0.1 per minute: clear after 200 of 450 minutes (f = 4/9); those
        // arrivals wait 25 min on average, the rest Erlang C's 6.
        let day = BacklogDay(backlog: 20, arrivalsPerMinute: 0.3, servicePerMinute: 0.4, minutes: 450, stationary: stationary)
        let f = 200.0 / 450
        #expect(day.backlogAtEnd == 0)
        #expect(abs(day.meanWait - (f * 25 + (1 - f) * 6)) < 1e-9)
        #expect(abs(day.p90Wait - 50 * (1 - 0.1 / f)) < 1e-9)
        #expect(abs(day.queuedShare - f) < 1e-12)
    }

    @Test func aStableDayWithoutBacklogIsErlangC() {
        let day = BacklogDay(backlog: 0, arrivalsPerMinute: 0.3, servicePerMinute: 0.4, minutes: 450, stationary: stationary)
        #expect(day.meanWait == 6 && day.p90Wait == 15 && day.backlogAtEnd == 0 && day.queuedShare == 0)
    }
}
