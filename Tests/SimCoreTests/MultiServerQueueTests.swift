import SimCore
import Testing

/// A hand-traced case: two servers, one leaves at t=1 while both are busy and returns at t=5.
struct CapacityChangeModel: DiscreteEventModel {
    enum Event: BitwiseCopyable {
        case arrive(StaticString, service: Double)
        case end(StaticString)
        case servers(Int)
    }
    var calendar = EventCalendar<Event>()
    var queue = MultiServerQueue<(name: StaticString, service: Double)>(servers: 2)
    var log: [String] = []
    var waits: [String: Double] = [:]

    mutating func fire(_ event: Event) {
        let t = now.workingDays
        switch event {
        case .arrive(let name, let service):
            log.append("\(t):arrive \(name)")
            queue.arrive((name, service), at: now)
        case .end(let name):
            log.append("\(t):end \(name)")
            queue.finishService(at: now)
        case .servers(let count):
            log.append("\(t):servers \(count)")
            queue.setServerCount(count, at: now)
        }
        while let started = queue.startNext(at: now) {
            log.append("\(t):start \(started.customer.name)")
            waits[started.customer.name.description] = started.wait.workingDays
            calendar.schedule(.end(started.customer.name), after: SimDuration(workingDays: started.customer.service))
        }
    }
}

@Suite struct MultiServerQueueTests {
    @Test func capacityDropLetsBusyServersFinishAndMatchesTheHandTrace() {
        var model = CapacityChangeModel()
        func at(_ t: Double, _ e: CapacityChangeModel.Event) { model.calendar.schedule(e, at: SimTime(workingDays: t)) }
        at(0, .arrive("A", service: 4))
        at(0, .arrive("B", service: 4))
        at(1, .servers(1))
        at(1, .arrive("C", service: 2))
        at(2, .arrive("D", service: 1))
        at(5, .servers(2))
        model.run(until: .never)
        #expect(
            model.log == [
                "0.0:arrive A", "0.0:start A", "0.0:arrive B", "0.0:start B",
                "1.0:servers 1", "1.0:arrive C",
                "2.0:arrive D",
                "4.0:end A",  // one server left: busy 1 = capacity 1, C keeps waiting
                "4.0:end B", "4.0:start C",
                "5.0:servers 2", "5.0:start D",
                "6.0:end C", "6.0:end D",
            ])
        #expect(model.waits == ["A": 0, "B": 0, "C": 3, "D": 3])
        let end = SimTime(workingDays: 6)
        // Queue length: 1 on [1,2], 2 on [2,4], 1 on [4,5] → area 6 over 6 days.
        #expect(model.queue.queueLength.average(upTo: end) == 1.0)
        // Busy area 11; staffed area 2 + 3·2 (B and A kept serving) + 1 + 2 = 11: fully used.
        #expect(model.queue.utilisation(upTo: end) == 1.0)
        #expect(model.queue.waits.mean == 1.5)
        // Little's law on the trace: Lq = λ·Wq = (4 arrivals / 6 days) · 1.5 days = 1.
        #expect(model.queue.queueLength.average(upTo: end) == Double(model.queue.arrivals) / 6 * model.queue.waits.mean)
    }

    @Test func aRiseInServersStartsWaitingCustomersAtOnce() {
        var queue = MultiServerQueue<Int>(servers: 0)
        queue.arrive(1, at: .zero)
        queue.arrive(2, at: .zero)
        #expect(queue.startNext(at: .zero) == nil)
        queue.setServerCount(1, at: SimTime(workingDays: 2))
        let first = queue.startNext(at: SimTime(workingDays: 2))
        #expect(first?.customer == 1)
        #expect(first?.wait == SimDuration(workingDays: 2))
        #expect(queue.startNext(at: SimTime(workingDays: 2)) == nil)
        #expect(queue.waitingCount == 1)
    }

    @Test func theRingKeepsOrderAcrossGrowthAndWrapAround() {
        var ring = FIFORing<Int>(capacity: 2)
        var expected: [Int] = []
        var out: [Int] = []
        var next = 0
        for round in 0..<50 {
            for _ in 0..<(round % 7 + 1) {
                ring.append(next)
                expected.append(next)
                next += 1
            }
            for _ in 0..<(round % 5) { if let x = ring.popFirst() { out.append(x) } }
        }
        while let x = ring.popFirst() { out.append(x) }
        #expect(out == expected)
        #expect(ring.isEmpty)
    }
}
