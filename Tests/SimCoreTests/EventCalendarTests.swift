import Foundation
import SimCore
import Testing

/// A tiny model in SimPy's test style: each event carries a label and is logged as (time, label)
/// when it fires; a label may schedule a follow-up. Labels are static strings: events are plain
/// values (`BitwiseCopyable`), as the calendar asks.
struct LoggingModel: DiscreteEventModel {
    enum Event: BitwiseCopyable {
        case log(StaticString)
        case logThenSchedule(StaticString, follow: StaticString, after: Double)
    }
    var calendar = EventCalendar<Event>()
    var log: [(Double, String)] = []

    mutating func fire(_ event: Event) {
        switch event {
        case .log(let label):
            log.append((now.workingDays, label.description))
        case .logThenSchedule(let label, let follow, let delay):
            log.append((now.workingDays, label.description))
            calendar.schedule(.log(follow), after: SimDuration(workingDays: delay))
        }
    }

    mutating func at(_ time: Double, _ event: Event) {
        calendar.schedule(event, at: SimTime(workingDays: time))
    }

    var labels: [String] { log.map { "\($0.0):\($0.1)" } }
}

@Suite struct EventCalendarTests {
    @Test func equalTimesFireInSchedulingOrder() {
        var model = LoggingModel()
        model.at(2, .log("c"))
        model.at(1, .log("a"))
        model.at(2, .log("d"))
        model.at(1, .logThenSchedule("b", follow: "b-followup-same-instant", after: 0))
        model.at(1, .log("b2"))
        model.run(until: .never)
        #expect(model.labels == ["1.0:a", "1.0:b", "1.0:b2", "1.0:b-followup-same-instant", "2.0:c", "2.0:d"])
    }

    /// A calendar that starts before zero (a warm-up) orders negative, zero and positive times
    /// as numbers: the packed key must not sort a negative time's bit pattern after the others.
    @Test func timesBeforeZeroFireInTimeOrder() {
        var model = LoggingModel()
        model.calendar = EventCalendar(startingAt: SimTime(workingDays: -60))
        model.at(2, .log("e"))
        model.at(0, .log("d"))
        model.at(-0.5, .log("c"))
        model.at(-59.25, .log("a"))
        model.at(-3, .log("b"))
        model.run(until: .never)
        #expect(model.labels == ["-59.25:a", "-3.0:b", "-0.5:c", "0.0:d", "2.0:e"])
    }

    @Test func runUntilStopsBeforeEventsAtTheBoundary() {
        var model = LoggingModel()
        model.at(1, .log("one"))
        model.at(2, .log("two"))
        model.at(3, .log("three"))
        let fired = model.run(until: SimTime(workingDays: 2))
        #expect(fired == 1)
        #expect(model.labels == ["1.0:one"])
        #expect(model.now == SimTime(workingDays: 2))
        model.run(until: SimTime(workingDays: 3))
        #expect(model.labels == ["1.0:one", "2.0:two"])
        model.run(until: .never)
        #expect(model.labels == ["1.0:one", "2.0:two", "3.0:three"])
        #expect(model.now == SimTime(workingDays: 3), "run(until: .never) leaves the clock at the last event")
    }

    @Test func runUntilPastTheLastEventMovesTheClockToUntil() {
        var model = LoggingModel()
        model.at(1, .log("only"))
        model.run(until: SimTime(workingDays: 10))
        #expect(model.labels == ["1.0:only"])
        #expect(model.now == SimTime(workingDays: 10))
    }

    @Test func anEmptyScheduleFiresNothing() {
        var model = LoggingModel()
        #expect(model.run(until: SimTime(workingDays: 5)) == 0)
        #expect(model.step() == false)
        #expect(model.log.isEmpty)
        #expect(model.now == SimTime(workingDays: 5))
    }

    @Test func cancelledEventsNeverFire() {
        var model = LoggingModel()
        model.at(1, .log("kept"))
        let token = model.calendar.schedule(.log("cancelled"), at: SimTime(workingDays: 1))
        model.at(2, .log("also kept"))
        model.calendar.cancel(token)
        model.run(until: .never)
        #expect(model.labels == ["1.0:kept", "2.0:also kept"])
    }

    @Test func cancellingAFiredEventDoesNothing() {
        var model = LoggingModel()
        let first = model.calendar.schedule(.log("a"), at: SimTime(workingDays: 1))
        model.at(1, .log("b"))
        model.step()
        model.calendar.cancel(first)  // already fired at the same instant
        model.run(until: .never)
        #expect(model.labels == ["1.0:a", "1.0:b"])
    }

    @Test func cancelKeepsLaterEventsAtTheSameInstant() {
        var model = LoggingModel()
        model.at(1, .log("a"))
        let b = model.calendar.schedule(.log("b"), at: SimTime(workingDays: 1))
        model.at(1, .log("c"))
        model.step()  // fires a; b is still pending at the same instant
        model.calendar.cancel(b)
        model.run(until: .never)
        #expect(model.labels == ["1.0:a", "1.0:c"])
    }

    /// Every small heap size and many seeds: pops come out in (time, sequence) order, equal to a
    /// stable sort of what was pushed, with pushes and pops interleaved.
    @Test(arguments: 0..<24, 0..<8)
    func popsMatchAStableSortedReference(count: Int, seed: Int) {
        var random = RandomStream(seed: UInt64(seed), replication: count, stream: StreamID(99))
        var calendar = EventCalendar<Int>()
        var pending: [(time: Double, id: Int)] = []
        var popped: [Int] = []
        var expected: [Int] = []
        var nextID = 0
        for _ in 0..<(count * 3) {
            if pending.isEmpty || random.bernoulli(0.6) {
                // Coarse times force many ties.
                let time = calendar.now.workingDays + Double(random.index(below: 4))
                calendar.schedule(nextID, at: SimTime(workingDays: time))
                pending.append((time, nextID))
                nextID += 1
            } else {
                let minimum = pending.indices.min { (pending[$0].time, pending[$0].id) < (pending[$1].time, pending[$1].id) }!
                expected.append(pending.remove(at: minimum).id)
                popped.append(calendar.popNext(before: .never)!)
            }
        }
        #expect(popped == expected)
        #expect(calendar.pendingCount == pending.count)
    }

    @Test func peekShowsTheNextLiveEventWithoutFiringIt() {
        var model = LoggingModel()
        let empty = model.calendar.peekTime()
        #expect(empty == nil)
        let early = model.calendar.schedule(.log("early"), at: SimTime(workingDays: 1))
        model.at(3, .log("late"))
        let first = model.calendar.peekTime()
        #expect(first == SimTime(workingDays: 1))
        model.calendar.cancel(early)
        let afterCancel = model.calendar.peekTime()
        #expect(afterCancel == SimTime(workingDays: 3), "a cancelled event is skipped")
        #expect(model.log.isEmpty && model.now == .zero, "peeking fires nothing and keeps the clock")
        let stepped = model.step()
        #expect(stepped)
        #expect(model.labels == ["3.0:late"])
    }

    @Test func negativeZeroSortsAsZero() {
        var calendar = EventCalendar<Int>()
        calendar.schedule(0, at: SimTime(workingDays: -0.0))
        calendar.schedule(1, at: SimTime(workingDays: 1))
        #expect(calendar.popNext(before: .never) == 0)
    }
}

/// `.ci/run` runs these tests a second time with `SIM_INTERNAL_CHECKS` and sets
/// `SIM_EXPECT_INTERNAL_CHECKS=1`; this fails if that run did not in fact compile the checks in.
@Suite struct BuildConfigurationTests {
    @Test func internalChecksAreOnWhenTheRunAsksForThem() {
        let expected = getenv("SIM_EXPECT_INTERNAL_CHECKS").map { String(cString: $0) == "1" } ?? false
        if expected { #expect(BuildConfiguration.internalChecks) }
    }
}
